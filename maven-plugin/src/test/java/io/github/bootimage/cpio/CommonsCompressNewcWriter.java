package io.github.bootimage.cpio;

import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * The newc writer as it was before it wrote its own headers (through Commons Compress'
 * {@link CpioArchiveOutputStream}, with the planning of the first {@code InodePlan}): the reference that
 * {@link NewcWriter}'s bytes must equal. Test scope only; no size or change checks.
 */
final class CommonsCompressNewcWriter {
    private CommonsCompressNewcWriter() {
    }

    private static final class Group {
        long inode;
        int names;
        int subdirs;
        EntryPath lastName;
    }

    static void write(FileTree tree, Instant epoch, OutputStream out) throws IOException {
        Map<EntryPath, Group> groups = new HashMap<>();
        long next = 1;
        for (Entry entry : tree.entries()) {
            EntryPath key = entry instanceof Entry.HardLink link ? link.target() : entry.path();
            if (entry instanceof Entry.Directory && !entry.path().isRoot()) {
                groups.get(entry.path().parent()).subdirs++;
            }
            Group group = groups.computeIfAbsent(key, k -> new Group());
            if (group.names == 0) {
                group.inode = next++;
            }
            group.names++;
            group.lastName = entry.path();
        }
        CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(out, CpioConstants.FORMAT_NEW, 512, "UTF-8");
        for (Entry entry : tree.entries()) {
            Entry.RegularFile file = entry instanceof Entry.HardLink link
                    ? (Entry.RegularFile) tree.get(link.target()).orElseThrow()
                    : entry instanceof Entry.RegularFile f ? f : null;
            Group group = groups.get(file != null ? file.path() : entry.path());
            CpioArchiveEntry header = new CpioArchiveEntry(CpioConstants.FORMAT_NEW,
                    entry.path().isRoot() ? "." : entry.path().value());
            header.setInode(group.inode);
            header.setTime(epoch.getEpochSecond());
            header.setUID(entry.uid());
            header.setGID(entry.gid());
            header.setNumberOfLinks(entry instanceof Entry.Directory ? 2 + group.subdirs : group.names);
            Content data = null;
            if (entry instanceof Entry.Directory) {
                header.setMode(CpioConstants.C_ISDIR | entry.mode());
            } else if (entry instanceof Entry.Symlink link) {
                header.setMode(CpioConstants.C_ISLNK | 0777);
                data = BytesContent.utf8(link.target());
            } else if (entry instanceof Entry.DeviceNode node) {
                header.setMode((node.kind() == Entry.DeviceNode.Kind.CHARACTER ? CpioConstants.C_ISCHR
                        : CpioConstants.C_ISBLK) | node.mode());
                header.setRemoteDeviceMaj(node.major());
                header.setRemoteDeviceMin(node.minor());
            } else {
                header.setMode(CpioConstants.C_ISREG | file.mode());
                header.setUID(file.uid());
                header.setGID(file.gid());
                data = group.lastName.equals(entry.path()) ? file.content() : null;
            }
            header.setSize(data == null ? 0 : data.size());
            cpio.putArchiveEntry(header);
            if (data != null) {
                try (InputStream in = data.open()) {
                    in.transferTo(cpio);
                }
            }
            cpio.closeArchiveEntry();
        }
        cpio.finish();
    }
}
