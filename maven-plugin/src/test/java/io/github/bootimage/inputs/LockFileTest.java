package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bootimage.lock with URL inputs declared without sha256 (the Debian kind is in DebianInputTest). */
class LockFileTest {
    @TempDir
    Path dir;
    final TestServer server = new TestServer();

    LockFileTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    InputResolver resolver(LockMode mode) throws BootImageException {
        return new InputResolver(new InputSettings(dir.resolve("cache"), false, mode, dir.resolve("bootimage.lock"),
                null, null, null, InputLog.silent()));
    }

    static Input url(String name, URI uri) {
        return new Input(name, new Source.Url(uri), null, null);
    }

    @Test
    void recordsSortedEntriesAndReusesThem() throws Exception {
        URI b = server.put("/b/busybox", "v1".getBytes(StandardCharsets.UTF_8));
        URI a = server.put("/a/vmlinuz", "kernel".getBytes(StandardCharsets.UTF_8));
        InputResolver first = resolver(LockMode.NORMAL);
        first.resolve(url("busybox", b));
        first.resolve(url("kernel", a));
        first.resolve(url("rescueKernel", a));
        String text = Files.readString(dir.resolve("bootimage.lock"));
        assertThat(text).isEqualTo(LockFile.HEADER
                + "\n[url " + a + "]\nfile = vmlinuz\ninputs = kernel,rescueKernel\nkind = url\n"
                + "sha256 = " + Sha256.of("kernel") + "\nsize = 6\nsource = " + a + "\n"
                + "\n[url " + b + "]\nfile = busybox\ninputs = busybox\nkind = url\n"
                + "sha256 = " + Sha256.of("v1") + "\nsize = 2\nsource = " + b + "\n");

        // The server now serves other bytes: the lock pins the old ones, so the build fails instead of drifting.
        server.put("/b/busybox", "v2".getBytes(StandardCharsets.UTF_8));
        InputResolver later = new InputResolver(new InputSettings(dir.resolve("other-cache"), false, LockMode.NORMAL,
                dir.resolve("bootimage.lock"), null, null, null, InputLog.silent()));
        assertThatThrownBy(() -> later.resolve(url("busybox", b)))
                .hasMessageContaining("SHA-256 mismatch").hasMessageContaining(Sha256.of("v1"));
        // With the first cache the locked bytes are still there: no download at all.
        int before = server.requests.get();
        assertThat(resolver(LockMode.NORMAL).resolve(url("busybox", b)).file()).hasContent("v1");
        assertThat(server.requests.get()).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("bootimage.lock"))).isEqualTo(text);
    }

    @Test
    void frozenFailsOnUnlockedInputsAndWritesNothing() throws Exception {
        URI b = server.put("/busybox", "v1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolver(LockMode.FROZEN).resolve(url("busybox", b)))
                .hasMessageContaining("busybox: url " + b + " is not in ")
                .hasMessageContaining("frozen (-Dbootimage.lock.frozen)");
        assertThat(dir.resolve("bootimage.lock")).doesNotExist();
        resolver(LockMode.NORMAL).resolve(url("busybox", b));
        assertThat(resolver(LockMode.FROZEN).resolve(url("busybox", b)).file()).hasContent("v1");
    }

    @Test
    void updateReResolves() throws Exception {
        URI b = server.put("/busybox", "v1".getBytes(StandardCharsets.UTF_8));
        resolver(LockMode.NORMAL).resolve(url("busybox", b));
        server.put("/busybox", "v2".getBytes(StandardCharsets.UTF_8));
        InputResolver update = resolver(LockMode.UPDATE);
        assertThat(update.resolve(url("busybox", b)).file()).hasContent("v2");
        int requests = server.requests.get();
        assertThat(update.resolve(url("busybox", b)).file()).hasContent("v2");
        assertThat(server.requests.get()).as("re-resolved once per build").isEqualTo(requests);
        assertThat(Files.readString(dir.resolve("bootimage.lock"))).contains("sha256 = " + Sha256.of("v2"));
    }

    @Test
    void unreadableLockNamesTheLine() throws Exception {
        Files.writeString(dir.resolve("bootimage.lock"), "# ok\n[url x]\nkind = url\nnonsense\n");
        assertThatThrownBy(() -> resolver(LockMode.NORMAL))
                .hasMessageContaining("bootimage.lock line 4").hasMessageContaining("nonsense");
    }

    @Test
    void aBlockWithoutSha256NamesTheBlockInsteadOfCrashing() throws Exception {
        Files.writeString(dir.resolve("bootimage.lock"), "# ok\n[url https://example.org/k]\nkind = url\nsize = 3\n");
        assertThatThrownBy(() -> resolver(LockMode.NORMAL)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("bootimage.lock line 2").hasMessageContaining("[url https://example.org/k]")
                .hasMessageContaining("no 'sha256 = ...' line").hasMessageContaining("-Dbootimage.lock.update");
        Files.writeString(dir.resolve("bootimage.lock"), "[url x]\nsha256 = 12ab\n");
        assertThatThrownBy(() -> resolver(LockMode.NORMAL)).hasMessageContaining("not 64 lower-case hex digits");
        Files.writeString(dir.resolve("bootimage.lock"), "[url x]\nsha256 = " + "a".repeat(64) + "\nsize = big\n");
        assertThatThrownBy(() -> resolver(LockMode.NORMAL)).hasMessageContaining("size = big");
        Files.writeString(dir.resolve("bootimage.lock"), "[url x]\nsha256 = " + "a".repeat(64) + "\n[url x]\nsha256 = "
                + "b".repeat(64) + "\n");
        assertThatThrownBy(() -> resolver(LockMode.NORMAL)).hasMessageContaining("line 3: [url x] appears twice");
    }

    @Test
    void aLockThatIsNotUtf8SaysSo() throws Exception {
        Files.write(dir.resolve("bootimage.lock"), "# Gr\u00fc\u00dfe\n[url x]\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> resolver(LockMode.NORMAL)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("is not UTF-8 text").hasMessageContaining("iconv");
    }
}
