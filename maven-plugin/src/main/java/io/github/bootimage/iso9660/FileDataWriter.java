package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.BootInfoTable;
import io.github.bootimage.model.Entry;
import java.io.IOException;
import java.io.InputStream;

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
        Entry.RegularFile f = (Entry.RegularFile) n.entry;
        long size = f.content().size();
        byte[] buf = new byte[(int) Math.max(1, Math.min(BUFFER, size))];
        long copied = 0;
        try (InputStream in = f.content().open()) {
            int r;
            while (copied < size && (r = in.read(buf, 0, (int) Math.min(buf.length, size - copied))) > 0) {
                if (table != null && copied < table.patchEnd()) {
                    table.patch(buf, r, copied);
                }
                out.write(buf, 0, r);
                copied += r;
            }
            if (copied != size || in.read() >= 0) {
                throw DataArea.changed(n, size, copied == size ? size + 1 : copied);
            }
        }
        out.padSector();
    }
}
