package io.github.bootimage.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A QEMU Machine Protocol client over the Unix socket of {@code -qmp unix:PATH,server=on,wait=off}: the monitor
 * commands a test sends while the guest runs (device_add for hotplug). JSON lines (QEMU docs/interop/qmp-spec).
 */
public final class Qmp implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader in;
    private final Writer out;

    private Qmp(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    /** Connects, reads the greeting and leaves capabilities negotiation mode. */
    public static Qmp connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        Qmp q = new Qmp(ch);
        q.in.readLine();
        q.execute("{\"execute\":\"qmp_capabilities\"}");
        return q;
    }

    /** Sends one command and returns its answer ({@code return} or {@code error}), skipping events. */
    public String execute(String json) throws IOException {
        out.write(json + "\n");
        out.flush();
        for (String line; (line = in.readLine()) != null;) {
            if (line.contains("\"return\"") || line.contains("\"error\"")) {
                return line;
            }
        }
        throw new IOException("QMP connection closed after " + json);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
