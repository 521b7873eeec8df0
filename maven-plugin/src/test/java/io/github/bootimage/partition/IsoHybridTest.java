package io.github.bootimage.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.iso9660.IsoLayout;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.partition.gpt.GptHeader;
import io.github.bootimage.partition.gpt.GptPartitionEntry;
import io.github.bootimage.partition.mbr.MasterBootRecord;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostCommand;
import io.github.bootimage.testing.HostTools;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our hybrid system area against the one the real xorriso writes for the same file positions: the
 * {@code xorriso -as mkisofs} command below (as in docs/hybrid-usb.md) builds ref.iso, its LBAs become our
 * {@link IsoLayout}, and our system area + the reference's sectors 16.. + our trailer make an image that
 * xorriso, sfdisk and sgdisk must read alike.
 */
class IsoHybridTest {
    static final EntryPath ISOLINUX = EntryPath.of("isolinux/isolinux.bin");
    static final EntryPath EFI_IMG = EntryPath.of("boot/grub/efi.img");
    static final Pattern LBA_LINE = Pattern.compile("File data lba:\\s+0 ,\\s+(\\d+) ,\\s+\\d+ ,\\s+(\\d+) , '/(.*)'");

    @TempDir
    static Path dir;
    static Path reference;
    static byte[] isohdpfx;
    static Layout layout;

    record Layout(long volumeSectors, Map<EntryPath, long[]> files) implements IsoLayout {
        @Override
        public long extentOf(EntryPath file) {
            long[] f = files.get(file);
            if (f == null) {
                throw new IllegalArgumentException("no " + file);
            }
            return f[0];
        }

        @Override
        public long sizeOf(EntryPath file) {
            return files.get(file)[1];
        }

        @Override
        public long bootCatalogLba() {
            return -1;
        }
    }

    @BeforeAll
    static void buildReference() throws Exception {
        HostTools.require("xorriso", "mkfs.vfat");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.createDirectories(tree.resolve("isolinux"));
        Files.createDirectories(tree.resolve("boot/grub"));
        Files.copy(DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isolinux.bin"), tree.resolve("isolinux/isolinux.bin"));
        Files.copy(DebianPackages.file("syslinux-common", "usr/lib/syslinux/modules/bios/ldlinux.c32"),
                tree.resolve("isolinux/ldlinux.c32"));
        Files.writeString(tree.resolve("isolinux/isolinux.cfg"), "default linux\n");
        Path isohdpfxFile = DebianPackages.file("isolinux", "usr/lib/ISOLINUX/isohdpfx.bin");
        isohdpfx = Files.readAllBytes(isohdpfxFile);
        run("mkfs.vfat", "-C", tree.resolve("boot/grub/efi.img").toString(), "2880");
        reference = dir.resolve("ref.iso");
        run("xorriso", "-as", "mkisofs", "-R", "-J", "-isohybrid-mbr", isohdpfxFile.toString(),
                "-b", "isolinux/isolinux.bin", "-c", "isolinux/boot.cat", "-no-emul-boot", "-boot-load-size", "4",
                "-boot-info-table", "-eltorito-alt-boot", "-e", "boot/grub/efi.img", "-no-emul-boot",
                "-isohybrid-gpt-basdat", "-o", reference.toString(), tree.toString());
        Map<EntryPath, long[]> files = new HashMap<>();
        Matcher m = LBA_LINE.matcher(run("xorriso", "-indev", reference.toString(), "-find", "/", "-exec", "report_lba"));
        while (m.find()) {
            files.put(EntryPath.of(m.group(3)), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        // xorriso counts its backup GPT into the volume; IsoLayout does not.
        layout = new Layout(Files.size(reference) / 2048 - IsoHybrid.TRAILER_SIZE / 2048, files);
    }

    static String run(String... command) throws Exception {
        HostCommand.Result r = HostCommand.run(command);
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.output()).isZero();
        return r.output();
    }

    IsoHybrid hybrid(String seed) throws BootImageException {
        return new IsoHybrid(isohdpfx, ISOLINUX, EFI_IMG, seed);
    }

    /** The reference image with our system area and trailer. */
    Path ours(String seed) throws Exception {
        Path image = dir.resolve("ours-" + seed + ".iso");
        Files.copy(reference, image, StandardCopyOption.REPLACE_EXISTING);
        byte[] all = Files.readAllBytes(image);
        byte[] area = hybrid(seed).systemArea(layout);
        byte[] trailer = hybrid(seed).trailer(layout);
        System.arraycopy(area, 0, all, 0, area.length);
        System.arraycopy(trailer, 0, all, all.length - trailer.length, trailer.length);
        try (OutputStream out = Files.newOutputStream(image)) {
            out.write(all);
        }
        return image;
    }

    @Test
    void xorrisoReportsTheSameSystemAreaExceptTheDerivedGuids() throws Exception {
        String expected = systemAreaReport(reference);
        String actual = systemAreaReport(ours("seed"));
        assertThat(actual).contains("MBR partition      :   1   0x80  0x00            0").contains("ISOHybrid1")
                .contains("GPT entry array    :      2  248").isEqualTo(expected);
    }

    private static String systemAreaReport(Path iso) throws Exception {
        return Arrays.stream(run("xorriso", "-indev", iso.toString(), "-report_system_area", "plain").split("\n"))
                .filter(l -> l.startsWith("MBR") || l.startsWith("GPT") || l.startsWith("ISO image size"))
                .filter(l -> !l.matches("GPT (disk|partition) GUID\\s*:.*")) // ours, derived from the seed
                .collect(Collectors.joining("\n"));
    }

    @Test
    void mbrBytesEqualXorrisosButTheDiskSignature() throws Exception {
        byte[] ref = Arrays.copyOf(Files.readAllBytes(reference), 512);
        byte[] mine = Arrays.copyOf(hybrid("seed").systemArea(layout), 512);
        assertThat(Arrays.copyOfRange(mine, 0, 440)).isEqualTo(Arrays.copyOfRange(ref, 0, 440));
        assertThat(Arrays.copyOfRange(mine, 444, 512)).isEqualTo(Arrays.copyOfRange(ref, 444, 512));
        long isolinuxLba512 = ByteBuffer.wrap(mine).order(ByteOrder.LITTLE_ENDIAN).getLong(432);
        assertThat(isolinuxLba512).isEqualTo(layout.extentOf(ISOLINUX) * 4);
        assertThat(MasterBootRecord.decode(mine).partitions()).isEqualTo(MasterBootRecord.decode(ref).partitions());
    }

    @Test
    void gptHeadersAndEntriesEqualXorrisosButTheGuids() throws Exception {
        byte[] ref = Files.readAllBytes(reference);
        byte[] mine = Files.readAllBytes(ours("seed"));
        for (int offset : new int[] {512, ref.length - 512}) {
            GptHeader r = GptHeader.decode(Arrays.copyOfRange(ref, offset, offset + 512));
            GptHeader m = GptHeader.decode(Arrays.copyOfRange(mine, offset, offset + 512));
            assertThat(m).usingRecursiveComparison().ignoringFields("diskGuid", "partitionEntryArrayCrc32").isEqualTo(r);
            for (int i = 0; i < 3; i++) {
                int at = (int) r.partitionEntryLba() * 512 + i * 128;
                GptPartitionEntry re = GptPartitionEntry.decode(ByteBuffer.wrap(ref, at, 128).slice());
                GptPartitionEntry me = GptPartitionEntry.decode(ByteBuffer.wrap(mine, at, 128).slice());
                assertThat(me).usingRecursiveComparison().ignoringFields("uniquePartitionGuid").isEqualTo(re);
            }
        }
    }

    @Test
    void partitionToolsReadItLikeTheReference() throws Exception {
        HostTools.require("sgdisk", "sfdisk");
        Path mine = ours("seed");
        // isohybrid layouts overlap by design; sgdisk must find the same (and only the same) problems, no CRC error.
        String verify = HostCommand.run("sgdisk", "-v", mine.toString()).output();
        assertThat(verify).doesNotContainIgnoringCase("crc").doesNotContainIgnoringCase("corrupt")
                .isEqualTo(HostCommand.run("sgdisk", "-v", reference.toString()).output());
        long efi = layout.extentOf(EFI_IMG) * 4;
        String gdisk = gdiskList(mine);
        assertThat(gdisk).contains("Found valid MBR and GPT").doesNotContainIgnoringCase("invalid main")
                .doesNotContainIgnoringCase("invalid backup").contains("Partition table holds up to 248 entries")
                .containsPattern("2\\s+" + efi + "\\s+" + (efi + 5759) + "\\s.*ISOHybrid1")
                .isEqualTo(gdiskList(reference));
        assertThat(sfdiskList(mine)).contains("* 0 8191 8192").isEqualTo(sfdiskList(reference));
    }

    private static String sfdiskList(Path image) throws Exception {
        return run("sfdisk", "-l", image.toString()).replaceAll("(?m)^Disk identifier.*$", "")
                .replace(image.toString(), "X").replaceAll(" +", " ");
    }

    /** gdisk -l, told to use the GPT, with the disk GUID and the file name blanked. */
    private static String gdiskList(Path image) throws Exception {
        String out = HostCommand.run("sh", "-c", "printf '2\\n' | gdisk -l \"$0\"", image.toString()).output();
        return out.replace(image.toString(), "X").replaceAll("Disk identifier \\(GUID\\): \\S+", "");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherGuids() throws Exception {
        assertThat(hybrid("a").systemArea(layout)).isEqualTo(hybrid("a").systemArea(layout));
        assertThat(hybrid("a").trailer(layout)).isEqualTo(hybrid("a").trailer(layout));
        assertThat(hybrid("a").systemArea(layout)).isNotEqualTo(hybrid("b").systemArea(layout));
    }

    @Test
    void volumeIsPaddedToWholeCylindersLikeXorriso() {
        assertThat(IsoHybrid.alignedVolumeSectors(layout.volumeSectors())).isEqualTo(layout.volumeSectors());
        assertThat(IsoHybrid.alignedVolumeSectors(1)).isEqualTo(496);
        assertThat(IsoHybrid.alignedVolumeSectors(496)).isEqualTo(496);
        assertThat(IsoHybrid.alignedVolumeSectors(497)).isEqualTo(496 + 512);
    }

    @Test
    void wrongInputsAreClearErrors() throws Exception {
        assertThatThrownBy(() -> new IsoHybrid(new byte[432], ISOLINUX, EFI_IMG, "s"))
                .isInstanceOf(BootImageException.class).hasMessageContaining("isohdpfx.bin");
        assertThatThrownBy(() -> IsoHybrid.of(new BytesContent(new byte[1000]), ISOLINUX, EFI_IMG, "s"))
                .isInstanceOf(BootImageException.class).hasMessageContaining("is 1000 bytes");
        assertThat(IsoHybrid.of(new BytesContent(isohdpfx), ISOLINUX, EFI_IMG, "seed").systemArea(layout))
                .isEqualTo(hybrid("seed").systemArea(layout));
        IsoHybrid missing = new IsoHybrid(isohdpfx, EntryPath.of("isolinux/nothere.bin"), EFI_IMG, "s");
        assertThatThrownBy(() -> missing.systemArea(layout)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("/isolinux/nothere.bin");
        IsoHybrid.requireHybridIsolinux(Files.readAllBytes(DebianPackages.file("isolinux",
                "usr/lib/ISOLINUX/isolinux.bin")), "isolinux.bin");
        assertThatThrownBy(() -> IsoHybrid.requireHybridIsolinux(new byte[512], "/isolinux/isolinux.bin"))
                .isInstanceOf(BootImageException.class).hasMessageContaining("not a hybrid-capable isolinux.bin");
    }
}
