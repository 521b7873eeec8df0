package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code Conflicts} and {@code Breaks} within a closure (Policy §7.4, §7.3): both sides cannot be unpacked together. */
final class Conflicts {
    private Conflicts() {
    }

    static void check(List<BinaryPackage> closure) throws BootImageException {
        Map<String, BinaryPackage> byName = new HashMap<>();
        closure.forEach(p -> byName.put(p.name(), p));
        for (BinaryPackage p : closure) {
            for (String field : List.of("Conflicts", "Breaks")) {
                for (List<Relation> group : p.relations(field)) {
                    for (Relation r : group) {
                        check(p, field, r, byName, closure);
                    }
                }
            }
        }
    }

    private static void check(BinaryPackage p, String field, Relation r, Map<String, BinaryPackage> byName,
                              List<BinaryPackage> closure) throws BootImageException {
        BinaryPackage other = byName.get(r.name());
        if (other != null && other != p && r.accepts(other.version())) {
            throw conflict(p, field, r, other);
        }
        // A conflict with a virtual name hits every other provider (a package may provide what it conflicts with).
        for (BinaryPackage q : closure) {
            if (q == p) {
                continue;
            }
            for (List<Relation> provides : q.relations("Provides")) {
                for (Relation pr : provides) {
                    if (pr.name().equals(r.name()) && r.accepts("=".equals(pr.op()) ? pr.version() : null)) {
                        throw conflict(p, field, r, q);
                    }
                }
            }
        }
    }

    private static BootImageException conflict(BinaryPackage p, String field, Relation r, BinaryPackage other) {
        return new BootImageException("<packages>: " + p + " and " + other + " cannot be in one image: " + p.name()
                + " declares '" + field + ": " + r + "'. Remove one of them from <packages> (or the package that pulls "
                + "it in).");
    }
}
