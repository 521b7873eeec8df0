package io.github.bootimage.inputs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1: serves bytes, 404s unknown paths, and can cut a body short. */
final class TestServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] data = files.get(path);
            if (data == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, data.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(data);
            }
        });
        server.start();
    }

    URI put(String path, byte[] data) {
        files.put(path, data);
        return uri(path);
    }

    /**
     * A server that promises {@code length} bytes and closes the connection after {@code sent}: the JDK's
     * HttpServer keeps such a connection open, so this one speaks HTTP/1.1 on a plain socket.
     */
    static URI truncating(ServerSocket socket, int length, int sent) {
        return partial(socket, length, sent, false);
    }

    /** Like {@link #truncating}, but keeps the connection open after {@code sent} bytes: a stalled server. */
    static URI stalling(ServerSocket socket, int length, int sent) {
        return partial(socket, length, sent, true);
    }

    private static URI partial(ServerSocket socket, int length, int sent, boolean hold) {
        Thread t = new Thread(() -> {
            try (Socket s = socket.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                StringBuilder head = new StringBuilder();
                while (!head.toString().contains("\r\n\r\n")) {
                    int n = in.read(buf);
                    if (n < 0) {
                        return;
                    }
                    head.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[sent]);
                out.flush();
                while (hold && in.read(buf) >= 0) {
                    // silent until the client gives up and closes the connection
                }
            } catch (IOException e) {
                // the test sees the result through the client
            }
        });
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/cut");
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
