package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate version of each package in an archive, read from {@code Packages}-format stanzas (what
 * {@code apt-cache dumpavail} prints: apt's candidate of every package, after pinning), and who provides
 * each virtual package.
 */
public final class PackageIndex {
    private static final Set<String> KEPT = Set.of("Package", "Version", "Architecture", "Filename", "Size",
            "SHA256", "Depends", "Pre-Depends", "Recommends", "Provides", "Conflicts", "Breaks");

    /** A package that provides a virtual name, at the provided version (null: unversioned). */
    public record Provider(BinaryPackage pkg, DebianVersion version) {
    }

    private final Map<String, BinaryPackage> packages;
    private final Map<String, List<Provider>> providers = new HashMap<>();

    private PackageIndex(Map<String, BinaryPackage> packages) {
        this.packages = packages;
        for (BinaryPackage p : packages.values()) {
            for (List<Relation> group : p.relations("Provides")) {
                for (Relation r : group) {
                    providers.computeIfAbsent(r.name(), k -> new ArrayList<>())
                            .add(new Provider(p, "=".equals(r.op()) ? r.version() : null));
                }
            }
        }
        // Stable order for messages and choices, whatever order the index listed them in.
        providers.values().forEach(l -> l.sort(Comparator.comparing(v -> v.pkg().name())));
    }

    /** Reads stanzas; for a name listed twice, the higher version wins (as apt's candidate would). */
    public static PackageIndex parse(InputStream in, String what) throws BootImageException {
        Map<String, BinaryPackage> packages = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            Map<String, String> stanza = new HashMap<>();
            String last = null;
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null;) {
                lineNo++;
                if (line.isEmpty()) {
                    add(packages, stanza, what, lineNo);
                    stanza.clear();
                    last = null;
                } else if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    if (last != null) {
                        stanza.merge(last, " " + line.strip(), String::concat); // folded relation fields
                    }
                } else {
                    int colon = line.indexOf(':');
                    String key = colon > 0 ? line.substring(0, colon) : "";
                    last = KEPT.contains(key) ? key : null;
                    if (last != null) {
                        stanza.put(key, line.substring(colon + 1).strip());
                    }
                }
            }
            add(packages, stanza, what, lineNo);
        } catch (IOException e) {
            throw new BootImageException("cannot read the package index " + what + ": " + e.getMessage(), e);
        }
        return new PackageIndex(packages);
    }

    private static void add(Map<String, BinaryPackage> packages, Map<String, String> s, String what, int line)
            throws BootImageException {
        if (s.isEmpty()) {
            return;
        }
        String name = s.get("Package");
        if (name == null || s.get("Version") == null) {
            throw new BootImageException(what + " line " + line + ": a stanza without Package or Version: " + s);
        }
        Map<String, String> relations = new HashMap<>(s);
        relations.keySet().retainAll(Set.of("Depends", "Pre-Depends", "Recommends", "Provides", "Conflicts", "Breaks"));
        BinaryPackage p;
        try {
            p = new BinaryPackage(name, DebianVersion.parse(s.get("Version")), s.getOrDefault("Architecture", "all"),
                    relations, s.get("Filename"), Long.parseLong(s.getOrDefault("Size", "-1")), s.get("SHA256"));
        } catch (IllegalArgumentException e) {
            throw new BootImageException(what + " line " + line + ": package " + name + ": " + e.getMessage(), e);
        }
        BinaryPackage old = packages.get(name);
        if (old == null || old.version().compareTo(p.version()) < 0) {
            packages.put(name, p);
        }
    }

    public Optional<BinaryPackage> get(String name) {
        return Optional.ofNullable(packages.get(name));
    }

    public List<Provider> providers(String virtualName) {
        return providers.getOrDefault(virtualName, List.of());
    }

    public Collection<BinaryPackage> packages() {
        return packages.values();
    }

    /** Up to {@code max} package names nearest to {@code name} (edit distance, then name), for messages. */
    public List<String> closestNames(String name, int max) {
        List<String> names = new ArrayList<>(packages.keySet());
        names.addAll(providers.keySet());
        Map<String, Integer> distance = new HashMap<>();
        for (String n : names) {
            if (Math.abs(n.length() - name.length()) <= 4 || n.contains(name) || name.contains(n)) {
                distance.put(n, n.contains(name) ? 1 : editDistance(name, n));
            }
        }
        return distance.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
