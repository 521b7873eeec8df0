package io.github.bootimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One place of truth for what README.md tells a new user: the test command is the one {@code .ci/run} runs, the
 * packages it needs are {@code .ci/packages} (which {@code .ci/run} installs), and the archetype's Maven wrapper
 * is ours.
 */
class RepositoryFilesTest {
    private static final String TEST_COMMAND = "./mvnw -B verify && its/reproducible-jar.sh && its/benchmarks/run.sh --quick";

    private static Path root;

    @BeforeAll
    static void findRoot() {
        root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        assertThat(root.resolve("README.md")).isRegularFile();
    }

    @Test
    void readmeTestCommandIsWhatCiRuns() throws IOException {
        String readme = read("README.md");
        String ci = read(".ci/run");
        assertThat(readme).contains("\n    " + TEST_COMMAND + "\n").contains("[`.ci/packages`](.ci/packages)");
        // CI runs it with CI=1 in front (a missing test tool then fails instead of skipping)
        assertThat(ci).containsPattern("\n(CI=\\S+ )?" + java.util.regex.Pattern.quote(TEST_COMMAND) + "\n")
                .contains("apt-get install -y -q --no-install-recommends $(sed 's/#.*//' .ci/packages)");
        assertThat(ci.lines().filter(l -> l.contains("apt-get install"))).hasSize(1);
    }

    @Test
    void readmeFreshMachinePackagesAreInTheList() throws IOException {
        String readme = read("README.md");
        String install = readme.lines().filter(l -> l.startsWith("    apt-get update && apt-get install")).findFirst()
                .orElseThrow();
        List<String> packages = Arrays.stream(install.split("&&")[1].trim().split("\\s+"))
                .filter(w -> !w.startsWith("-") && !w.equals("apt-get") && !w.equals("install")).toList();
        assertThat(packages).contains("openjdk-17-jdk-headless", "unzip");
        List<String> listed = read(".ci/packages").lines().map(l -> l.replaceAll("#.*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
        assertThat(listed).containsAll(packages).doesNotHaveDuplicates();
        assertThat(readme).doesNotContain("sudo apt-get update &&").doesNotContain("-initramfs.cpio.zst`");
    }

    @Test
    void archetypeWrapperIsOurs() throws IOException {
        Path generated = root.resolve("archetype/src/main/resources/archetype-resources");
        assertThat(Files.readString(generated.resolve("mvnw"))).isEqualTo(read("mvnw"));
        assertThat(Files.readString(generated.resolve(".mvn/wrapper/maven-wrapper.properties")))
                .isEqualTo(read(".mvn/wrapper/maven-wrapper.properties"));
    }

    @Test
    void pomsCarryWhatMavenCentralRequires() throws Exception {
        assertThat(read("LICENSE")).contains("Apache License").contains("Version 2.0, January 2004");
        Document parent = pom("pom.xml");
        for (String required : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
                "developers/developer/name", "scm/url", "scm/connection", "scm/developerConnection")) {
            assertThat(text(parent, required)).as("parent POM <%s>", required).isNotBlank();
        }
        assertThat(text(parent, "licenses/license/name")).isEqualTo("Apache-2.0");
        for (String module : List.of("maven-plugin/pom.xml", "archetype/pom.xml")) {
            Document pom = pom(module);
            assertThat(text(pom, "name")).as(module + " <name>").isNotBlank();
            String built = Files.readString(root.resolve(module));
            // the jar, -sources.jar and -javadoc.jar, checked by the parent's deployable-set rule at verify
            assertThat(built).contains("<id>attach-sources</id>").contains("<id>deployable-set</id>")
                    .containsAnyOf("<id>attach-javadocs</id>", "<classifier>javadoc</classifier>");
        }
    }

    private static Document pom(String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(root.resolve(path).toFile());
    }

    /** The text at a path of child elements below the project element, or "" when it is missing. */
    private static String text(Document pom, String path) {
        Element e = pom.getDocumentElement();
        for (String name : path.split("/")) {
            Element next = null;
            for (Node n = e.getFirstChild(); n != null && next == null; n = n.getNextSibling()) {
                if (n instanceof Element c && c.getTagName().equals(name)) {
                    next = c;
                }
            }
            if (next == null) {
                return "";
            }
            e = next;
        }
        return e.getTextContent().strip();
    }

    private static String read(String path) throws IOException {
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }
}
