package io.github.bootimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps what the docs quote true (a sibling of {@link DocsExamplesTest}): every goal parameter has a description
 * ({@code bootimage:help -Ddetail} shows it), and every log line or error message that docs/ quote exists in the
 * code. A quote is a {@code `...`} span in the first column of a table of troubleshooting.md, at the start of one
 * of its list items, or in a list item of getting-started.md's "First build". Placeholders in a quote (single
 * capitals such as {@code F}, {@code 'x'}, anything with a digit or a '/', and {@code ...}) stand for values; the
 * text between them must appear in one string literal (or a {@code "a" + "b"} run of them) of the main sources.
 */
class DocsQuotesTest {
    /** Words the docs use for values inside a quoted message. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\.\\.\\.|…|'[^' ]*'|\\b(?:[A-Z]|GLOB|ARCHIVE|DIR|SOURCE|URL|STEP|REASON|GOAL|FINGERPRINT|FILE|COMMAND|x)\\b"
                    + "|-D\\S+|\\[[a-z-]+(?:, [a-z-]+)+]|[^\\s`]*[0-9/][^\\s`]*");
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Fragments shorter than this say too little to check. */
    private static final int MIN_FRAGMENT = 6;

    private static final char START = '\u0001';
    private static final char END = '\u0002';

    private static Path basedir;
    /** Every literal run of the main sources, each between START and END. */
    private static String literals;
    private static Set<String> runs;

    @BeforeAll
    static void readSources() throws IOException {
        basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        runs = new HashSet<>();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(basedir.resolve("src/main/java"))) {
            for (Path java : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (String run : literalRuns(Files.readString(java, StandardCharsets.UTF_8))) {
                    runs.add(run);
                    all.append(START).append(run).append(END);
                }
            }
        }
        literals = all.toString();
        assertThat(runs).hasSizeGreaterThan(500);
    }

    @Test
    void everyParameterHasADescription() throws Exception {
        Path descriptor = basedir.resolve("target/classes/META-INF/maven/plugin.xml");
        NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getElementsByTagName("mojo");
        List<String> missing = new ArrayList<>();
        int parameters = 0;
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = text(mojo, "goal");
            NodeList params = mojo.getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                Element p = (Element) params.item(j);
                if ("true".equals(text(p, "editable"))) {
                    parameters++;
                    if (text(p, "description").isBlank()) {
                        missing.add(goal + ": " + text(p, "name"));
                    }
                }
            }
        }
        assertThat(parameters).isGreaterThan(50);
        assertThat(missing).as("parameters without Javadoc (bootimage:help -Ddetail shows nothing)").isEmpty();
    }

    @Test
    void quotedMessagesExistInTheCode() throws IOException {
        Path docs = basedir.resolveSibling("docs").normalize();
        List<String> quotes = new ArrayList<>(troubleshootingQuotes(docs.resolve("troubleshooting.md")));
        quotes.addAll(firstBuildQuotes(docs.resolve("getting-started.md")));
        assertThat(quotes).hasSizeGreaterThan(80);
        List<String> problems = new ArrayList<>();
        for (String quote : quotes) {
            for (String fragment : PLACEHOLDER.split(quote)) {
                String f = fragment.strip();
                if (f.length() >= MIN_FRAGMENT && !inCode(f)) {
                    problems.add("'" + f + "' of `" + quote + "`");
                }
            }
        }
        assertThat(problems).as("quoted text that no string literal of the code holds").isEmpty();
    }

    @Test
    void aChangedMessageIsCaught() {
        assertThat(inCode("is not an x86 Linux kernel (bzImage)")).isTrue();
        assertThat(inCode("Invalid <menu>: the boot menu needs at least one entry")).isTrue();
        assertThat(inCode("is not an x86 Linux kernel (zImage)")).isFalse();
        assertThat(inCode("Invalid <menu>: the boot menu needs at least two entries")).isFalse();
        assertThat(PLACEHOLDER.split("X: the kernel F was eaten by a grue")).contains(" was eaten by a grue");
    }

    /**
     * Whether the code can print this text: it lies in one literal run, or it is the end of one run, any number
     * of whole runs, and the start of another (a message built as {@code "Invalid <menu>: " + e.getMessage()}).
     */
    private static boolean inCode(String text) {
        if (literals.contains(text)) {
            return true;
        }
        int n = text.length();
        boolean[] joined = new boolean[n + 1]; // text[0, i) can end where a run ends
        for (int i = 1; i < n; i++) {
            joined[i] = literals.contains(text.substring(0, i) + END);
            for (int k = 1; k < i && !joined[i]; k++) {
                joined[i] = joined[k] && runs.contains(text.substring(k, i));
            }
        }
        for (int j = 1; j < n; j++) {
            if (joined[j] && literals.contains(START + text.substring(j))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> troubleshootingQuotes(Path md) throws IOException {
        List<String> quotes = new ArrayList<>();
        boolean ours = true;
        for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
            String cell = null;
            if (line.startsWith("## ")) {
                ours = !line.equals("## Maven itself"); // Maven's own messages, not ours
            } else if (!ours) {
                continue;
            } else if (line.startsWith("| `")) {
                cell = line.substring(1, line.indexOf(" |", 2) + 1);
            } else if (line.startsWith("- `")) {
                cell = line.substring(0, line.indexOf('`', 3) + 1);
            }
            if (cell != null) {
                spans(cell, quotes);
            }
        }
        return quotes;
    }

    private static List<String> firstBuildQuotes(Path md) throws IOException {
        String text = Files.readString(md, StandardCharsets.UTF_8);
        int start = text.indexOf("\n## First build");
        assertThat(start).as("getting-started.md has a 'First build' section").isPositive();
        String section = text.substring(start + 1, text.indexOf("\n## ", start + 1));
        List<String> quotes = new ArrayList<>();
        StringBuilder item = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("- ")) {
                if (item != null) {
                    spans(item.toString(), quotes);
                }
                item = new StringBuilder(line);
            } else if (item != null && line.startsWith("  ")) {
                item.append(' ').append(line.strip());
            } else if (item != null) {
                spans(item.toString(), quotes);
                item = null;
            }
        }
        return quotes;
    }

    private static void spans(String text, List<String> into) {
        Matcher m = SPAN.matcher(text);
        while (m.find()) {
            if (m.group(1).contains(" ")) { // a single word is a name, not a message
                into.add(m.group(1));
            }
        }
    }

    /** The string literals of a Java source, with {@code "a" + "b"} joined into one, comments skipped. */
    static List<String> literalRuns(String source) {
        String code = source.replace("'\\\"'", "' '").replace("'\"'", "' '").replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
        List<String> runs = new ArrayList<>();
        Matcher m = LITERAL.matcher(code);
        StringBuilder run = new StringBuilder();
        int end = -1;
        while (m.find()) {
            if (end >= 0 && !code.substring(end, m.start()).matches("\\s*\\+\\s*")) {
                runs.add(run.toString());
                run.setLength(0);
            }
            run.append(unescape(m.group(1)));
            end = m.end();
        }
        if (end >= 0) {
            runs.add(run.toString());
        }
        return runs;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\'", "'").replace("\\n", "\n").replace("\\t", "\t")
                .replace("\\\\", "\\");
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return list.item(i).getTextContent().trim();
            }
        }
        return "";
    }
}
