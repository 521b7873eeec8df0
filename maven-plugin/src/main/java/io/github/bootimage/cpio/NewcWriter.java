package io.github.bootimage.cpio;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.compress.NonClosingOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Writes a {@link FileTree} as one deterministic newc archive (like {@code cpio -H newc}), streaming file data
 * from {@link Content#open()}.
 *
 * <p>Every value in a header comes from the tree or the epoch: entries in the tree's bytewise order (parents
 * first), the root as {@code .}, mtime = epoch, uid/gid from the entries, inode numbers 1, 2, ... in output
 * order, device numbers 0 except the rdev of device nodes, trailer and zero padding to 512 bytes.
 */
public final class NewcWriter {
    /** newc stores the file size in 8 hex digits. */
    public static final long MAX_FILE_SIZE = 0xFFFF_FFFFL;

    private static final int BLOCK_SIZE = 512;

    private final Instant epoch;
    private final byte[] buffer = new byte[1 << 17];

    public NewcWriter(Instant epoch) {
        if (epoch.getEpochSecond() < 0 || epoch.getEpochSecond() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("epoch " + epoch + " does not fit the 32-bit newc mtime");
        }
        this.epoch = epoch;
    }

    /** Writes the whole archive, including the trailer; {@code out} is left open. */
    public void write(FileTree tree, OutputStream out) throws BootImageException, IOException {
        InodePlan plan = InodePlan.of(tree);
        CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(new NonClosingOutputStream(out), CpioConstants.FORMAT_NEW,
                BLOCK_SIZE, "UTF-8");
        for (Entry entry : tree.entries()) {
            writeEntry(cpio, entry, plan);
        }
        cpio.finish();
        cpio.close();
    }

    private void writeEntry(CpioArchiveOutputStream cpio, Entry entry, InodePlan plan)
            throws BootImageException, IOException {
        CpioArchiveEntry header = new CpioArchiveEntry(CpioConstants.FORMAT_NEW,
                entry.path().isRoot() ? "." : entry.path().value());
        header.setInode(plan.inode(entry.path()));
        header.setTime(epoch.getEpochSecond());
        header.setUID(entry.uid());
        header.setGID(entry.gid());
        header.setDeviceMaj(0);
        header.setDeviceMin(0);
        header.setRemoteDeviceMaj(0);
        header.setRemoteDeviceMin(0);
        header.setNumberOfLinks(plan.links(entry.path()));
        Content data = null;
        if (entry instanceof Entry.Directory) {
            header.setMode(CpioConstants.C_ISDIR | entry.mode());
        } else if (entry instanceof Entry.Symlink link) {
            header.setMode(CpioConstants.C_ISLNK | 0777);
            data = io.github.bootimage.model.BytesContent.utf8(link.target());
        } else if (entry instanceof Entry.DeviceNode node) {
            header.setMode((node.kind() == Entry.DeviceNode.Kind.CHARACTER ? CpioConstants.C_ISCHR
                    : CpioConstants.C_ISBLK) | node.mode());
            header.setRemoteDeviceMaj(node.major());
            header.setRemoteDeviceMin(node.minor());
        } else {
            Entry.RegularFile file = plan.file(entry.path());
            header.setMode(CpioConstants.C_ISREG | file.mode());
            header.setUID(file.uid());
            header.setGID(file.gid());
            // newc keeps the data of a hard-linked file with its last name; the others have size 0.
            data = plan.carriesData(entry.path()) ? file.content() : null;
        }
        long size = data == null ? 0 : data.size();
        checkSize(entry.path(), size);
        header.setSize(size);
        cpio.putArchiveEntry(header);
        if (data != null) {
            copy(data, cpio, entry.path());
        }
        cpio.closeArchiveEntry();
    }

    private static void checkSize(EntryPath path, long size) throws BootImageException {
        if (size > MAX_FILE_SIZE) {
            throw new BootImageException(path + " is " + size + " bytes; the cpio newc format (the initramfs "
                    + "format) stores at most " + MAX_FILE_SIZE + " bytes (4 GiB - 1) per file. Leave the file "
                    + "out of the initramfs, or split it.");
        }
    }

    private void copy(Content content, OutputStream out, EntryPath path) throws BootImageException, IOException {
        long expected = content.size();
        long copied = 0;
        OutputStream bounded = new BoundedOutput(out, expected, path);
        // One buffer for the whole archive: transferTo() allocated 8 KiB per file, and moved big files in
        // 8 KiB system calls.
        try (InputStream in = content.open()) {
            for (int n; (n = in.read(buffer)) >= 0; copied += n) {
                bounded.write(buffer, 0, n);
            }
        }
        if (copied != expected) {
            throw new BootImageException(path + " changed while the archive was written: expected " + expected
                    + " bytes, read " + copied + ". Do not modify inputs during the build.");
        }
    }

    /** Refuses more bytes than the header declared, so a growing input cannot corrupt the archive. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private final EntryPath path;
        private long remaining;

        BoundedOutput(OutputStream out, long limit, EntryPath path) {
            this.out = out;
            this.remaining = limit;
            this.path = path;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > remaining) {
                throw new IOException(path + " grew while the archive was written; do not modify inputs during "
                        + "the build");
            }
            remaining -= len;
            out.write(b, off, len);
        }
    }
}
