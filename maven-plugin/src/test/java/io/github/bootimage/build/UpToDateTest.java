package io.github.bootimage.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.boot.BootMenu;
import io.github.bootimage.boot.BootableIso;
import io.github.bootimage.boot.IsoContent;
import io.github.bootimage.boot.MenuEntry;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The up-to-date check as the goals use it: a core request's fingerprint through the file index. Each case of
 * issue 13 ("up to date must mean up to date") is an edit that keeps the size and, where a tool would, the mtime.
 */
class UpToDateTest {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** Files written by a test are "racily clean" for this long; short, so that the stat path is exercised. */
    private static final long RACY = 1_000_000;

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    /** Writes {@code text} over {@code file} and puts its mtime back, as cp -p, rsync -t or tar x would. */
    static void sameSizeEdit(Path file, String text) throws Exception {
        FileTime mtime = Files.getLastModifiedTime(file);
        assertThat(Files.size(file)).isEqualTo(text.length());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, mtime);
    }

    /** Leaves the coarse file-system clock a tick, so the files just written are no longer racily clean. */
    private static void settle() throws InterruptedException {
        Thread.sleep(30);
    }

    private boolean build(UpToDate state, Path output, UpToDate.Inputs inputs) throws Exception {
        return state.run("Thing", output, inputs, log::add, () -> Files.writeString(output, "built " + log.size()));
    }

    private InitramfsRequest initramfs(Path busybox, List<Entry> entries, Path overlay) {
        return InitramfsRequest.of(busybox, EPOCH, dir.resolve("out.cpio")).withExtraEntries(entries)
                .withOverlay(overlay);
    }

    @Test
    void sameSizeEditOfAnEntriesSourceRebuilds() throws Exception {
        Path busybox = Files.writeString(dir.resolve("busybox"), "ELF");
        Path note = Files.writeString(dir.resolve("note.txt"), "hello");
        InitramfsRequest request = initramfs(busybox, List.of(new Entry.RegularFile(EntryPath.of("/etc/note"), 0644, 0,
                0, FileContent.of(note))), null);
        UpToDate state = new UpToDate(dir.resolve("state"), "initramfs", RACY);
        settle();
        assertThat(build(state, request.output(), request::fingerprint)).isTrue();
        assertThat(build(state, request.output(), request::fingerprint)).as("nothing changed").isFalse();
        assertThat(log).contains("Thing up to date, not rebuilt: " + request.output());

        Files.writeString(note, "HELLO"); // same size, new mtime: the old fingerprint had only the size
        assertThat(build(state, request.output(), request::fingerprint)).isTrue();
    }

    @Test
    void sameSizeEditOfAnOverlayFileWithItsMtimeRestoredRebuilds() throws Exception {
        Path busybox = Files.writeString(dir.resolve("busybox"), "ELF");
        Path overlay = Files.createDirectories(dir.resolve("src/main/initramfs/etc"));
        Path motd = Files.writeString(overlay.resolve("motd"), "v1");
        InitramfsRequest request = initramfs(busybox, List.of(), dir.resolve("src/main/initramfs"));
        UpToDate state = new UpToDate(dir.resolve("state"), "initramfs", RACY);
        settle();
        assertThat(build(state, request.output(), request::fingerprint)).isTrue();
        settle();
        assertThat(build(state, request.output(), request::fingerprint)).isFalse();

        sameSizeEdit(motd, "v2");
        assertThat(build(state, request.output(), request::fingerprint)).isTrue();
        assertThat(build(state, request.output(), request::fingerprint)).isFalse();
    }

    @Test
    void sameSizeEditOfAnIsoOverlayFileWithItsMtimeRestoredRebuilds() throws Exception {
        Path overlay = Files.createDirectories(dir.resolve("src/main/iso"));
        Path readme = Files.writeString(overlay.resolve("README"), "v1");
        BootableIso.Request request = iso(overlay);
        UpToDate state = new UpToDate(dir.resolve("state"), "iso", RACY);
        settle();
        assertThat(build(state, request.output(), request::fingerprint)).isTrue();
        settle();
        assertThat(build(state, request.output(), request::fingerprint)).isFalse();

        sameSizeEdit(readme, "v2");
        assertThat(build(state, request.output(), request::fingerprint)).isTrue();
        // A rename over the file (what editors and tar do) is a new inode.
        settle();
        Path other = Files.writeString(dir.resolve("other"), "v2");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(readme));
        Files.move(other, readme, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(build(state, request.output(), request::fingerprint)).as("same bytes: content decides").isFalse();
    }

    private BootableIso.Request iso(Path overlay) throws Exception {
        Path kernel = Files.writeString(dir.resolve("vmlinuz"), "kernel");
        Path initrd = Files.writeString(dir.resolve("initrd"), "initrd");
        Path shim = Files.writeString(dir.resolve("shim"), "shim");
        Path grub = Files.writeString(dir.resolve("grub"), "grub");
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "quiet", true)), 0, 0, true,
                "/boot/vmlinuz", "/boot/initrd.img");
        IsoContent content = new IsoContent(kernel, initrd, Optional.empty(),
                Optional.of(new IsoContent.Uefi(shim, grub)), menu, Optional.of(overlay), "disk");
        return new BootableIso.Request(content, "VOL", "", "", EPOCH, dir.resolve("out.iso"), dir.resolve("work"));
    }

    @Test
    void aChangedSnapshotJarOfTheSameVersionRebuilds() throws Exception {
        Path jar = jar(dir.resolve("bootimage-maven-plugin-1.0-SNAPSHOT.jar"), "one");
        UpToDate state = new UpToDate(dir.resolve("state"), "iso", RACY);
        Path output = dir.resolve("out.iso");
        settle();
        assertThat(build(state, output, f -> f.addCode(jar, "1.0-SNAPSHOT"))).isTrue();
        settle();
        assertThat(build(state, output, f -> f.addCode(jar, "1.0-SNAPSHOT"))).isFalse();

        FileTime mtime = Files.getLastModifiedTime(jar);
        jar(jar, "two"); // same entries, same size: a rebuilt snapshot
        Files.setLastModifiedTime(jar, mtime);
        assertThat(build(state, output, f -> f.addCode(jar, "1.0-SNAPSHOT"))).isTrue();
        // A release is known by its version: its jar is not read at all.
        assertThat(build(state, output, f -> f.addCode(dir.resolve("absent.jar"), "1.0"))).isTrue();
        assertThat(build(state, output, f -> f.addCode(dir.resolve("absent.jar"), "1.0"))).isFalse();
        assertThat(build(state, output, f -> f.addCode(dir.resolve("absent.jar"), "1.1"))).isTrue();
    }

    private static Path jar(Path file, String content) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            JarEntry e = new JarEntry("io/github/bootimage/Code.class");
            e.setTime(0);
            out.putNextEntry(e);
            out.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return file;
    }

    @Test
    void configurationAndTreeShapeCount() throws Exception {
        Path busybox = Files.writeString(dir.resolve("busybox"), "ELF");
        Path overlay = Files.createDirectories(dir.resolve("overlay"));
        InitramfsRequest request = initramfs(busybox, List.of(), overlay);
        String first = fingerprint(request);
        assertThat(fingerprint(request)).isEqualTo(first);
        assertThat(fingerprint(request.withThreads(7))).as("threads do not change the bytes").isEqualTo(first);
        assertThat(fingerprint(request.withCompression(Compression.XZ))).isNotEqualTo(first);
        assertThat(fingerprint(request.withCompressionLevel(3))).isNotEqualTo(first);
        Files.createDirectories(overlay.resolve("empty"));
        String withDir = fingerprint(request);
        assertThat(withDir).isNotEqualTo(first);
        Files.createSymbolicLink(overlay.resolve("sh"), Path.of("bin/busybox"));
        String withLink = fingerprint(request);
        assertThat(withLink).isNotEqualTo(withDir);
        Files.delete(overlay.resolve("sh"));
        Files.createSymbolicLink(overlay.resolve("sh"), Path.of("bin/bash"));
        assertThat(fingerprint(request)).isNotEqualTo(withLink);
        Path init = Files.writeString(overlay.resolve("init"), "#!/bin/sh");
        String plain = fingerprint(request);
        assertThat(init.toFile().setExecutable(true)).isTrue();
        assertThat(fingerprint(request)).as("the executable bit").isNotEqualTo(plain);
    }

    private static String fingerprint(InitramfsRequest request) throws Exception {
        Fingerprint f = new Fingerprint();
        request.fingerprint(f);
        return f.hex();
    }

    @Test
    void anOutputRewrittenBySomethingElseIsBuiltAgain() throws Exception {
        UpToDate state = new UpToDate(dir.resolve("state"), "iso", RACY);
        Path output = dir.resolve("out.iso");
        assertThat(build(state, output, f -> f.add("volume", "A"))).isTrue();
        assertThat(build(state, output, f -> f.add("volume", "A"))).isFalse();
        Files.writeString(output, "another execution's image");
        assertThat(build(state, output, f -> f.add("volume", "A"))).isTrue();
        Files.delete(output);
        assertThat(build(state, output, f -> f.add("volume", "A"))).isTrue();
    }

    @Test
    void aFailedBuildIsNeverUpToDate() throws Exception {
        UpToDate state = new UpToDate(dir.resolve("state"), "iso", RACY);
        Path output = dir.resolve("out.iso");
        assertThat(build(state, output, f -> f.add("volume", "A"))).isTrue();
        try {
            state.run("Thing", output, f -> f.add("volume", "B"), log::add, () -> {
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            // the stamp of A is gone, so A is not up to date either (its output may be half-replaced)
        }
        assertThat(build(state, output, f -> f.add("volume", "A"))).isTrue();
    }
}
