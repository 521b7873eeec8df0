package io.github.bootimage.pgp;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and detached signatures made by GnuPG (an independent implementation), checked with ours. */
class DetachedSignatureCheckTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void keysAndSignatures() throws Exception {
        HostTools.require("gpg", "gpgconf");
        data = tmp.resolve("busybox-9.9.tar.bz2");
        Files.write(data, "pretend tarball\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        for (String who : List.of("upstream", "stranger")) {
            Path home = Files.createDirectory(tmp.resolve(who), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            gpg(home, "--quick-generate-key", who + "@example.org", "ed25519", "sign", "never");
            gpg(home, "--armor", "--output", tmp.resolve(who + ".asc").toString(), "--export", who + "@example.org");
            gpg(home, "--output", tmp.resolve(who + ".gpg").toString(), "--export", who + "@example.org");
            gpg(home, "--output", tmp.resolve(who + ".sig").toString(), "--detach-sign", data.toString());
            gpg(home, "--armor", "--output", tmp.resolve(who + ".sig.asc").toString(), "--detach-sign",
                    data.toString());
        }
    }

    /** Stops the gpg-agents this test started (one per home directory), by their own home directory. */
    @AfterAll
    static void stopAgents() throws Exception {
        for (String who : List.of("upstream", "stranger")) {
            Path home = tmp.resolve(who);
            if (Files.isDirectory(home)) {
                new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent")
                        .redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void binaryAndArmoredSignaturesVerifyWithArmoredOrBinaryKeys() {
        for (String key : List.of("upstream.asc", "upstream.gpg")) {
            for (String sig : List.of("upstream.sig", "upstream.sig.asc")) {
                assertThatCode(() -> DetachedSignatureCheck.verify(data, tmp.resolve(sig), tmp.resolve(key)))
                        .as(sig + " with " + key).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aChangedFileFails() throws IOException {
        Path changed = tmp.resolve("changed.tar.bz2");
        byte[] b = Files.readAllBytes(data);
        b[100] ^= 1;
        Files.write(changed, b);
        assertThatThrownBy(() -> DetachedSignatureCheck.verify(changed, tmp.resolve("upstream.sig"),
                tmp.resolve("upstream.asc"))).isInstanceOf(BootImageException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void aSignatureByAnotherKeyFails() {
        assertThatThrownBy(() -> DetachedSignatureCheck.verify(data, tmp.resolve("stranger.sig"),
                tmp.resolve("upstream.asc"))).isInstanceOf(BootImageException.class)
                .hasMessageContaining("not in the pinned public key");
    }

    @Test
    void aKeyFileIsNotASignature() {
        assertThatThrownBy(() -> DetachedSignatureCheck.verify(data, tmp.resolve("upstream.asc"),
                tmp.resolve("upstream.asc"))).isInstanceOf(BootImageException.class)
                .hasMessageContaining("not a detached OpenPGP signature");
    }

    private static void gpg(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", "", "--no-tty"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command + " failed:\n" + out);
        }
    }
}
