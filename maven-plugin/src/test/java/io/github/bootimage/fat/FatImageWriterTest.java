package io.github.bootimage.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Content;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.testing.HostCommand;
import io.github.bootimage.testing.HostTools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Images checked by independent readers: fsck.fat (dosfstools) and mtools. */
class FatImageWriterTest {
    static final Instant EPOCH = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path tmp;

    /** File content generated from a seed, so big files need no memory. */
    record PatternContent(long size, int seed) implements Content {
        @Override
        public InputStream open() {
            return new InputStream() {
                private final Random random = new Random(seed);
                private long left = size;

                @Override
                public int read() {
                    return left-- > 0 ? random.nextInt(256) : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    for (int i = 0; i < n; i++) {
                        b[off + i] = (byte) random.nextInt(256);
                    }
                    left -= n;
                    return n;
                }
            };
        }
    }

    /** The files of a tree with many kinds of names; {@code scale} multiplies the file sizes. */
    static Map<String, Content> files(int scale) {
        Map<String, Content> files = new LinkedHashMap<>();
        files.put("EFI/BOOT/BOOTX64.EFI", new PatternContent(1000L * scale, 1));
        files.put("EFI/BOOT/grubx64.efi", new PatternContent(2000L * scale + 7, 2));
        files.put("EFI/BOOT/mmx64.efi", new PatternContent(0, 3));
        files.put("boot/grub/grub.cfg", BytesContent.utf8("set timeout=5\n"));
        files.put("boot/grub/x86_64-efi/A Very Long File Name With Spaces.mod", new PatternContent(5000L * scale, 4));
        files.put("deep/a/b/c/d/e/f/g/h/leaf.txt", BytesContent.utf8("leaf\n"));
        files.put("names/README", BytesContent.utf8("readme\n"));
        files.put("names/readme.txt.bak", BytesContent.utf8("bak\n"));
        files.put("names/Übergröße.txt", BytesContent.utf8("umlauts\n"));
        files.put("names/longfilename1.txt", BytesContent.utf8("1\n"));
        files.put("names/longfilename2.txt", BytesContent.utf8("2\n"));
        files.put("names/longfilename3.txt", BytesContent.utf8("3\n"));
        files.put("names/.hidden", BytesContent.utf8("dot\n"));
        files.put("names/a+b=c;d.e", BytesContent.utf8("lossy\n"));
        for (int i = 0; i < 40; i++) {
            files.put("many/file-number-" + i + ".data", new PatternContent(100L * i * scale, 100 + i));
        }
        return files;
    }

    static FileTree tree(Map<String, Content> files, boolean reversed) throws BootImageException {
        List<String> paths = new ArrayList<>(files.keySet());
        if (reversed) {
            Collections.reverse(paths);
        }
        FileTree tree = new FileTree();
        for (String p : paths) {
            tree.add(new Entry.RegularFile(EntryPath.of(p), 0644, 0, 0, files.get(p)));
        }
        tree.add(Entry.Directory.of(EntryPath.of("empty")));
        return tree;
    }

    @ParameterizedTest
    @EnumSource(FatType.class)
    void independentReadersAcceptEveryFatType(FatType type) throws Exception {
        HostTools.require("fsck.fat", "mcopy");
        Map<String, Content> files = files(type == FatType.FAT12 ? 1 : 50);
        FatOptions options = FatOptions.of(EPOCH).withType(type);
        if (type == FatType.FAT32) {
            options = options.withSize(40L << 20);
        }
        Path img = tmp.resolve(type + ".img");
        FatImage image = FatImageWriter.write(tree(files, false), options, img);

        assertThat(image.type()).isEqualTo(type);
        assertThat(Files.size(img)).isEqualTo(image.sizeBytes());
        HostCommand.Result fsck = HostCommand.run("fsck.fat", "-n", "-v", img.toString());
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
        assertThat(fsck.output()).contains("FAT" + type.bits()).doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("differ").doesNotContainIgnoringCase("wrong");
        for (Map.Entry<String, Content> f : files.entrySet()) {
            HostCommand.Result read = HostCommand.run("mtype", "-i", img.toString(), "::/" + f.getKey());
            assertThat(read.exitCode()).as(f.getKey() + ": " + read.output()).isZero();
            assertThat(sha256(new ByteArrayInputStream(read.stdout()))).as(f.getKey())
                    .isEqualTo(sha256(f.getValue().open()));
        }
    }

    @Test
    void namesDatesAndLabelAsMtoolsShowsThem() throws Exception {
        HostTools.require("mdir");
        Path img = tmp.resolve("esp.img");
        FatImageWriter.write(tree(files(1), false), FatOptions.of(EPOCH), img);
        String boot = HostCommand.run("mdir", "-i", img.toString(), "::/EFI/BOOT").output();
        assertThat(boot).contains("Volume in drive : is EFIBOOT")
                .containsPattern("BOOTX64\\s+EFI\\s+1000 2024-05-06\\s+7:08\\s")
                .containsPattern("GRUBX64\\s+EFI\\s+2007 2024-05-06\\s+7:08\\s+grubx64\\.efi")
                .containsPattern("MMX64\\s+EFI\\s+0 2024-05-06\\s+7:08\\s+mmx64\\.efi");
        String names = HostCommand.run("mdir", "-i", img.toString(), "::/names").output();
        assertThat(names).containsPattern("README\\s+7 ")
                .containsPattern("LONGFI~1\\s+TXT\\s+2 .*longfilename1\\.txt")
                .containsPattern("LONGFI~3\\s+TXT\\s+2 .*longfilename3\\.txt")
                .containsPattern("README~1\\s+BAK\\s+.*readme\\.txt\\.bak")
                .containsPattern("HIDDEN~1\\s+.*\\.hidden")
                .containsPattern("A_B_C_~1\\s+E\\s+.*a\\+b=c;d\\.e")
                .contains("Übergröße.txt");
    }

    @Test
    void sameBytesWhateverTheOrderOfTheInput() throws Exception {
        Path a = tmp.resolve("a.img");
        Path b = tmp.resolve("b.img");
        FatImageWriter.write(tree(files(3), false), FatOptions.of(EPOCH), a);
        FatImageWriter.write(tree(files(3), true), FatOptions.of(EPOCH), b);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        Path c = tmp.resolve("c.img");
        FatImageWriter.write(tree(files(3), true), FatOptions.of(EPOCH.plusSeconds(2)), c);
        assertThat(Files.mismatch(a, c)).as("another epoch changes dates and serial").isNotEqualTo(-1);
    }

    @Test
    void automaticSizeIsTight() throws Exception {
        Map<String, Content> files = new LinkedHashMap<>();
        files.put("EFI/BOOT/BOOTX64.EFI", new PatternContent(950_000, 1));
        files.put("EFI/BOOT/grubx64.efi", new PatternContent(3_950_000, 2));
        FatImage image = FatImage.plan(tree(files, false), FatOptions.of(EPOCH));
        System.out.println("automatic ESP: " + image.geometry() + ", " + image.sizeBytes() + " bytes");
        assertThat(image.sizeBytes()).isBetween(4_900_000L, 5_200_000L).matches(s -> s % 2048 == 0);
    }

    @Test
    void anInputThatChangedFailsTheImageAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path host = Files.write(dir.resolve("grub.efi"), new byte[5000]);
        for (long planned : new long[] {4999, 5001}) {
            FileTree tree = new FileTree().add(new Entry.RegularFile(EntryPath.of("EFI/BOOT/grubx64.efi"), 0644, 0, 0,
                    new io.github.bootimage.model.FileContent(host, planned)));
            Path img = dir.resolve("esp.img");
            assertThatThrownBy(() -> FatImageWriter.write(tree, FatOptions.of(EPOCH), img))
                    .isInstanceOf(BootImageException.class)
                    .hasMessageContaining("/EFI/BOOT/grubx64.efi changed while the FAT image was written: planned "
                            + planned + " bytes, " + (planned > 5000 ? "read 5000" : "found more"));
            try (var left = Files.list(dir)) {
                assertThat(left).containsExactly(host);
            }
        }
    }

    @Test
    void contentTooBigForAFixedSizeIsAClearError() {
        FatOptions options = FatOptions.of(EPOCH).withSize(4L << 20);
        assertThatThrownBy(() -> FatImage.plan(tree(files(200), false), options))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("does not fit in a 4194304-byte FAT16 image").hasMessageContaining("raise the size");
    }

    @Test
    void symlinksAndDevicesAreRefused() throws Exception {
        FileTree tree = new FileTree().add(new Entry.Symlink(EntryPath.of("EFI/link"), "BOOT", 0, 0));
        assertThatThrownBy(() -> FatImage.plan(tree, FatOptions.of(EPOCH)))
                .isInstanceOf(BootImageException.class).hasMessageContaining("/EFI/link is a symlink (to BOOT)");
        FileTree dev = new FileTree().add(new Entry.DeviceNode(EntryPath.of("dev/null"),
                Entry.DeviceNode.Kind.CHARACTER, 1, 3, 0666, 0, 0));
        assertThatThrownBy(() -> FatImage.plan(dev, FatOptions.of(EPOCH)))
                .isInstanceOf(BootImageException.class).hasMessageContaining("/dev/null is a device node");
    }

    @Test
    void namesThatDifferOnlyInCaseAreRefused() throws Exception {
        FileTree tree = new FileTree().add(new Entry.RegularFile(EntryPath.of("EFI/a.efi"), 0644, 0, 0,
                BytesContent.utf8("a"))).add(new Entry.RegularFile(EntryPath.of("EFI/A.EFI"), 0644, 0, 0,
                BytesContent.utf8("b")));
        assertThatThrownBy(() -> FatImage.plan(tree, FatOptions.of(EPOCH)))
                .isInstanceOf(BootImageException.class).hasMessageContaining("case-insensitive");
    }

    static String sha256(InputStream in) throws Exception {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw e;
        }
    }
}
