package io.github.bootimage.kmod;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The modules of one kernel release as a directory holds them: {@code lib/modules/<release>/} of a kernel package,
 * with {@code kernel/**}{@code /*.ko[.xz|.zst|.gz]}, and the kernel's own {@code modules.builtin} and
 * {@code modules.builtin.modinfo} when present. Module files are indexed by name up front (a directory walk);
 * their {@code .modinfo} is read on demand and remembered.
 */
public final class ModuleTree {
    /** depmod's default search order (depmod.d(5) "search updates built-in"): a module in updates/ wins. */
    private static final List<String> PRIORITY = List.of("updates/", "kernel/");

    private final Path root;
    private final String release;
    private final SortedMap<String, ModuleFile> modules;
    private final SortedMap<String, List<String>> builtin;
    private final Map<String, ModuleData> data = new ConcurrentHashMap<>();

    private ModuleTree(Path root, String release, SortedMap<String, ModuleFile> modules,
            SortedMap<String, List<String>> builtin) {
        this.root = root;
        this.release = release;
        this.modules = Collections.unmodifiableSortedMap(modules);
        this.builtin = Collections.unmodifiableSortedMap(builtin);
    }

    /**
     * Indexes {@code dir}, the {@code lib/modules/<release>} directory of kernel {@code release}.
     *
     * @throws BootImageException if the directory is missing or unreadable
     */
    public static ModuleTree open(Path dir, String release) throws BootImageException {
        if (!Files.isDirectory(dir)) {
            throw new BootImageException("The kernel module directory " + dir + " does not exist. It must be the "
                    + "lib/modules/<release>/ directory of kernel " + release + ".");
        }
        SortedMap<String, ModuleFile> modules = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted().toList()) {
                ModuleFile m = moduleFile(dir, p);
                if (m != null) {
                    modules.merge(m.name(), m, ModuleTree::preferred);
                }
            }
            return new ModuleTree(dir, release, modules, readBuiltin(dir));
        } catch (IOException | UncheckedIOException e) {
            throw new BootImageException("Cannot read the kernel module directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static ModuleFile moduleFile(Path dir, Path p) throws IOException {
        String fileName = p.getFileName().toString();
        ModuleCompression c = ModuleCompression.ofFileName(fileName);
        if (c == null) {
            return null;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            return null;
        }
        String rel = dir.relativize(p).toString().replace('\\', '/');
        return new ModuleFile(ModuleNames.ofFileName(fileName), rel, p, c, a.size());
    }

    private static ModuleFile preferred(ModuleFile a, ModuleFile b) {
        int pa = priority(a.path());
        int pb = priority(b.path());
        return pa != pb ? (pa < pb ? a : b) : (a.path().compareTo(b.path()) <= 0 ? a : b);
    }

    private static int priority(String path) {
        for (int i = 0; i < PRIORITY.size(); i++) {
            if (path.startsWith(PRIORITY.get(i))) {
                return i;
            }
        }
        return PRIORITY.size();
    }

    /** Builtin module names with their aliases, from modules.builtin and modules.builtin.modinfo. */
    private static SortedMap<String, List<String>> readBuiltin(Path dir) throws IOException {
        SortedMap<String, List<String>> builtin = new TreeMap<>();
        Path list = dir.resolve("modules.builtin");
        if (Files.isRegularFile(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    builtin.put(ModuleNames.ofFileName(l.substring(l.lastIndexOf('/') + 1)), new ArrayList<>());
                }
            }
        }
        Path modinfo = dir.resolve("modules.builtin.modinfo");
        if (Files.isRegularFile(modinfo)) {
            for (String entry : new String(Files.readAllBytes(modinfo), StandardCharsets.UTF_8).split("\0")) {
                int dot = entry.indexOf('.');
                if (dot > 0 && entry.startsWith("alias=", dot + 1)) {
                    builtin.computeIfAbsent(ModuleNames.normalize(entry.substring(0, dot)), k -> new ArrayList<>())
                            .add(entry.substring(dot + 1 + "alias=".length()));
                }
            }
        }
        return builtin;
    }

    public Path root() {
        return root;
    }

    public String release() {
        return release;
    }

    /** Every module file, by module name. */
    public SortedMap<String, ModuleFile> modules() {
        return modules;
    }

    public Optional<ModuleFile> module(String name) {
        return Optional.ofNullable(modules.get(ModuleNames.normalize(name)));
    }

    /** Whether the module is built into the kernel (listed in modules.builtin or modules.builtin.modinfo). */
    public boolean isBuiltin(String name) {
        return builtin.containsKey(ModuleNames.normalize(name));
    }

    /** A file of the kernel's that the tree carries as is (modules.builtin, modules.builtin.modinfo), if present. */
    public Optional<Path> kernelFile(String name) {
        Path p = root.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The module's .modinfo, exported symbols and uncompressed size (read once). */
    public ModuleData data(ModuleFile m) throws BootImageException {
        ModuleData d = data.get(m.name());
        if (d != null) {
            return d;
        }
        try {
            d = ModuleReader.read(m);
        } catch (IOException e) {
            throw new BootImageException("Cannot read kernel module " + m.file() + ": " + e.getMessage()
                    + ". Is the module tree complete and uncorrupted?", e);
        }
        data.put(m.name(), d);
        return d;
    }

    /**
     * The modules providing {@code alias} (a module name or an alias such as {@code crypto-crc32c}), by name, in
     * kmod's lookup order: the module of that name; else every module whose {@code alias=} patterns match; else a
     * builtin of that name; else the builtins whose aliases match. Reads every module's .modinfo the first time,
     * on all cores.
     */
    public List<String> providers(String alias) throws BootImageException {
        String wanted = ModuleNames.normalizeAlias(alias);
        if (modules.containsKey(wanted)) {
            return List.of(wanted);
        }
        loadAll();
        TreeSet<String> found = new TreeSet<>();
        for (ModuleFile m : modules.values()) {
            if (anyMatches(data.get(m.name()).info().aliases(), wanted)) {
                found.add(m.name());
            }
        }
        if (found.isEmpty() && builtin.containsKey(wanted)) {
            return List.of(wanted);
        }
        if (found.isEmpty()) {
            for (Map.Entry<String, List<String>> b : builtin.entrySet()) {
                if (anyMatches(b.getValue(), wanted)) {
                    found.add(b.getKey());
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean anyMatches(List<String> patterns, String wanted) {
        for (String pattern : patterns) {
            if (Fnmatch.matches(ModuleNames.normalizeAlias(pattern), wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Reads every module's data; in parallel, the result does not depend on the order. */
    private void loadAll() throws BootImageException {
        if (data.size() == modules.size()) {
            return;
        }
        List<BootImageException> failures = Collections.synchronizedList(new ArrayList<>());
        modules.values().parallelStream().forEach(m -> {
            try {
                data(m);
            } catch (BootImageException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.stream().min((a, b) -> a.getMessage().compareTo(b.getMessage())).orElseThrow();
        }
    }
}
