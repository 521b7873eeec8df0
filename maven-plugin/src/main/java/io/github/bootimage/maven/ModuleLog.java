package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.kmod.Firmware;
import io.github.bootimage.kmod.KernelModules;
import io.github.bootimage.kmod.ModuleSelection;
import io.github.bootimage.kmod.ModuleSelector;
import io.github.bootimage.kmod.ModuleTree;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Selects the modules of {@code <modules>} and says in the log what the image gets: counts and sizes, at debug the list. */
final class ModuleLog {
    private ModuleLog() {
    }

    static KernelModules select(ModuleInputs in, List<String> entries, Log log) throws BootImageException {
        long start = System.nanoTime();
        ModuleTree tree = ModuleTree.open(in.moduleDir(), in.release());
        ModuleSelection selection = ModuleSelector.select(tree, entries);
        Firmware firmware = in.firmwareDir() == null ? Firmware.none() : Firmware.in(in.firmwareDir());
        log.info(String.format(Locale.ROOT, "Kernel modules: %d of %d for kernel %s (%s), %.1f MiB, selected in %d ms"
                        + " from %s", selection.modules().size(), tree.modules().size(), in.release(),
                String.join(", ", entries), selection.totalSize() / 1048576.0, (System.nanoTime() - start) / 1_000_000,
                in.origin()));
        if (!selection.builtin().isEmpty()) {
            log.info("Kernel modules built into kernel " + in.release() + " (nothing to add): "
                    + String.join(", ", selection.builtin()));
        }
        if (log.isDebugEnabled()) {
            selection.modules().forEach((name, s) -> log.debug(String.format(Locale.ROOT, "  %-24s %9d  %s  (%s)",
                    name, s.data().size(), s.file().installedPath(), selection.reasons().get(name))));
            selection.unresolvedSoftdeps().forEach(u -> log.debug("  softdep provided by no module: " + u));
        }
        List<String> wanted = selection.firmware();
        List<String> missing = firmware.missing(wanted);
        if (!wanted.isEmpty()) {
            log.info("Firmware: " + (wanted.size() - missing.size()) + " of " + wanted.size() + " files the modules name"
                    + (in.firmwareDir() == null ? " (no <firmware> input; mvn -X lists them)" : " found in "
                    + in.firmwareDir()));
        }
        if (!missing.isEmpty() && in.firmwareDir() != null) {
            log.info("Firmware missing (the drivers work without it or report it at run time): "
                    + String.join(", ", missing));
        } else if (!missing.isEmpty() && log.isDebugEnabled()) {
            log.debug("Firmware the modules name: " + String.join(", ", missing));
        }
        return new KernelModules(selection, firmware);
    }
}
