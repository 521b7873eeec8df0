package io.github.bootimage.cpio;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.ContentChangedException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.StatMode;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.time.Instant;

/**
 * Writes a {@link FileTree} as one deterministic newc archive (like {@code cpio -H newc}), streaming file data
 * from each {@link Content}.
 *
 * <p>Every value in a header comes from the tree or the epoch: entries in the tree's bytewise order (parents
 * first), the root as {@code .}, mtime = epoch, uid/gid from the entries, inode numbers 1, 2, ... in output
 * order, device numbers 0 except the rdev of device nodes, trailer and zero padding to 512 bytes. The bytes
 * are those Commons Compress' {@code CpioArchiveOutputStream} wrote for the same headers; we write them
 * ourselves to keep file data off the Java heap ({@link NewcOutput}).
 */
public final class NewcWriter {
    /** newc stores the file size in 8 hex digits. */
    public static final long MAX_FILE_SIZE = 0xFFFF_FFFFL;

    private final long mtime;

    public NewcWriter(Instant epoch) {
        if (epoch.getEpochSecond() < 0 || epoch.getEpochSecond() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("epoch " + epoch + " does not fit the 32-bit newc mtime");
        }
        this.mtime = epoch.getEpochSecond();
    }

    /** Writes the whole archive, including the trailer, in large writes; {@code out} is neither flushed nor closed. */
    public void write(FileTree tree, OutputStream out) throws BootImageException, IOException {
        write(tree, NewcOutput.to(out));
    }

    /**
     * Writes the whole archive at the channel's position; with a {@link java.nio.channels.FileChannel}, host
     * files are copied in the kernel. {@code out} is left open.
     */
    public void write(FileTree tree, WritableByteChannel out) throws BootImageException, IOException {
        write(tree, NewcOutput.to(out));
    }

    private void write(FileTree tree, NewcOutput out) throws BootImageException, IOException {
        InodePlan plan = InodePlan.of(tree);
        for (Entry entry : tree.entries()) {
            writeEntry(out, entry, plan);
        }
        out.finish();
    }

    private void writeEntry(NewcOutput out, Entry entry, InodePlan plan) throws BootImageException, IOException {
        String name = entry.path().isRoot() ? "." : entry.path().value();
        long inode = plan.inode(entry);
        int links = plan.links(entry);
        if (entry instanceof Entry.Directory) {
            out.header(header(inode, StatMode.of(entry), entry, links, 0, 0, 0, name));
        } else if (entry instanceof Entry.Symlink link) {
            byte[] target = link.target().getBytes(StandardCharsets.UTF_8);
            out.header(header(inode, StatMode.of(link), entry, links, target.length, 0, 0, name));
            out.data(target);
        } else if (entry instanceof Entry.DeviceNode node) {
            out.header(header(inode, StatMode.of(node), entry, links, 0, node.major(), node.minor(), name));
        } else {
            Entry.RegularFile file = plan.file(entry);
            // newc keeps the data of a hard-linked file with its last name; the others have size 0.
            Content data = plan.carriesData(entry) ? file.content() : null;
            long size = data == null ? 0 : data.size();
            checkSize(entry.path(), size);
            out.header(header(inode, StatMode.of(file), file, links, size, 0, 0, name));
            if (data != null) {
                copy(out, data, entry.path());
            }
        }
    }

    private NewcHeader header(long inode, int mode, Entry owner, int links, long size, int rdevMajor, int rdevMinor,
            String name) {
        return new NewcHeader(inode, mode, owner.uid(), owner.gid(), links, mtime, size, 0, 0, rdevMajor, rdevMinor,
                name);
    }

    private static void checkSize(EntryPath path, long size) throws BootImageException {
        if (size > MAX_FILE_SIZE) {
            throw new BootImageException(path + " is " + size + " bytes; the cpio newc format (the initramfs "
                    + "format) stores at most " + MAX_FILE_SIZE + " bytes (4 GiB - 1) per file. Leave the file "
                    + "out of the initramfs, or split it.");
        }
    }

    private static void copy(NewcOutput out, Content data, EntryPath path) throws BootImageException, IOException {
        try {
            out.data(data);
        } catch (ContentChangedException e) {
            throw e.at(path, "the cpio archive");
        } catch (AccessDeniedException e) {
            throw new BootImageException("Cannot read " + path + " for the archive: " + e.getMessage() + ".", e);
        }
    }
}
