package io.github.bootimage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {

    @Test
    void iteratesBytewiseWithParentsFirstAndCreatesMissingParents() throws Exception {
        FileTree tree = new FileTree();
        tree.add(file("usr/bin/z", "z"));
        tree.add(file("a.b", "x"));
        tree.add(file("a/b", "y"));
        tree.add(file("\u00e9t\u00e9", "utf8"));
        tree.add(file("B", "upper"));

        assertThat(tree.entries()).extracting(e -> e.path().value())
                .containsExactly("", "B", "a", "a.b", "a/b", "usr", "usr/bin", "usr/bin/z", "\u00e9t\u00e9");
        assertThat(tree.children(EntryPath.of("usr"))).extracting(e -> e.path().value()).containsExactly("usr/bin");
        assertThat(tree.children(EntryPath.ROOT)).hasSize(5);
    }

    @Test
    void identicalDuplicatesAreAcceptedConflictingOnesRefused() throws Exception {
        FileTree tree = new FileTree();
        tree.add(file("etc/motd", "hi"));
        tree.add(file("etc/motd", "hi"));
        assertThatThrownBy(() -> tree.add(file("etc/motd", "other")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("/etc/motd");
        tree.put(file("etc/motd", "other"));
        assertThat(((Entry.RegularFile) tree.get(EntryPath.of("etc/motd")).orElseThrow()).content())
                .isEqualTo(BytesContent.utf8("other"));
    }

    @Test
    void explicitDirectoryReplacesImplicitOneAndFileCannotBeParent() throws Exception {
        FileTree tree = new FileTree();
        tree.add(file("tmp/x", ""));
        tree.add(new Entry.Directory(EntryPath.of("tmp"), 01777, 0, 0));
        assertThat(tree.get(EntryPath.of("tmp")).orElseThrow().mode()).isEqualTo(01777);
        assertThatThrownBy(() -> tree.add(file("tmp/x/y", "")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("/tmp/x");
    }

    @Test
    void removeDropsTheSubtreeOnly() throws Exception {
        FileTree tree = new FileTree();
        tree.add(file("a/b/c", ""));
        tree.add(file("a.txt", ""));
        tree.add(file("a0", ""));
        tree.remove(EntryPath.of("a"));
        assertThat(tree.entries()).extracting(e -> e.path().value()).containsExactly("", "a.txt", "a0");
    }

    @Test
    void pathsAreNormalised() {
        assertThat(EntryPath.of("./usr//bin/")).isEqualTo(new EntryPath("usr/bin"));
        assertThat(EntryPath.of("/")).isEqualTo(EntryPath.ROOT);
        assertThatThrownBy(() -> EntryPath.of("a/../b")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A name Java cannot decode (as every UTF-8 name under LC_ALL=C) fails instead of landing mangled. */
    @Test
    void overlayRefusesNamesJavaCannotDecode(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Process p = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'Gr\\374\\337e.txt')\"")
                .directory(src.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "sh cannot create the Latin-1 name");
        assertThatThrownBy(() -> Overlay.copy(src, EntryPath.ROOT, new FileTree()))
                .isInstanceOf(BootImageException.class).hasMessageContaining("cannot be decoded")
                .hasMessageContaining("LC_ALL=C.UTF-8");
    }

    @Test
    void overlayKeepsExecutableBitAndRefusesEscapingSymlinks(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("init"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(src.resolve("init"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(src.resolve("etc"));
        Files.writeString(src.resolve("etc/motd"), "hello\n");
        Files.setPosixFilePermissions(src.resolve("etc/motd"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(src.resolve("etc/sh"), Path.of("../bin/busybox"));

        FileTree tree = new FileTree();
        Overlay.copy(src, EntryPath.ROOT, tree);
        assertThat(tree.get(EntryPath.of("init")).orElseThrow().mode()).isEqualTo(0755);
        assertThat(tree.get(EntryPath.of("etc/motd")).orElseThrow().mode()).isEqualTo(0644);
        assertThat(tree.get(EntryPath.of("etc/sh")).orElseThrow()).isEqualTo(
                new Entry.Symlink(EntryPath.of("etc/sh"), "../bin/busybox", 0, 0));

        Files.createSymbolicLink(src.resolve("etc/evil"), Path.of("../../etc/shadow"));
        assertThatThrownBy(() -> Overlay.copy(src, EntryPath.ROOT, new FileTree()))
                .isInstanceOf(BootImageException.class).hasMessageContaining("points outside");
    }

    private static Entry.RegularFile file(String path, String text) {
        return new Entry.RegularFile(EntryPath.of(path), 0644, 0, 0, BytesContent.utf8(text));
    }
}
