package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.pgp.DetachedSigner;
import io.github.bootimage.pgp.RandomizedSignatures;
import io.github.bootimage.pgp.SecretKeyRing;
import io.github.bootimage.pgp.Sha256Sums;
import io.github.bootimage.pgp.SignatureHash;
import io.github.bootimage.pgp.SigningKey;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Signs the main artifact, every attached artifact and the POM with a detached, ASCII-armored OpenPGP
 * signature, attached as {@code <ext>.asc} with the same classifier (as maven-gpg-plugin's Bouncy Castle signer
 * does), and attaches a signed {@code SHA256SUMS} (classifier {@code checksums}, types {@code txt} and
 * {@code txt.asc}). The signature time is {@code project.build.outputTimestamp}, or the signing key's creation time
 * when the key is newer (gpg rejects older signatures), so with an RSA or Ed25519 key a rebuild gives
 * byte-identical {@code .asc} files.
 *
 * <p>The key is read like maven-gpg-plugin's {@code bc} signer: an armored secret key in the environment
 * variable {@code MAVEN_GPG_KEY} (or {@code keyFile}), the passphrase from {@code MAVEN_GPG_PASSPHRASE} or a
 * settings.xml {@code <server>} ({@code serverId}, decrypted as Maven decrypts passwords). Without a key the
 * goal skips with one log line, unless {@code required} is set.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class SignMojo extends BootImageMojo {
    /** The classifier of the attached checksum file and its signature. */
    public static final String CHECKSUMS_CLASSIFIER = "checksums";
    static final String CHECKSUMS_TYPE = "txt";

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    /** File with the armored secret key; when unset, the key is read from the variable {@code MAVEN_GPG_KEY}. */
    @Parameter(property = "bootimage.sign.keyFile")
    File keyFile;

    /** Fingerprint (or long key ID) of the key or subkey to sign with; default: the first usable signing key. */
    @Parameter(property = "bootimage.sign.keyFingerprint")
    String keyFingerprint;

    /** Id of a settings.xml {@code <server>} whose {@code <passphrase>} (or password) unlocks the key. */
    @Parameter(property = "bootimage.sign.serverId")
    String serverId;

    /** Fail the build when no key is configured (instead of skipping signing). */
    @Parameter(property = "bootimage.sign.required", defaultValue = "false")
    boolean required;

    /** Allow DSA/ECDSA keys, whose signatures differ on every build (a warning is logged). */
    @Parameter(property = "bootimage.sign.allowRandomizedSignatures", defaultValue = "false")
    boolean allowRandomizedSignatures;

    /** Digest of the signatures: {@code SHA512} or {@code SHA256}. */
    @Parameter(property = "bootimage.sign.hash", defaultValue = "SHA512")
    SignatureHash hash;

    /** Write, sign and attach {@code SHA256SUMS} for the artifact files. */
    @Parameter(property = "bootimage.sign.checksums", defaultValue = "true")
    boolean checksums;

    /** Where the {@code .asc} files and {@code SHA256SUMS} are written. */
    @Parameter(defaultValue = "${project.build.directory}/bootimage-sign", required = true)
    File signatureDirectory;

    /** The signature creation time, so that a rebuild gives byte-identical RSA and Ed25519 signatures. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /** Skips signing only. */
    @Parameter(property = "bootimage.sign.skip", defaultValue = "false")
    boolean skip;

    private final MavenProjectHelper projectHelper;
    private final SettingsDecrypter settingsDecrypter;
    /** The environment; replaced in tests. Only the Mojo reads it. */
    Function<String, String> environment = System::getenv;

    @Inject
    public SignMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter) {
        this.projectHelper = projectHelper;
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    String skipSwitch() {
        return "bootimage.sign.skip";
    }

    @Override
    boolean skip() {
        return skip;
    }

    /** Signatures of an earlier build would sit beside files they no longer match. */
    @Override
    void skipped() throws IOException {
        removeOldSignatures();
    }

    @Override
    void build() throws BootImageException, IOException, MojoExecutionException, MojoFailureException {
        // First: if this build does not sign (no key, wrong passphrase), no earlier signature may remain.
        removeOldSignatures();
        KeyConfig keys = new KeyConfig(keyFile, keyFingerprint, serverId, settings, settingsDecrypter, environment);
        Optional<SecretKeyRing> ring = keys.ring();
        if (ring.isEmpty()) {
            String message = "No signing key: set the environment variable " + KeyConfig.KEY_ENV
                    + " (gpg --armor --export-secret-keys FINGERPRINT) or -Dbootimage.sign.keyFile=FILE.";
            if (required) {
                throw new MojoFailureException(message + " Signing is required (bootimage.sign.required).");
            }
            getLog().info("Signing skipped. " + message);
            return;
        }
        Instant time = signatureTime();
        SigningKey key = keys.unlock(ring.get(), time, allowRandomizedSignatures
                ? RandomizedSignatures.ALLOW : RandomizedSignatures.REFUSE);
        if (!key.deterministic()) {
            getLog().warn("The key " + key.fingerprint() + " (" + key.algorithm() + ") makes randomised signatures:"
                    + " the .asc files will differ on every build. Use an RSA or Ed25519 key for reproducible ones.");
        }
        getLog().info("Signing with key " + key.fingerprint() + " (" + key.algorithm() + "), signature time "
                + key.signatureTime() + (key.signatureTime().equals(time) ? "." : " (the key's creation time: the key"
                + " is newer than the build time " + time + ", and gpg rejects signatures older than their key)."));
        sign(new DetachedSigner(key, hash));
    }

    private void sign(DetachedSigner signer) throws BootImageException, MojoExecutionException {
        Path dir = createDirectory(signatureDirectory.toPath());
        List<ProjectFiles.Target> targets = ProjectFiles.targets(project);
        Map<String, Path> listed = new LinkedHashMap<>();
        for (ProjectFiles.Target target : targets) {
            Path asc = dir.resolve(target.name() + ".asc");
            signer.sign(target.file(), asc);
            projectHelper.attachArtifact(project, target.extension() + ".asc", target.classifier(), asc.toFile());
            if (!target.pom()) {
                listed.put(target.name(), target.file());
            }
        }
        if (checksums && !listed.isEmpty()) {
            Path sums = dir.resolve(Sha256Sums.FILE_NAME);
            Sha256Sums.write(sums, listed);
            Path sumsAsc = signer.sign(sums);
            projectHelper.attachArtifact(project, CHECKSUMS_TYPE, CHECKSUMS_CLASSIFIER, sums.toFile());
            projectHelper.attachArtifact(project, CHECKSUMS_TYPE + ".asc", CHECKSUMS_CLASSIFIER, sumsAsc.toFile());
        }
        getLog().info("Signed " + targets.size() + " file(s)" + (checksums && !listed.isEmpty()
                ? " and SHA256SUMS of " + listed.size() + " artifact file(s)" : "") + " into " + dir + ".");
    }

    /** The {@code .asc} files and {@code SHA256SUMS} this goal writes into {@link #signatureDirectory}. */
    private void removeOldSignatures() throws IOException {
        Path dir = signatureDirectory.toPath();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".asc") || name.equals(Sha256Sums.FILE_NAME)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private Instant signatureTime() throws MojoExecutionException {
        Optional<Instant> time = OutputTimestamp.resolve(outputTimestamp, environment);
        if (time.isPresent()) {
            return time.get();
        }
        getLog().warn("No " + OutputTimestamp.PROPERTY + " (nor " + OutputTimestamp.SOURCE_DATE_EPOCH + "): the"
                + " signatures use the current time and will differ on every build.");
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Path createDirectory(Path dir) throws MojoExecutionException {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot create the signature directory " + dir + ": " + e, e);
        }
    }
}
