package io.github.bootimage.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * One package relation of a control field (Debian Policy §7.1): {@code name[:arch] [(op version)]}. A field is
 * a comma-separated list of groups, each a {@code |}-separated list of alternatives.
 *
 * @param name         the package (or virtual package) name
 * @param archQualifier {@code any}, {@code native} or an architecture after {@code :}, or null
 * @param op           {@code <<}, {@code <=}, {@code =}, {@code >=}, {@code >>}, or null for any version
 * @param version      the version the operator compares with, or null
 */
public record Relation(String name, String archQualifier, String op, DebianVersion version) {

    /** Parses a whole field ({@code Depends}, {@code Provides}, ...) into groups of alternatives. */
    public static List<List<Relation>> parseField(String field) {
        List<List<Relation>> groups = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return groups;
        }
        for (String group : field.split(",")) {
            if (group.isBlank()) {
                continue;
            }
            List<Relation> alternatives = new ArrayList<>();
            for (String alt : group.split("\\|")) {
                alternatives.add(parse(alt));
            }
            groups.add(List.copyOf(alternatives));
        }
        return List.copyOf(groups);
    }

    /** Parses one relation, e.g. {@code libc6 (>= 2.34)} or {@code python3:any}. */
    public static Relation parse(String text) {
        String t = text.strip();
        String op = null;
        DebianVersion version = null;
        int open = t.indexOf('(');
        if (open >= 0) {
            int close = t.indexOf(')', open);
            if (close < 0) {
                throw new IllegalArgumentException("unbalanced '(' in package relation '" + text + "'");
            }
            String cond = t.substring(open + 1, close).strip();
            int v = 0;
            while (v < cond.length() && "<=>".indexOf(cond.charAt(v)) >= 0) {
                v++;
            }
            op = normalizeOp(cond.substring(0, v), text);
            version = DebianVersion.parse(cond.substring(v));
            t = t.substring(0, open).strip();
        }
        // Binary packages carry no [arch] or <profile> restrictions; drop them should an index have them.
        int bracket = t.indexOf('[');
        if (bracket >= 0) {
            t = t.substring(0, bracket).strip();
        }
        String qualifier = null;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            qualifier = t.substring(colon + 1);
            t = t.substring(0, colon);
        }
        return new Relation(t, qualifier, op, version);
    }

    private static String normalizeOp(String op, String text) {
        return switch (op) {
            case "<<", "<=", "=", ">=", ">>" -> op;
            case "<" -> "<="; // deprecated forms (Policy §7.1) mean <= and >=
            case ">" -> ">=";
            default -> throw new IllegalArgumentException("unknown operator '" + op + "' in '" + text + "'");
        };
    }

    /** Whether a package (or provided virtual package) at {@code candidate} satisfies the version condition. */
    public boolean accepts(DebianVersion candidate) {
        if (op == null) {
            return true;
        }
        if (candidate == null) {
            return false; // an unversioned Provides satisfies only unversioned relations
        }
        int c = candidate.compareTo(version);
        return switch (op) {
            case "<<" -> c < 0;
            case "<=" -> c <= 0;
            case "=" -> c == 0;
            case ">=" -> c >= 0;
            default -> c > 0;
        };
    }

    @Override
    public String toString() {
        return name + (archQualifier == null ? "" : ":" + archQualifier) + (op == null ? "" : " (" + op + " " + version + ")");
    }

    /** A group as written in a control file: {@code a (>= 1) | b}. */
    public static String describe(List<Relation> group) {
        return String.join(" | ", group.stream().map(Relation::toString).toList());
    }
}
