package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileInputTest {
    @TempDir
    Path dir;

    InputResolver resolver() throws BootImageException {
        return new InputResolver(new InputSettings(dir.resolve("cache"), true, LockMode.FROZEN,
                dir.resolve("bootimage.lock"), null, null, null, InputLog.silent()));
    }

    @Test
    void plainFileIsUsedInPlaceAndNeedsNoLock() throws Exception {
        Path k = Files.writeString(dir.resolve("vmlinuz"), "kernel");
        ResolvedInput r = resolver().resolve(new Input("kernel", new Source.LocalFile(k), null, null));
        assertThat(r.file()).isEqualTo(k);
        assertThat(r.sha256()).isEqualTo(Sha256.of("kernel"));
        assertThat(resolver().resolve(new Input("kernel", new Source.LocalFile(k), null, Sha256.of("kernel"))).size())
                .isEqualTo(6);
        assertThat(dir.resolve("bootimage.lock")).doesNotExist();
    }

    @Test
    void missingFileAndWrongHash() throws Exception {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> resolver().resolve(new Input("kernel", new Source.LocalFile(missing), null, null)))
                .hasMessageContaining("kernel: file " + missing + " does not exist").hasMessageContaining("<file>");
        Path k = Files.writeString(dir.resolve("vmlinuz"), "kernel");
        assertThatThrownBy(() -> resolver().resolve(new Input("kernel", new Source.LocalFile(k), null, "0".repeat(64))))
                .hasMessageContaining("kernel: SHA-256 mismatch for " + k)
                .hasMessageContaining("actual:   " + Sha256.of("kernel"));
    }

    @Test
    void pathFromALocalDebIsExtractedOnceIntoTheCache() throws Exception {
        Path deb = Files.write(dir.resolve("busybox-static_amd64.deb"), Archives.deb(Map.of("./bin/busybox", "BB")));
        Input in = new Input("busybox", new Source.LocalFile(deb), "bin/busybox", null);
        ResolvedInput r = resolver().resolve(in);
        assertThat(r.file()).hasContent("BB").startsWith(dir.resolve("cache/sha256"));
        assertThat(r.fileName()).isEqualTo("busybox");
        assertThat(r.origin()).isEqualTo("bin/busybox from " + deb);
        // Archives are known by their hash: the same bytes elsewhere reuse the extraction, other bytes do not.
        Path copy = Files.copy(deb, dir.resolve("copy.deb"));
        Files.writeString(deb, "now corrupt", StandardCharsets.UTF_8);
        assertThat(resolver().resolve(new Input("busybox", new Source.LocalFile(copy), "bin/busybox", null)).file())
                .isEqualTo(r.file());
        assertThatThrownBy(() -> resolver().resolve(in)).hasMessageContaining("not a valid .deb");
    }
}
