package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.pgp.Gpg;
import io.github.bootimage.pgp.TestKeys;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class SignMojoTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void outputTimestamp() {
        env.put("SOURCE_DATE_EPOCH", "1767225600"); // 2026-01-01T00:00:00Z
    }

    private MavenProject setUp(SignMojo mojo) throws Exception {
        mojo.environment = env::get;
        mojo.signatureDirectory = dir.resolve("sign").toFile();
        MavenProject project = mojo.project;
        project.setGroupId("com.example");
        project.setArtifactId("rescue");
        project.setVersion("1.0");
        project.setPackaging("iso");
        project.setFile(Files.writeString(dir.resolve("pom.xml"), "<project/>").toFile());
        DefaultArtifactHandler iso = new DefaultArtifactHandler("iso");
        iso.setExtension("iso");
        Artifact main = new DefaultArtifact("com.example", "rescue", "1.0", null, "iso", null, iso);
        main.setFile(Files.writeString(dir.resolve("rescue-1.0.iso"), "iso image").toFile());
        project.setArtifact(main);
        DefaultArtifactHandler cpio = new DefaultArtifactHandler("cpio.gz");
        cpio.setExtension("cpio.gz");
        Artifact initramfs = new DefaultArtifact("com.example", "rescue", "1.0", null, "cpio.gz", "initramfs", cpio);
        initramfs.setFile(Files.writeString(dir.resolve("initramfs.cpio.gz"), "initramfs").toFile());
        project.addAttachedArtifact(initramfs);
        return project;
    }

    private static Map<String, File> attached(MavenProject project) {
        return project.getAttachedArtifacts().stream().collect(Collectors.toMap(
                a -> a.getType() + ":" + (a.getClassifier() == null ? "" : a.getClassifier()), Artifact::getFile));
    }

    @Test
    @InjectMojo(goal = "sign")
    void skipsWithoutKey(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        mojo.execute();
        assertThat(project.getAttachedArtifacts()).hasSize(1);
        assertThat(dir.resolve("sign")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "sign")
    @MojoParameter(name = "required", value = "true")
    void requiredFailsWithoutKey(SignMojo mojo) throws Exception {
        setUp(mojo);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("MAVEN_GPG_KEY").hasMessageContaining("bootimage.sign.required");
    }

    @Test
    @InjectMojo(goal = "sign")
    @MojoParameter(name = "skip", value = "true")
    void skipWinsOverRequired(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        mojo.required = true;
        mojo.execute();
        assertThat(project.getAttachedArtifacts()).hasSize(1);
    }

    @Test
    @InjectMojo(goal = "sign")
    void signsMainAttachedPomAndChecksums(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        env.put("MAVEN_GPG_KEY", TestKeys.secret("ed25519"));
        env.put("MAVEN_GPG_PASSPHRASE", TestKeys.PASSPHRASE);
        mojo.execute();

        Map<String, File> attached = attached(project);
        assertThat(attached).containsOnlyKeys("cpio.gz:initramfs", "iso.asc:", "cpio.gz.asc:initramfs", "pom.asc:",
                "txt:checksums", "txt.asc:checksums");
        assertThat(attached.get("iso.asc:")).hasName("rescue-1.0.iso.asc");
        assertThat(attached.get("cpio.gz.asc:initramfs")).hasName("rescue-1.0-initramfs.cpio.gz.asc");
        assertThat(attached.get("pom.asc:")).hasName("rescue-1.0.pom.asc");
        assertThat(Files.readString(attached.get("txt:checksums").toPath())).matches(
                "[0-9a-f]{64}  rescue-1.0-initramfs.cpio.gz\n[0-9a-f]{64}  rescue-1.0.iso\n");

        try (Gpg gpg = new Gpg(dir)) {
            gpg.importKey(TestKeys.file("ed25519.pub.asc", dir));
            assertThat(gpg.verify(attached.get("iso.asc:").toPath(), dir.resolve("rescue-1.0.iso")).exit()).isZero();
            assertThat(gpg.verify(attached.get("pom.asc:").toPath(), dir.resolve("pom.xml")).exit()).isZero();
            assertThat(gpg.verify(attached.get("txt.asc:checksums").toPath(),
                    attached.get("txt:checksums").toPath()).exit()).isZero();
        }
    }

    @Test
    @InjectMojo(goal = "sign")
    void signsTwiceIdentically(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        mojo.keyFile = TestKeys.file("rsa.sec.asc", dir).toFile();
        env.put("MAVEN_GPG_PASSPHRASE", TestKeys.PASSPHRASE);
        mojo.execute();
        byte[] first = Files.readAllBytes(attached(project).get("iso.asc:").toPath());
        mojo.execute();
        assertThat(Files.readAllBytes(attached(project).get("iso.asc:").toPath())).isEqualTo(first);
    }

    @Test
    @InjectMojo(goal = "sign")
    @MojoParameter(name = "serverId", value = "gpg-signing")
    void passphraseFromSettingsServer(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        env.put("MAVEN_GPG_KEY", TestKeys.secret("rsa"));
        env.put("MAVEN_GPG_PASSPHRASE", "wrong: the configured server wins");
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("gpg-signing");
        server.setPassphrase(TestKeys.PASSPHRASE);
        settings.addServer(server);
        mojo.settings = settings;
        mojo.execute();
        assertThat(attached(project)).containsKey("iso.asc:");
    }

    @Test
    @InjectMojo(goal = "sign")
    @MojoParameter(name = "serverId", value = "missing")
    void unknownServerFails(SignMojo mojo) throws Exception {
        setUp(mojo);
        env.put("MAVEN_GPG_KEY", TestKeys.secret("rsa"));
        mojo.settings = new Settings();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("No <server> with id 'missing'");
    }

    /** Signatures of the last build must not stay beside new files that this build did not sign. */
    @Test
    @InjectMojo(goal = "sign")
    void aBuildThatDoesNotSignLeavesNoSignatureOfAnEarlierOne(SignMojo mojo) throws Exception {
        setUp(mojo);
        Path sign = dir.resolve("sign");
        env.put("MAVEN_GPG_KEY", TestKeys.secret("ed25519"));
        env.put("MAVEN_GPG_PASSPHRASE", TestKeys.PASSPHRASE);
        mojo.execute();
        assertThat(sign.resolve("rescue-1.0.iso.asc")).exists();
        assertThat(sign.resolve("SHA256SUMS")).exists();
        Files.writeString(sign.resolve("notes.txt"), "not ours");

        env.put("MAVEN_GPG_PASSPHRASE", "wrong");
        assertThatThrownBy(mojo::execute).hasMessageContaining("wrong passphrase");
        try (var files = Files.list(sign)) {
            assertThat(files).containsExactly(sign.resolve("notes.txt"));
        }

        env.put("MAVEN_GPG_PASSPHRASE", TestKeys.PASSPHRASE);
        mojo.execute();
        assertThat(sign.resolve("SHA256SUMS.asc")).exists();
        env.remove("MAVEN_GPG_KEY");
        mojo.execute(); // no key: skipped
        try (var files = Files.list(sign)) {
            assertThat(files).containsExactly(sign.resolve("notes.txt"));
        }

        env.put("MAVEN_GPG_KEY", TestKeys.secret("ed25519"));
        mojo.execute();
        mojo.skip = true;
        mojo.execute();
        assertThat(sign.resolve("rescue-1.0.iso.asc")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "sign")
    void wrongPassphraseFailsWithoutLeakingIt(SignMojo mojo) throws Exception {
        setUp(mojo);
        env.put("MAVEN_GPG_KEY", TestKeys.secret("ed25519"));
        env.put("MAVEN_GPG_PASSPHRASE", "s3cret-guess");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("wrong passphrase").hasMessageContaining("MAVEN_GPG_PASSPHRASE")
                .hasMessageNotContaining("s3cret-guess").hasMessageNotContaining("PGP PRIVATE KEY");
    }

    @Test
    @InjectMojo(goal = "sign")
    void ecdsaRefusedUnlessAllowed(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        env.put("MAVEN_GPG_KEY", TestKeys.secret("ecdsa"));
        env.put("MAVEN_GPG_PASSPHRASE", TestKeys.PASSPHRASE);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("ECDSA");
        mojo.allowRandomizedSignatures = true;
        mojo.execute();
        assertThat(attached(project)).containsKey("iso.asc:");
    }

    @Test
    @InjectMojo(goal = "sign")
    void invalidOutputTimestampFails(SignMojo mojo) throws Exception {
        setUp(mojo);
        env.put("MAVEN_GPG_KEY", TestKeys.secret("ed25519"));
        mojo.outputTimestamp = "${git.commit.time}";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("project.build.outputTimestamp");
    }

    @Test
    @InjectMojo(goal = "sign")
    void pomPackagingSignsThePomOnce(SignMojo mojo) throws Exception {
        MavenProject project = setUp(mojo);
        project.setPackaging("pom");
        project.getAttachedArtifacts().clear();
        env.put("MAVEN_GPG_KEY", TestKeys.secret("unprotected"));
        mojo.execute();
        assertThat(attached(project)).containsOnlyKeys("pom.asc:");
        assertThat(List.of(dir.resolve("sign").toFile().list())).containsExactly("rescue-1.0.pom.asc");
    }
}
