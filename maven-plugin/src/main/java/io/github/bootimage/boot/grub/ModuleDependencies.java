package io.github.bootimage.boot.grub;

import io.github.bootimage.BootImageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code moddep.lst} ("module: dependency ..." per line) and the order in which grub-mkimage puts modules into
 * the core (util/resolve.c): for each requested module, its dependencies first, depth first, each list walked
 * from its last name to its first (resolve.c builds it by prepending), then the module; each module once.
 * The kernel links the modules in this order, so a dependency is always loaded before its users.
 */
public final class ModuleDependencies {
    private final Map<String, List<String>> dependencies;

    private ModuleDependencies(Map<String, List<String>> dependencies) {
        this.dependencies = dependencies;
    }

    public static ModuleDependencies parse(String moddepLst) throws BootImageException {
        Map<String, List<String>> deps = new HashMap<>();
        for (String line : moddepLst.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BootImageException("moddep.lst: invalid line '" + line + "' (expected 'module: deps')");
            }
            String rest = line.substring(colon + 1).strip();
            deps.put(line.substring(0, colon), rest.isEmpty() ? List.of() : List.of(rest.split("\\s+")));
        }
        return new ModuleDependencies(deps);
    }

    public boolean contains(String module) {
        return dependencies.containsKey(module);
    }

    /** The modules to put into the core, in grub-mkimage's order. */
    public List<String> resolve(List<String> modules) throws BootImageException {
        Set<String> added = new LinkedHashSet<>();
        for (String m : modules) {
            add(m, added, new HashSet<>());
        }
        return new ArrayList<>(added);
    }

    private void add(String module, Set<String> added, Set<String> visiting) throws BootImageException {
        if (added.contains(module)) {
            return;
        }
        List<String> deps = dependencies.get(module);
        if (deps == null) {
            throw new BootImageException("GRUB module '" + module + "' is not in moddep.lst of grub-pc-bin; "
                    + "is the package complete?");
        }
        if (!visiting.add(module)) {
            throw new BootImageException("moddep.lst: dependency cycle through GRUB module '" + module + "'");
        }
        for (int i = deps.size() - 1; i >= 0; i--) {
            add(deps.get(i), added, visiting);
        }
        added.add(module);
    }
}
