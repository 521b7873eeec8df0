package io.github.bootimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the main sources by a scan of imports and qualified names
 * (comments and string literals removed first). A package family is the first name below
 * {@code io.github.bootimage} ({@code iso9660.rockridge} belongs to {@code iso9660}).
 *
 * <p>A new package joins by adding one line to {@link #LAYERS}: a format (it may import only the leaf, the
 * codecs and its own family) or a service (anything below {@code maven}). An unlisted package fails this test.
 */
class LayeringTest {
    private static final String ROOT = "io.github.bootimage";
    private static final int LEAF = 0;
    private static final int CODEC = 1;
    private static final int FORMAT = 2;
    private static final int SERVICE = 3;
    private static final int MAVEN = 4;

    /** Family -> layer. The root package holds only BootImageException. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("", LEAF),
            Map.entry("io", LEAF),
            Map.entry("model", LEAF),
            Map.entry("compress", CODEC),
            Map.entry("cpio", FORMAT),
            Map.entry("iso9660", FORMAT),
            Map.entry("fat", FORMAT),
            Map.entry("partition", FORMAT),
            Map.entry("squashfs", FORMAT),
            Map.entry("kmod", FORMAT),
            Map.entry("boot", SERVICE),
            Map.entry("build", SERVICE),
            Map.entry("busybox", SERVICE),
            Map.entry("debian", SERVICE),
            Map.entry("initramfs", SERVICE),
            Map.entry("live", SERVICE),
            Map.entry("inputs", SERVICE),
            Map.entry("pgp", SERVICE),
            Map.entry("qemu", SERVICE),
            Map.entry("maven", MAVEN));

    /** Leaf packages import only leaf packages listed before them: {@code io} needs nothing of {@code model}. */
    private static final List<String> LEAF_ORDER = List.of("", "io", "model");

    /** Known edges that break a rule, each with its reason. Keep this short. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "partition -> iso9660", "IsoHybrid is an iso9660.SystemArea: the MBR and GPT of a hybrid ISO are laid"
                    + " out from the ISO's IsoLayout");

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.github\\.bootimage((?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final Pattern MAVEN_API = Pattern.compile(
            "\\b(org\\.apache\\.maven|org\\.codehaus\\.plexus|org\\.eclipse\\.aether|org\\.sonatype)\\.");
    /**
     * Wall clock, randomness and environment: the bytes of an image must come from the build inputs only
     * ({@code System.nanoTime} measures timeouts and is allowed). The Mojos resolve these and pass them down.
     */
    private static final Pattern NONDETERMINISM = Pattern.compile("\\b(System\\.currentTimeMillis|Instant\\.now"
            + "|Clock\\.system\\w*|(?:LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime|LocalTime|Year)\\.now"
            + "|new (?:java\\.util\\.)?Random\\b|Math\\.random|SecureRandom|ThreadLocalRandom|UUID\\.randomUUID"
            + "|System\\.getenv|System\\.getProperty|System\\.getProperties|TimeZone\\.getDefault"
            + "|ZoneId\\.systemDefault|Locale\\.getDefault|Charset\\.defaultCharset)\\b");

    private static final Map<String, String> SOURCES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        Path dir = Path.of("src/main/java/io/github/bootimage");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                SOURCES.put(dir.relativize(f).toString(), code(Files.readString(f)));
            }
        }
        assertThat(SOURCES).hasSizeGreaterThan(100);
    }

    @Test
    void everyPackageHasALayer() {
        Set<String> unlisted = new TreeSet<>();
        packageGraph().keySet().forEach(p -> {
            if (!LAYERS.containsKey(family(p))) {
                unlisted.add(p);
            }
        });
        assertThat(unlisted).as("packages without a layer: add their family to LayeringTest.LAYERS "
                + "(FORMAT or SERVICE) and to docs/architecture.md").isEmpty();
    }

    @Test
    void packagesImportOnlyWhatTheirLayerAllows() {
        Set<String> broken = new TreeSet<>();
        packageGraph().forEach((from, targets) -> {
            for (String to : targets) {
                String edge = family(from) + " -> " + family(to);
                if (!allowed(family(from), family(to)) && !EXCEPTIONS.containsKey(edge)) {
                    broken.add(from + " -> " + to);
                }
            }
        });
        assertThat(broken).as("imports across layers (see docs/architecture.md)").isEmpty();
    }

    @Test
    void noPackageCycles() {
        List<Set<String>> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(packageGraph())) {
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
        assertThat(cycles).as("package cycles: move what both sides need into a leaf package").isEmpty();
    }

    @Test
    void mavenApiOnlyInTheMavenPackage() {
        Set<String> leaks = new TreeSet<>();
        SOURCES.forEach((file, code) -> {
            if (!file.startsWith("maven/") && MAVEN_API.matcher(code).find()) {
                leaks.add(file);
            }
        });
        assertThat(leaks).as("Maven API outside maven/").isEmpty();
    }

    @Test
    void noClockRandomnessOrEnvironmentBelowMaven() {
        Set<String> reads = new TreeSet<>();
        SOURCES.forEach((file, code) -> {
            Matcher m = NONDETERMINISM.matcher(code);
            if (!file.startsWith("maven/") && m.find()) {
                reads.add(file + ": " + m.group(1));
            }
        });
        assertThat(reads).as("clock, randomness or environment read below maven/; take it as a build input")
                .isEmpty();
    }

    /** The scan itself: a planted violation of each kind is found (so an empty result means something). */
    @Test
    void theScanFindsWhatItLooksFor() {
        String code = code("package io.github.bootimage.cpio;\nimport io.github.bootimage.iso9660.IsoLayout;\n"
                + "// io.github.bootimage.fat.FatImage in a comment\nclass X { String s = \"org.apache.maven.X\"; "
                + "long t = System.currentTimeMillis(); io.github.bootimage.fat.FatImage f; }");
        assertThat(references(code)).containsExactlyInAnyOrder("io.github.bootimage.iso9660",
                "io.github.bootimage.fat");
        assertThat(allowed("cpio", "iso9660")).isFalse();
        assertThat(allowed("cpio", "model")).isTrue();
        assertThat(allowed("model", "io")).isTrue();
        assertThat(allowed("io", "model")).isFalse();
        assertThat(MAVEN_API.matcher(code).find()).isFalse();
        assertThat(NONDETERMINISM.matcher(code).find()).isTrue();
        Map<String, Set<String>> cycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of());
        assertThat(stronglyConnected(cycle)).contains(Set.of("a", "b", "c"));
    }

    private static boolean allowed(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        int a = LAYERS.getOrDefault(from, MAVEN);
        int b = LAYERS.getOrDefault(to, MAVEN);
        if (a == LEAF && b == LEAF) {
            return LEAF_ORDER.indexOf(to) < LEAF_ORDER.indexOf(from);
        }
        // services build on each other (no cycles, checked apart); formats never import another format
        return b < a || (a == SERVICE && b == SERVICE);
    }

    private static String family(String pkg) {
        String rest = pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        SOURCES.values().forEach(code -> {
            Matcher p = PACKAGE.matcher(code);
            if (!p.find()) {
                return;
            }
            String from = p.group(1);
            Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
            for (String to : references(code)) {
                if (!to.equals(from)) {
                    targets.add(to);
                }
            }
        });
        return graph;
    }

    /** Packages of the project named in imports or qualified names (the package line excluded). */
    private static Set<String> references(String code) {
        Set<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(PACKAGE.matcher(code).replaceFirst(""));
        while (m.find()) {
            packages.add(ROOT + m.group(1));
        }
        return packages;
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> result = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, result);
            }
        }
        return result;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> result) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, result);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            result.add(component);
        }
    }

    /** The source without comments, string and character literals (so prose cannot break or satisfy a rule). */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
