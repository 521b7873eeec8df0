package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.eltorito.BootEntry;
import io.github.bootimage.iso9660.eltorito.ElToritoConfig;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes images and reads them back with independent tools: isoinfo, xorriso, bsdtar, 7z. */
class IsoImageWriterTest {
    static final Instant EPOCH = Instant.parse("2024-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    static IsoImageRequest bootable(FileTree tree) {
        return IsoImageRequest.of(tree, "TEST_VOLUME", EPOCH).withIds("PUBLISHER", "PREPARER", "APP")
                .withElTorito(ElToritoConfig.of(EntryPath.of("isolinux/boot.cat"),
                        BootEntry.isolinux(EntryPath.of("isolinux/isolinux.bin")),
                        BootEntry.uefi(EntryPath.of("boot/grub/efi.img"))));
    }

    Path write(IsoImageRequest request) throws Exception {
        Path iso = tmp.resolve("test.iso");
        IsoImageWriter.write(request, iso);
        return iso;
    }

    @Test
    void isoinfoReadsTheVolumeDescriptors() throws Exception {
        Path iso = write(bootable(TestTrees.tree(0)));
        String d = Tools.run(tmp, "isoinfo", "-d", "-i", iso.toString());
        assertThat(d).contains("Volume id: TEST_VOLUME", "Publisher id: PUBLISHER", "Data preparer id: PREPARER",
                "Application id: APP", "Logical block size is: 2048",
                "Volume size is: " + Files.size(iso) / 2048, "Joliet with UCS level 3 found",
                "Rock Ridge signatures version 1 found", "El Torito VD version 1 found");
    }

    @Test
    void primaryNamesAreLevelOneAndClashesAreMangledLikeXorriso() throws Exception {
        Path iso = write(bootable(TestTrees.tree(0)));
        String l = Tools.run(tmp, "isoinfo", "-l", "-i", iso.toString());
        assertThat(l).contains(" VERYLON0.TXT;1", " VERYLON1.TXT;1", " VERYLON2.TXT;1", " LONGMIXE.TXT;1",
                " ISOLINUX.BIN;1", " LDLINUX.C32;1", " BOOT.CAT;1", " EMPTY.;1", "Directory listing of /BOOT/GRUB/",
                " EFI.IMG;1");
    }

    @Test
    void rockRidgeNamesModesLinksAndDevicesAsXorrisoSeesThem() throws Exception {
        Path iso = write(bootable(TestTrees.tree(0)));
        String ls = Tools.run(tmp, "xorriso", "-indev", iso.toString(), "-find", "/", "-exec", "lsdl");
        assertThat(ls).contains(
                "-rwxr-xr-x    1 1000     100           100 Jan  2  2024 '/bin/tool'",
                "lrwxrwxrwx    1 0        0               0 Jan  2  2024 '/bin/short' -> 'tool'",
                "'/bin/abs' -> '/usr/bin/../lib/./x'",
                "'/bin/long' -> '" + TestTrees.LONG_TARGET + "'",
                "crw-------    1 0        0             5,1 Jan  2  2024 '/dev/console'",
                "brw-rw----    1 0        6             8,0 Jan  2  2024 '/dev/sda'",
                "drwx------    1 0        0               0 Jan  2  2024 '/private'",
                "'/" + TestTrees.LONG_NAME + "'", "'/" + TestTrees.DEEP + "'",
                "'/\u00fcml\u00e4ut-\u65e5\u672c-\uD83D\uDE00.txt'", "'/VeryLongName3.TXT'");
        String isoinfo = Tools.run(tmp, "isoinfo", "-R", "-l", "-i", iso.toString());
        // isoinfo prints uid/gid through its own mapping; the link count (2) and mode are what it adds
        assertThat(isoinfo).containsPattern("-rwxr-xr-x +2 .* tool-link");
    }

    @Test
    void jolietNamesAreTheRealNamesCutTo64Units() throws Exception {
        Path iso = write(bootable(TestTrees.tree(0)));
        String j = Tools.run(tmp, "isoinfo", "-J", "-f", "-i", iso.toString());
        String cut = TestTrees.LONG_NAME.substring(0, 60) + ".txt";
        assertThat(j).contains("/verylongname1.txt", "/VeryLongName3.TXT", "/a/b/c/d/e/f/g/h/i/j/k/deep file.txt",
                "/bin/tool-link", "/isolinux/boot.cat", "/" + cut);
        String sevenZip = Tools.run(tmp, "7z", "l", iso.toString());
        assertThat(sevenZip).contains("\u00fcml\u00e4ut-\u65e5\u672c-\uD83D\uDE00.txt");
    }

    @Test
    void bsdtarExtractsEveryFileByteForByte() throws Exception {
        Path iso = write(bootable(TestTrees.tree(0)));
        Path out = Files.createDirectories(tmp.resolve("x"));
        Tools.run(out, "bsdtar", "-xf", iso.toString());
        for (Entry e : TestTrees.tree(0).entries()) {
            Path p = out.resolve(e.path().value());
            if (e instanceof Entry.RegularFile f && !e.path().value().equals("isolinux/isolinux.bin")) {
                assertThat(Files.readAllBytes(p)).as(e.path().toString())
                        .isEqualTo(((BytesContent) f.content()).bytes());
            } else if (e instanceof Entry.Symlink s && s.target().equals(TestTrees.LONG_TARGET)) {
                // libarchive drops the "/" between two SL entries (xorriso's own images read the same way);
                // xorriso and Linux read the target exactly, see rockRidgeNamesModesLinksAndDevicesAsXorrisoSeesThem
                assertThat(p).isSymbolicLink();
            } else if (e instanceof Entry.Symlink s) {
                assertThat(Files.readSymbolicLink(p).toString()).isEqualTo(s.target());
            }
        }
        assertThat(Files.size(out.resolve("isolinux/boot.cat"))).isEqualTo(2048);
    }

    @Test
    void elToritoCatalogAsXorrisoReportsIt() throws Exception {
        Path iso = write(bootable(TestTrees.tree(0)));
        IsoLayout layout = IsoImageWriter.plan(bootable(TestTrees.tree(0)));
        String r = Tools.run(tmp, "xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        long bin = layout.extentOf(EntryPath.of("isolinux/isolinux.bin"));
        long efi = layout.extentOf(EntryPath.of("boot/grub/efi.img"));
        assertThat(r).containsPattern("El Torito catalog  : " + layout.bootCatalogLba() + "  1\\b")
                .containsPattern("El Torito boot img :   1  BIOS  y   none  0x0000  0x00 +4 +" + bin + "\\b")
                .containsPattern("El Torito boot img :   2  UEFI  y   none  0x0000  0x00 +128 +" + efi + "\\b")
                .contains("El Torito img path :   1  /isolinux/isolinux.bin", "El Torito img opts :   1  boot-info-table",
                        "El Torito img path :   2  /boot/grub/efi.img");
    }

    @Test
    void bootInfoTableIsPatchedIntoTheCopyOnly() throws Exception {
        IsoImageRequest request = bootable(TestTrees.tree(0));
        Path iso = write(request);
        IsoLayout layout = IsoImageWriter.plan(request);
        long lba = layout.extentOf(EntryPath.of("isolinux/isolinux.bin"));
        byte[] original = TestTrees.bytes(24 * 1024 + 3, 1);
        byte[] image = Files.readAllBytes(iso);
        ByteBuffer table = ByteBuffer.wrap(image, (int) (lba * 2048) + 8, 56).order(ByteOrder.LITTLE_ENDIAN);
        int sum = 0;
        for (int i = 64; i < original.length; i += 4) {
            byte[] w = new byte[4];
            System.arraycopy(original, i, w, 0, Math.min(4, original.length - i));
            sum += ByteBuffer.wrap(w).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        assertThat(table.getInt()).isEqualTo(16);
        assertThat(table.getInt()).isEqualTo((int) lba);
        assertThat(table.getInt()).isEqualTo(original.length);
        assertThat(table.getInt()).isEqualTo(sum);
        assertThat(java.util.Arrays.copyOfRange(image, (int) lba * 2048 + 64, (int) lba * 2048 + original.length))
                .isEqualTo(java.util.Arrays.copyOfRange(original, 64, original.length));
    }

    @Test
    void sameBytesWhateverTheOrderEntriesWereAddedIn() throws Exception {
        byte[] a = bytes(bootable(TestTrees.tree(0)));
        byte[] b = bytes(bootable(TestTrees.tree(42)));
        byte[] c = bytes(bootable(TestTrees.tree(7)));
        assertThat(sha256(b)).isEqualTo(sha256(a));
        assertThat(sha256(c)).isEqualTo(sha256(a));
        assertThat(bytes(bootable(TestTrees.tree(0)).withExtensions(true, true))).isEqualTo(a);
    }

    @Test
    void sameBytesFromHostFilesWithOtherMtimesAndCreationOrder() throws Exception {
        Path a = hostTree(tmp.resolve("a"), false, java.nio.file.attribute.FileTime.fromMillis(0));
        Path b = hostTree(tmp.resolve("b"), true, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
        assertThat(sha256(bytes(overlay(a)))).isEqualTo(sha256(bytes(overlay(b))));
        Path iso = write(overlay(a));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(iso)))
                .isEqualTo("rw-r--r--");
        Path out = Files.createDirectories(tmp.resolve("extracted"));
        Tools.run(out, "bsdtar", "-xf", iso.toString());
        for (String n : java.util.List.of("z/last.txt", "a/first.txt", "m/middle/deeper.bin", "Readme.MD", "readme.md")) {
            assertThat(out.resolve(n)).hasSameBinaryContentAs(a.resolve(n));
        }
    }

    private static IsoImageRequest overlay(Path dir) throws Exception {
        FileTree tree = new FileTree();
        io.github.bootimage.model.Overlay.copy(dir, EntryPath.ROOT, tree);
        return IsoImageRequest.of(tree, "HOST", EPOCH);
    }

    private static Path hostTree(Path root, boolean reverse, java.nio.file.attribute.FileTime mtime) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("z/last.txt", "a/first.txt",
                "m/middle/deeper.bin", "Readme.MD", "readme.md"));
        if (reverse) {
            java.util.Collections.reverse(names);
        }
        for (String n : names) {
            Path p = root.resolve(n);
            Files.createDirectories(p.getParent());
            Files.write(p, (n + "\n").getBytes());
            Files.setLastModifiedTime(p, mtime);
        }
        return root;
    }

    @Test
    void plainIsoWithoutExtensionsIsReadable() throws Exception {
        Path iso = write(IsoImageRequest.of(TestTrees.tree(0), "PLAIN", EPOCH).withExtensions(false, false));
        String d = Tools.run(tmp, "isoinfo", "-d", "-i", iso.toString());
        assertThat(d).contains("NO Joliet present", "NO Rock Ridge present").doesNotContain("El Torito");
        assertThat(Tools.run(tmp, "isoinfo", "-f", "-i", iso.toString())).contains("/BIN/TOOL.;1");
    }

    @Test
    void badInputFailsClearlyAndLeavesNoFile() throws Exception {
        FileTree tree = new FileTree();
        tree.add(Entry.Directory.of(EntryPath.of("isolinux")));
        Path iso = tmp.resolve("bad.iso");
        assertThatThrownBy(() -> IsoImageWriter.write(bootable(tree), iso)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("/isolinux/isolinux.bin");
        assertThatThrownBy(() -> IsoImageWriter.write(IsoImageRequest.of(tree, "bad id", EPOCH), iso))
                .isInstanceOf(BootImageException.class).hasMessageContaining("volume id");
        assertThat(iso).doesNotExist();
    }

    static byte[] bytes(IsoImageRequest request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IsoImageWriter.write(request, out);
        return out.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
