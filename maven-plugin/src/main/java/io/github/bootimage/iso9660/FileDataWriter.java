package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.BootInfoTable;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.ContentChangedException;
import io.github.bootimage.model.ContentReader;
import io.github.bootimage.model.Entry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams file contents into their extents when the image goes to a stream ({@link DataArea} copies them when
 * it goes to a file), patching the boot-info-table into a boot file on the way
 * (bytes 8-63 of the copy; the source is never changed and never held whole in memory).
 */
final class FileDataWriter {
    private static final int BUFFER = 1 << 16;

    private FileDataWriter() {
    }

    static void write(Node n, BootInfoTable table, SectorOutput out) throws IOException, BootImageException {
        copy(n, table, out);
        out.padSector();
    }

    /** Exactly the planned bytes of a file, with the boot-info-table patched in when {@code table} is set. */
    static void copy(Node n, BootInfoTable table, OutputStream out) throws IOException, BootImageException {
        Content content = ((Entry.RegularFile) n.entry).content();
        byte[] buf = new byte[(int) Math.min(BUFFER, content.size() + 1)];
        try (ContentReader in = ContentReader.open(content)) {
            long at = 0;
            for (int r; (r = in.read(buf, 0, buf.length)) >= 0; at += r) {
                if (table != null && at < table.patchEnd()) {
                    table.patch(buf, r, at);
                }
                out.write(buf, 0, r);
            }
        } catch (ContentChangedException e) {
            throw DataArea.changed(n, e);
        }
    }
}
