package io.github.bootimage.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {
    @TempDir
    Path dir;

    private String extract(Path archive, String glob) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveExtractor.extract("kernel", archive, glob, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("./", "");
        m.put("./boot/", "");
        m.put("./boot/config-6.1", "config");
        m.put("./boot/vmlinuz-6.1", "KERNEL");
        m.put("./bin/busybox", "BUSYBOX");
        m.put("./bin/sh", "->busybox");
        m.put("./usr/bin/bb", "->../../bin/busybox");
        m.put("./bin/hard", "=>./bin/busybox");
        return m;
    }

    @Test
    void takesOneFileFromDebTarCpio() throws Exception {
        Path deb = Archives.write(dir, "x.deb", Archives.deb(files()));
        assertThat(extract(deb, "boot/vmlinuz-*")).isEqualTo("KERNEL");
        assertThat(extract(deb, "./bin/busybox")).isEqualTo("BUSYBOX");
        Path tarXz = Archives.write(dir, "x.tar.xz", Archives.xz(Archives.tar(files())));
        assertThat(extract(tarXz, "boot/vmlinuz-6.1")).isEqualTo("KERNEL");
        Path cpio = Archives.write(dir, "x.cpio", Archives.cpio(Map.of("bin/busybox", "CPIO-BB", "init", "x")));
        assertThat(extract(cpio, "bin/busybox")).isEqualTo("CPIO-BB");
    }

    @Test
    void followsLinksInsideTheArchive() throws Exception {
        Path deb = Archives.write(dir, "x.deb", Archives.deb(files()));
        assertThat(extract(deb, "bin/sh")).isEqualTo("BUSYBOX");
        assertThat(extract(deb, "usr/bin/bb")).isEqualTo("BUSYBOX");
        assertThat(extract(deb, "bin/hard")).isEqualTo("BUSYBOX");
    }

    @Test
    void missingPathListsCandidates() throws Exception {
        Path deb = Archives.write(dir, "x.deb", Archives.deb(files()));
        assertThatThrownBy(() -> extract(deb, "boot/bzImage"))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("kernel: no file 'boot/bzImage'")
                .hasMessageContaining("boot/vmlinuz-6.1").hasMessageContaining("boot/config-6.1");
    }

    @Test
    void ambiguousGlobListsMatches() throws Exception {
        Path deb = Archives.write(dir, "x.deb", Archives.deb(files()));
        assertThatThrownBy(() -> extract(deb, "boot/*"))
                .hasMessageContaining("matches 2 files").hasMessageContaining("boot/vmlinuz-6.1");
    }

    @Test
    void refusesEntriesThatEscape() throws Exception {
        Path dotdot = Archives.write(dir, "a.tar", Archives.tar(Map.of("../x", "evil", "ok", "ok")));
        assertThatThrownBy(() -> extract(dotdot, "ok")).hasMessageContaining("refusing").hasMessageContaining("'../x'");
        Path absolute = Archives.write(dir, "b.tar", Archives.tar(Map.of("/etc/passwd", "evil")));
        assertThatThrownBy(() -> extract(absolute, "etc/passwd")).hasMessageContaining("refusing");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("bin/up", "->../../etc/shadow");
        links.put("bin/abs", "->/etc/shadow");
        Path linkOut = Archives.write(dir, "c.tar", Archives.tar(links));
        assertThatThrownBy(() -> extract(linkOut, "bin/up")).hasMessageContaining("leads outside");
        assertThatThrownBy(() -> extract(linkOut, "bin/abs")).hasMessageContaining("leads outside");
    }

    @Test
    void corruptDebIsAClearError() throws Exception {
        byte[] deb = Archives.deb(files());
        byte[] cut = java.util.Arrays.copyOf(deb, deb.length - 200);
        Path truncated = Archives.write(dir, "cut.deb", cut);
        assertThatThrownBy(() -> extract(truncated, "bin/busybox"))
                .isInstanceOf(BootImageException.class).hasMessageContaining("not a valid .deb");
        Path garbage = Archives.write(dir, "garbage.deb", "!<arch>\nthis is no ar member".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> extract(garbage, "bin/busybox")).hasMessageContaining("not a valid .deb");
        Path text = Archives.write(dir, "text.deb", "hello".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> extract(text, "bin/busybox")).hasMessageContaining("neither a .deb nor");
    }
}
