package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.iso9660.eltorito.BootEntry;
import io.github.bootimage.iso9660.eltorito.ElToritoConfig;
import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the exact bytes of images of a varied tree (host files and in-memory files, many names per directory,
 * multi-sector directories, Rock Ridge continuation areas, hard links, devices, El Torito, a system area with a
 * trailer). The hashes were computed with the writer before its speed work; any change of the output shows
 * here. Every way to write (file, stream, channel) must give the same bytes.
 */
class IsoGoldenTest {
    static final String FULL = "dab03f75cac21ba0f86a0614c2c487ed5de4f717147d84f11a3b3ac189a2fd0f";
    static final String ROCK_RIDGE_ONLY = "6335fc8272c79983c0e701176f8ab6719742c0efdd4e8acdb3b7f61c5e71c32a";
    static final String BIG = "e9f4749df162d7d3479c2a60611be78911d43dccfa2e989fff4ac1c422eb6424";
    static final String PLAIN = "89c6d29ecb7867ca4f1ee19218eb392a29daadca9c4a16c1258a861fb221225e";

    @TempDir
    Path tmp;

    @Test
    void fullImageKeepsItsBytes() throws Exception {
        assertSameEverywhere(bootable(tree()), FULL);
    }

    @Test
    void rockRidgeOnlyImageKeepsItsBytes() throws Exception {
        assertSameEverywhere(IsoImageRequest.of(tree(), "GOLDEN", IsoImageWriterTest.EPOCH).withExtensions(true, false),
                ROCK_RIDGE_ONLY);
    }

    @Test
    void plainImageKeepsItsBytes() throws Exception {
        assertSameEverywhere(IsoImageRequest.of(tree(), "GOLDEN", IsoImageWriterTest.EPOCH).withExtensions(false, false),
                PLAIN);
    }

    @Test
    void sameBytesForAnyNumberOfCopyThreads() throws Exception {
        IsoImageRequest request = bootable(tree());
        for (int threads : new int[] {1, 2, 3, 8}) {
            Path iso = tmp.resolve("threads-" + threads + ".iso");
            IsoImageWriter.write(request, iso, threads);
            assertThat(IsoImageWriterTest.sha256(Files.readAllBytes(iso))).as("%d threads", threads).isEqualTo(FULL);
        }
    }

    /** Big enough for the Joliet names to be made on their own thread ({@link Naming.PARALLEL_NAMING}). */
    @Test
    void bigTreeKeepsItsBytes() throws Exception {
        FileTree tree = new FileTree();
        for (int i = 0; i < Naming.PARALLEL_NAMING + 5000; i++) {
            String name = String.format("dir-%03d/%s-%05d.%s", i % 211, i % 3 == 0 ? "File" : "a-long-file-name", i,
                    i % 5 == 0 ? "txt" : "data");
            tree.add(TestTrees.file(name, new byte[i % 3]));
        }
        Path iso = tmp.resolve("big.iso");
        IsoImageWriter.write(IsoImageRequest.of(tree, "BIG", IsoImageWriterTest.EPOCH), iso);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(iso), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(java.util.HexFormat.of().formatHex(sha.digest())).isEqualTo(BIG);
    }

    @Test
    void imageEndingWithTheHoleAfterALargeFileHasItsFullLength() throws Exception {
        FileTree tree = new FileTree();
        tree.add(hostFile("a-small.txt", 10, new Random(1)));
        tree.add(hostFile("z-large.bin", DataArea.SMALL * 3 + 5, new Random(2)));
        IsoImageRequest request = IsoImageRequest.of(tree, "HOLE", IsoImageWriterTest.EPOCH);
        Path iso = tmp.resolve("hole.iso");
        IsoImageWriter.write(request, iso, 2);
        assertThat(Files.size(iso) % IsoBytes.SECTOR).isZero();
        assertThat(Files.readAllBytes(iso)).isEqualTo(IsoImageWriterTest.bytes(request));
    }

    private void assertSameEverywhere(IsoImageRequest request, String golden) throws Exception {
        Path iso = tmp.resolve("golden.iso");
        IsoImageWriter.write(request, iso);
        String file = IsoImageWriterTest.sha256(Files.readAllBytes(iso));
        String stream = IsoImageWriterTest.sha256(IsoImageWriterTest.bytes(request));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoImageWriter.write(request, Channels.newChannel(out));
        String channel = IsoImageWriterTest.sha256(out.toByteArray());
        assertThat(stream).isEqualTo(file);
        assertThat(channel).isEqualTo(file);
        assertThat(file).isEqualTo(golden);
    }

    private static IsoImageRequest bootable(FileTree tree) {
        return IsoImageRequest.of(tree, "GOLDEN", IsoImageWriterTest.EPOCH).withIds("PUBLISHER", "PREPARER", "APP")
                .withElTorito(ElToritoConfig.of(EntryPath.of("isolinux/boot.cat"),
                        BootEntry.isolinux(EntryPath.of("isolinux/isolinux.bin")),
                        BootEntry.uefi(EntryPath.of("boot/grub/efi.img"))))
                .withSystemArea(new PatternArea());
    }

    /** TestTrees' awkward cases plus host files: 700 clashing names in one directory, sizes around sectors. */
    private FileTree tree() throws Exception {
        FileTree tree = TestTrees.tree(0);
        Random random = new Random(9);
        int[] sizes = {0, 1, 2047, 2048, 2049, 4096, 70_000, 300_001};
        for (int i = 0; i < 700; i++) {
            int size = i < sizes.length ? sizes[i] : random.nextInt(5000);
            String name = i % 7 == 0 ? "Some Long Host File Name Number " + i + ".data" : "file-" + i + ".txt";
            tree.add(hostFile("many/" + name, size, random));
        }
        for (int d = 0; d < 30; d++) {
            String dir = "many/sub-directory-" + d;
            tree.add(hostFile(dir + "/x" + "\u00e9".repeat(d) + ".bin", d * 100, random));
            tree.add(new Entry.Symlink(EntryPath.of(dir + "/link"), "../file-" + d + ".txt", 0, 0));
            tree.add(new Entry.HardLink(EntryPath.of(dir + "/hard"), EntryPath.of("many/file-1.txt")));
        }
        return tree;
    }

    private Entry.RegularFile hostFile(String path, int size, Random random) throws Exception {
        byte[] data = new byte[size];
        random.nextBytes(data);
        Path file = tmp.resolve("host").resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        return new Entry.RegularFile(EntryPath.of(path), 0644, 0, 0, new FileContent(file, size));
    }

    /** A system area and trailer with non-zero bytes that depend on the layout, as a hybrid MBR/GPT does. */
    private static final class PatternArea implements SystemArea {
        @Override
        public byte[] systemArea(IsoLayout layout) {
            byte[] b = new byte[32768];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (i * 31 + layout.volumeSectors());
            }
            return b;
        }

        @Override
        public int trailerSize() {
            return 4096;
        }

        @Override
        public byte[] trailer(IsoLayout layout) {
            byte[] b = new byte[4096];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (i * 7 + layout.bootCatalogLba());
            }
            return b;
        }
    }
}
