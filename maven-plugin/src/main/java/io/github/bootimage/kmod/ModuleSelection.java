package io.github.bootimage.kmod;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The modules an image gets: those asked for and their dependency closure.
 *
 * @param tree     the tree they come from
 * @param modules  every selected module by name, with what was read from it
 * @param reasons  why each module is there, by name: {@code requested}, {@code set storage},
 *                 {@code depends of ext4}, {@code softdep of ext4}
 * @param builtin  names asked for that the kernel has built in (nothing to add)
 * @param unresolvedSoftdeps softdeps no module of the tree provides, as {@code module: name} (kmod skips them too)
 */
public record ModuleSelection(ModuleTree tree, SortedMap<String, Selected> modules, SortedMap<String, String> reasons,
        List<String> builtin, List<String> unresolvedSoftdeps) {

    /** One selected module. */
    public record Selected(ModuleFile file, ModuleData data) {
    }

    public ModuleSelection {
        modules = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(modules));
        reasons = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(reasons));
        builtin = List.copyOf(builtin);
        unresolvedSoftdeps = List.copyOf(unresolvedSoftdeps);
    }

    public String release() {
        return tree.release();
    }

    /** The bytes the modules take in the image (uncompressed). */
    public long totalSize() {
        return modules.values().stream().mapToLong(s -> s.data().size()).sum();
    }

    /** Every firmware file a selected module may request, sorted, without duplicates. */
    public List<String> firmware() {
        return modules.values().stream().flatMap(s -> s.data().info().firmware().stream()).distinct().sorted().toList();
    }
}
