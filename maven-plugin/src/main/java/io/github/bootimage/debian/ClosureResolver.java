package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency closure of a {@link PackageRequest} over a {@link PackageIndex}, the way apt's
 * {@code MarkInstall} walks it: depth first, {@code Pre-Depends} then {@code Depends} (then {@code Recommends}
 * when asked) of each package in field order; a group already satisfied by a chosen or omitted package is
 * skipped, otherwise the first alternative that resolves is taken: the real package if its candidate
 * satisfies the version, else the only provider of the virtual name (several providers: an error naming
 * them, unless one is chosen already). Versions are the index's candidates; a requested {@code name=version}
 * comes from {@link ExactVersions}.
 */
public final class ClosureResolver {

    /** Looks up a version other than the candidate ({@code apt-cache show name=version}). */
    @FunctionalInterface
    public interface ExactVersions {
        Optional<BinaryPackage> find(String name, String version) throws BootImageException;
    }

    private final PackageIndex index;
    private final PackageRequest request;
    private final ExactVersions exact;
    private final Map<String, BinaryPackage> chosen = new LinkedHashMap<>();

    private ClosureResolver(PackageIndex index, PackageRequest request, ExactVersions exact) {
        this.index = index;
        this.request = request;
        this.exact = exact;
    }

    /** The closure, sorted by name; fails on a missing, ambiguous, conflicting or foreign package. */
    public static List<BinaryPackage> resolve(PackageIndex index, PackageRequest request, ExactVersions exact)
            throws BootImageException {
        ClosureResolver r = new ClosureResolver(index, request, exact);
        List<BinaryPackage> requested = new ArrayList<>();
        for (String spec : request.specs()) {
            BinaryPackage p = r.requested(spec);
            r.chosen.put(p.name(), p); // chosen first: an explicit choice settles a virtual name for the rest
            requested.add(p);
        }
        for (BinaryPackage p : requested) {
            r.visit(p, new ArrayList<>(List.of(p.name())));
        }
        List<BinaryPackage> closure = new ArrayList<>(r.chosen.values());
        closure.sort(Comparator.comparing(BinaryPackage::name));
        Conflicts.check(closure);
        return List.copyOf(closure);
    }

    private BinaryPackage requested(String spec) throws BootImageException {
        int eq = spec.indexOf('=');
        String name = (eq < 0 ? spec : spec.substring(0, eq)).strip();
        String version = eq < 0 ? null : spec.substring(eq + 1).strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            String arch = name.substring(colon + 1);
            if (!arch.equals(request.architecture()) && !arch.equals("all")) {
                throw new BootImageException("<packages>: " + spec + " is for architecture " + arch + ", but the image is "
                        + request.architecture() + ". Its programs could not run there; drop ':" + arch + "'.");
            }
            name = name.substring(0, colon);
        }
        Optional<BinaryPackage> p = index.get(name);
        if (p.isEmpty()) {
            List<PackageIndex.Provider> providers = index.providers(name);
            if (version == null && providers.size() == 1) {
                return checkArchitecture(providers.get(0).pkg(), spec);
            }
            if (!providers.isEmpty()) {
                throw new BootImageException("<packages>: " + name + " is a virtual package provided by "
                        + names(providers) + ". Name the one you want in <packages>.");
            }
            throw new BootImageException("<packages>: there is no package '" + name + "' in the archive index (apt-cache "
                    + "dumpavail). Closest names: " + String.join(", ", index.closestNames(name, 5))
                    + ". Fix the name, or run 'apt-get update' if it is new.");
        }
        if (version != null && !p.get().version().equals(DebianVersion.parse(version))) {
            Optional<BinaryPackage> found = exact.find(name, version);
            if (found.isEmpty()) {
                throw new BootImageException("<packages>: " + name + " has no version " + version + " in the archive "
                        + "(its candidate is " + p.get().version() + "; 'apt-cache policy " + name + "' lists all). "
                        + "Debian drops superseded versions: use " + name + "=" + p.get().version() + " or just "
                        + name + ".");
            }
            return checkArchitecture(found.get(), spec);
        }
        return checkArchitecture(p.get(), spec);
    }

    private BinaryPackage checkArchitecture(BinaryPackage p, String spec) throws BootImageException {
        if (!p.architecture().equals("all") && !p.architecture().equals(request.architecture())) {
            throw new BootImageException("<packages>: " + spec + " resolves to " + p + " for architecture "
                    + p.architecture() + ", but the image is " + request.architecture() + ".");
        }
        return p;
    }

    private void visit(BinaryPackage p, List<String> path) throws BootImageException {
        List<List<Relation>> groups = new ArrayList<>(p.relations("Pre-Depends"));
        groups.addAll(p.relations("Depends"));
        int required = groups.size();
        if (request.recommends()) {
            groups.addAll(p.relations("Recommends"));
        }
        for (int g = 0; g < groups.size(); g++) {
            List<Relation> group = groups.get(g);
            if (satisfied(group)) {
                continue;
            }
            BinaryPackage next = choose(p, group, path, g < required);
            if (next != null) {
                chosen.put(next.name(), next);
                path.add(next.name());
                visit(next, path);
                path.remove(path.size() - 1);
            }
        }
    }

    private boolean satisfied(List<Relation> group) {
        for (Relation r : group) {
            if (request.omitted().contains(r.name())) {
                return true;
            }
            BinaryPackage real = chosen.get(r.name());
            if (real != null && r.accepts(real.version())) {
                return true;
            }
            for (PackageIndex.Provider pr : index.providers(r.name())) {
                if ((chosen.containsKey(pr.pkg().name()) || request.omitted().contains(pr.pkg().name()))
                        && r.accepts(pr.version())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The package that satisfies {@code group}; null for an unsatisfiable Recommends (apt skips those). */
    private BinaryPackage choose(BinaryPackage from, List<Relation> group, List<String> path, boolean required)
            throws BootImageException {
        for (Relation r : group) {
            Optional<BinaryPackage> real = index.get(r.name()).filter(p -> r.accepts(p.version()) && runs(p));
            if (real.isPresent()) {
                return real.get();
            }
            List<PackageIndex.Provider> providers = index.providers(r.name()).stream()
                    .filter(pr -> r.accepts(pr.version()) && runs(pr.pkg())).toList();
            if (providers.size() == 1) {
                return providers.get(0).pkg();
            }
            if (providers.size() > 1) {
                throw new BootImageException("<packages>: " + from + " needs '" + r + "' (via " + String.join(" -> ", path)
                        + "), a virtual package provided by " + names(providers) + ". Add the one you want to <packages>.");
            }
        }
        if (!required) {
            return null;
        }
        String have = group.stream().map(r -> index.get(r.name()).map(BinaryPackage::toString).orElse(null))
                .filter(s -> s != null).reduce((a, b) -> a + ", " + b).map(s -> " (the archive has " + s + ")").orElse("");
        throw new BootImageException("<packages>: " + from + " depends on '" + Relation.describe(group) + "' (via "
                + String.join(" -> ", path) + "), and nothing in the archive index satisfies it" + have + ". Run "
                + "'apt-get update', or leave the package out (add it to <packageOmits> if the image does not need it).");
    }

    private boolean runs(BinaryPackage p) {
        return p.architecture().equals("all") || p.architecture().equals(request.architecture());
    }

    private static String names(List<PackageIndex.Provider> providers) {
        return String.join(", ", providers.stream().map(pr -> pr.pkg().name()).toList());
    }
}
