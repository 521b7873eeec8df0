package io.github.bootimage.kmod;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small depmod: the text index files of {@code lib/modules/<release>/} for a selection, in kmod's formats
 * (depmod(8), modules.dep(5)), with lines sorted so that the bytes depend only on the selection. No binary
 * {@code .bin} indexes: BusyBox modprobe reads the text files, and kmod falls back to them.
 */
public final class Depmod {
    static final String ALIAS_HEADER = "# Aliases extracted from modules themselves.\n";
    static final String SOFTDEP_HEADER = "# Soft dependencies extracted from modules themselves.\n";
    static final String SYMBOLS_HEADER = "# Aliases for symbols, used by symbol_request().\n";
    /** Copied from the kernel's tree when present. */
    static final List<String> KERNEL_FILES = List.of("modules.builtin", "modules.builtin.modinfo");

    private Depmod() {
    }

    /** File name to content, in name order: modules.alias, .builtin, .builtin.modinfo, .dep, .order, .softdep, .symbols. */
    public static Map<String, byte[]> indexFiles(ModuleSelection selection) throws BootImageException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        files.put("modules.dep", utf8(dep(selection)));
        files.put("modules.alias", utf8(ALIAS_HEADER + lines(selection, Kind.ALIAS)));
        files.put("modules.softdep", utf8(SOFTDEP_HEADER + lines(selection, Kind.SOFTDEP)));
        files.put("modules.symbols", utf8(SYMBOLS_HEADER + lines(selection, Kind.SYMBOL)));
        try {
            for (String name : KERNEL_FILES) {
                Optional<Path> p = selection.tree().kernelFile(name);
                if (p.isPresent()) {
                    files.put(name, Files.readAllBytes(p.get()));
                }
            }
            Optional<Path> order = selection.tree().kernelFile("modules.order");
            if (order.isPresent()) {
                files.put("modules.order", utf8(order(selection, Files.readAllLines(order.get(), StandardCharsets.UTF_8))));
            }
        } catch (IOException e) {
            throw new BootImageException("Cannot read the kernel's module lists in " + selection.tree().root() + ": "
                    + e.getMessage(), e);
        }
        return files;
    }

    /**
     * {@code modules.dep}: one line per module, {@code path: dep...}, listing every module it needs, each before
     * the modules it needs itself; modprobe loads the list from the end.
     */
    static String dep(ModuleSelection selection) {
        TreeSet<String> lines = new TreeSet<>();
        for (ModuleSelection.Selected s : selection.modules().values()) {
            StringBuilder line = new StringBuilder(s.file().installedPath()).append(':');
            List<String> loadOrder = new ArrayList<>();
            visit(selection, s.file().name(), new HashSet<>(), loadOrder);
            loadOrder.remove(loadOrder.size() - 1); // the module itself comes last
            for (int i = loadOrder.size() - 1; i >= 0; i--) {
                line.append(' ').append(selection.modules().get(loadOrder.get(i)).file().installedPath());
            }
            lines.add(line.append('\n').toString());
        }
        return String.join("", lines);
    }

    /** Post-order over depends=: every module after the modules it needs. */
    private static void visit(ModuleSelection selection, String name, Set<String> seen, List<String> out) {
        if (!seen.add(name)) {
            return;
        }
        ModuleSelection.Selected s = selection.modules().get(name);
        if (s == null) {
            return; // built in
        }
        for (String dep : s.data().info().depends()) {
            visit(selection, dep, seen, out);
        }
        out.add(name);
    }

    private enum Kind { ALIAS, SOFTDEP, SYMBOL }

    private static String lines(ModuleSelection selection, Kind kind) {
        TreeSet<String> lines = new TreeSet<>();
        for (Map.Entry<String, ModuleSelection.Selected> e : selection.modules().entrySet()) {
            ModInfo info = e.getValue().data().info();
            switch (kind) {
                case ALIAS -> info.aliases().forEach(a -> lines.add("alias " + a + " " + e.getKey() + "\n"));
                case SOFTDEP -> info.softdep().forEach(d -> lines.add("softdep " + e.getKey() + " " + d.strip() + "\n"));
                case SYMBOL -> e.getValue().data().symbols()
                        .forEach(sym -> lines.add("alias symbol:" + sym + " " + e.getKey() + "\n"));
                default -> throw new IllegalStateException(kind.name());
            }
        }
        return String.join("", lines);
    }

    /** The kernel's modules.order, kept in its order, with only the selected modules. */
    private static String order(ModuleSelection selection, List<String> kernelOrder) {
        Set<String> installed = new HashSet<>();
        for (ModuleSelection.Selected s : selection.modules().values()) {
            installed.add(s.file().installedPath());
        }
        StringBuilder b = new StringBuilder();
        for (String line : kernelOrder) {
            String l = line.strip();
            if (installed.contains(l)) {
                b.append(l).append('\n');
            }
        }
        return b.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
