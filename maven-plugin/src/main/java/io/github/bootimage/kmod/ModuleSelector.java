package io.github.bootimage.kmod;

import io.github.bootimage.BootImageException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns {@code <modules>} entries into a {@link ModuleSelection}: each entry is a named set ({@link ModuleSet}), a
 * path glob below {@code lib/modules/<release>/} (it contains a {@code /}), a module-name wildcard ({@code dm-*}),
 * or a module name ({@code -} and {@code _} alike). The closure follows {@code depends=} and {@code softdep=}
 * (pre and post; a softdep names an alias, resolved like modprobe does); builtin modules need no file.
 */
public final class ModuleSelector {
    private static final int CLOSEST = 5;

    private final ModuleTree tree;
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final List<String> builtin = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();

    private ModuleSelector(ModuleTree tree) {
        this.tree = tree;
    }

    /** Selects {@code entries} and their dependencies from {@code tree}; checks every module's vermagic. */
    public static ModuleSelection select(ModuleTree tree, List<String> entries) throws BootImageException {
        ModuleSelector s = new ModuleSelector(tree);
        Deque<String> queue = new ArrayDeque<>();
        for (String entry : entries) {
            String e = entry == null ? "" : entry.strip();
            if (e.isEmpty()) {
                throw new BootImageException("An empty <module> entry in <modules>: give a module name (ext4), a "
                        + "set (storage, usb, filesystems, network, all) or a path glob (kernel/drivers/usb/**).");
            }
            s.roots(e, queue);
        }
        return s.close(queue);
    }

    private void roots(String entry, Deque<String> queue) throws BootImageException {
        Optional<ModuleSet> set = ModuleSet.of(entry);
        if (set.isPresent()) {
            for (String member : set.get().members()) {
                List<String> names = matches(member);
                if (!isPattern(member) && names.isEmpty() && tree.isBuiltin(member)) {
                    continue; // built in: nothing to add
                }
                names.forEach(n -> add(n, "set " + set.get().id(), queue));
            }
            return;
        }
        List<String> names = matches(entry);
        if (names.isEmpty()) {
            if (!isPattern(entry) && tree.isBuiltin(entry)) {
                builtin.add(ModuleNames.normalize(entry));
                return;
            }
            throw notFound(entry);
        }
        names.forEach(n -> add(n, "requested", queue));
    }

    /** The module names an entry stands for (empty when nothing matches). */
    private List<String> matches(String entry) {
        List<String> names = new ArrayList<>();
        if (entry.contains("/")) {
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + stripSlashes(entry));
            for (ModuleFile m : tree.modules().values()) {
                if (glob.matches(Path.of(m.path())) || glob.matches(Path.of(m.installedPath()))) {
                    names.add(m.name());
                }
            }
        } else if (isPattern(entry)) {
            String pattern = ModuleNames.normalizeAlias(entry);
            for (String name : tree.modules().keySet()) {
                if (Fnmatch.matches(pattern, name)) {
                    names.add(name);
                }
            }
        } else {
            tree.module(ModuleNames.ofFileName(entry)).ifPresent(m -> names.add(m.name()));
        }
        return names;
    }

    private static boolean isPattern(String entry) {
        return entry.contains("/") || entry.contains("*") || entry.contains("?") || entry.contains("[");
    }

    private static String stripSlashes(String glob) {
        String g = glob;
        while (g.startsWith("/") || g.startsWith("./")) {
            g = g.substring(g.startsWith("/") ? 1 : 2);
        }
        return g;
    }

    private BootImageException notFound(String entry) {
        if (isPattern(entry)) {
            return new BootImageException("<module>" + entry + "</module> matches no module of kernel "
                    + tree.release() + " (" + tree.root() + "). Path globs are relative to lib/modules/"
                    + tree.release() + "/, e.g. kernel/drivers/usb/storage/**.");
        }
        List<String> near = ModuleNames.closest(entry, tree.modules().keySet(), CLOSEST);
        return new BootImageException("<module>" + entry + "</module>: kernel " + tree.release()
                + " has no such module" + (near.isEmpty() ? "" : "; closest names: " + String.join(", ", near))
                + ". Check the name with 'modinfo -k " + tree.release() + " NAME' or list "
                + tree.root() + "; sets: storage, usb, filesystems, network, all.");
    }

    private void add(String name, String reason, Deque<String> queue) {
        if (reasons.putIfAbsent(name, reason) == null) {
            queue.add(name);
        }
    }

    private ModuleSelection close(Deque<String> queue) throws BootImageException {
        Map<String, ModuleSelection.Selected> selected = new TreeMap<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            ModuleFile file = tree.modules().get(name);
            ModuleData data = tree.data(file);
            checkRelease(file, data);
            selected.put(name, new ModuleSelection.Selected(file, data));
            for (String dep : data.info().depends()) {
                if (tree.modules().containsKey(dep)) {
                    add(dep, "depends of " + name, queue);
                } else if (!tree.isBuiltin(dep)) {
                    throw new BootImageException("Kernel module " + name + " (" + file.path() + ") depends on " + dep
                            + ", which is neither a module of " + tree.root() + " nor built into the kernel. The "
                            + "module tree is incomplete: use the whole lib/modules/" + tree.release() + "/.");
                }
            }
            for (String soft : data.info().softdepNames()) {
                List<String> providers = tree.providers(soft);
                if (providers.isEmpty()) {
                    unresolved.add(name + ": " + soft);
                }
                for (String p : providers) {
                    if (tree.modules().containsKey(p)) {
                        add(p, "softdep of " + name, queue);
                    }
                }
            }
        }
        return new ModuleSelection(tree, new TreeMap<>(selected), new TreeMap<>(reasons), builtin, unresolved);
    }

    private void checkRelease(ModuleFile file, ModuleData data) throws BootImageException {
        String built = data.info().release();
        if (built != null && !built.equals(tree.release())) {
            throw new BootImageException("Kernel module " + file.name() + " (" + file.file() + ") was built for "
                    + "kernel release " + built + ", but the kernel is release " + tree.release() + " (vermagic: "
                    + data.info().vermagic().strip() + "). The kernel would refuse it. Take the modules from the "
                    + "same kernel package as the kernel (for a .deb kernel, leave <kernelModules> unset), or "
                    + "set <kernel> to the kernel these modules belong to.");
        }
    }
}
