package io.github.bootimage.kmod;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * Puts a selection into an image tree: the modules (uncompressed) and the index files at
 * {@code lib/modules/<release>/}, and the firmware they name, where found, at {@code lib/firmware/}.
 * Files are 0644 root:root, as a kernel package installs them.
 *
 * @param selection the modules
 * @param firmware  where the firmware they name comes from ({@link Firmware#none()}: nowhere)
 */
public record KernelModules(ModuleSelection selection, Firmware firmware) {
    public KernelModules {
        java.util.Objects.requireNonNull(selection, "selection");
        java.util.Objects.requireNonNull(firmware, "firmware");
    }

    /** What was added. */
    public record Added(int modules, long moduleBytes, int firmwareFiles, long firmwareBytes) {
    }

    /** Adds (replacing what is there) the modules, the index files and the firmware found. */
    public Added addTo(FileTree tree) throws BootImageException {
        EntryPath dir = EntryPath.of("lib/modules/" + selection.release());
        tree.put(Entry.Directory.of(dir));
        for (ModuleSelection.Selected s : selection.modules().values()) {
            ModuleFile m = s.file();
            Content content = m.compression() == ModuleCompression.NONE
                    ? new FileContent(m.file(), m.size()) : new DecompressedModule(m, s.data().size());
            tree.put(new Entry.RegularFile(dir.resolve(m.installedPath()), 0644, 0, 0, content));
        }
        for (Map.Entry<String, byte[]> index : Depmod.indexFiles(selection).entrySet()) {
            tree.put(new Entry.RegularFile(dir.resolve(index.getKey()), 0644, 0, 0, new BytesContent(index.getValue())));
        }
        int firmwareFiles = 0;
        long firmwareBytes = 0;
        for (String name : selection.firmware()) {
            var found = firmware.find(name);
            if (found.isPresent()) {
                long size = size(found.get().file());
                tree.put(new Entry.RegularFile(EntryPath.of("lib/firmware/" + found.get().path()), 0644, 0, 0,
                        new FileContent(found.get().file(), size)));
                firmwareFiles++;
                firmwareBytes += size;
            }
        }
        return new Added(selection.modules().size(), selection.totalSize(), firmwareFiles, firmwareBytes);
    }

    private static long size(java.nio.file.Path file) throws BootImageException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BootImageException("Cannot read firmware file " + file + ": " + e.getMessage(), e);
        }
    }
}
