package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.pgp.RandomizedSignatures;
import io.github.bootimage.pgp.SecretKeyRing;
import io.github.bootimage.pgp.SigningKey;
import java.io.File;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Where the signing key and its passphrase come from, as maven-gpg-plugin's {@code bc} signer users keep them.
 * Messages name the source (variable, file, server id), never a key or passphrase.
 */
final class KeyConfig {
    static final String KEY_ENV = "MAVEN_GPG_KEY";
    static final String FINGERPRINT_ENV = "MAVEN_GPG_KEY_FINGERPRINT";
    static final String PASSPHRASE_ENV = "MAVEN_GPG_PASSPHRASE";
    private static final String HINT = " (Key: " + KEY_ENV + " or -Dbootimage.sign.keyFile; choice:"
            + " -Dbootimage.sign.keyFingerprint; passphrase: " + PASSPHRASE_ENV
            + " or -Dbootimage.sign.serverId=<server id in settings.xml>.)";

    private final File keyFile;
    private final String fingerprint;
    private final String serverId;
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Function<String, String> environment;

    KeyConfig(File keyFile, String fingerprint, String serverId, Settings settings, SettingsDecrypter decrypter,
            Function<String, String> environment) {
        this.keyFile = keyFile;
        this.fingerprint = fingerprint;
        this.serverId = serverId;
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    /** The configured key material, or empty when none is configured at all. */
    Optional<SecretKeyRing> ring() throws MojoExecutionException {
        try {
            if (keyFile != null) {
                return Optional.of(SecretKeyRing.read(keyFile.toPath()));
            }
            String armored = environment.apply(KEY_ENV);
            if (armored == null || armored.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(SecretKeyRing.parse(armored, "the environment variable " + KEY_ENV));
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage() + HINT, e);
        }
    }

    SigningKey unlock(SecretKeyRing ring, Instant time, RandomizedSignatures policy) throws MojoExecutionException {
        char[] passphrase = passphrase();
        try {
            return ring.unlock(fingerprint(), passphrase, time, policy);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage() + HINT, e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private String fingerprint() {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return fingerprint;
        }
        String env = environment.apply(FINGERPRINT_ENV);
        return env == null || env.isBlank() ? null : env;
    }

    /** A configured settings.xml server wins over the environment variable: it was asked for explicitly. */
    private char[] passphrase() throws MojoExecutionException {
        if (serverId != null && !serverId.isBlank()) {
            return serverPassphrase();
        }
        String env = environment.apply(PASSPHRASE_ENV);
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    private char[] serverPassphrase() throws MojoExecutionException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoExecutionException("No <server> with id '" + serverId + "' in settings.xml"
                    + " (bootimage.sign.serverId). Add <server><id>" + serverId
                    + "</id><passphrase>...</passphrase></server> (encrypt it with mvn --encrypt-password).");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoExecutionException("Cannot decrypt the passphrase of server '" + serverId
                        + "' in settings.xml: " + problem.getMessage()
                        + ". Check ~/.m2/settings-security.xml and the encrypted value.");
            }
        }
        Server decrypted = result.getServer();
        String secret = decrypted.getPassphrase() != null ? decrypted.getPassphrase() : decrypted.getPassword();
        if (secret == null) {
            throw new MojoExecutionException("The <server> '" + serverId + "' in settings.xml has no <passphrase>"
                    + " (nor <password>) for the signing key.");
        }
        return secret.toCharArray();
    }
}
