package io.github.bootimage.fat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.testing.HostCommand;
import io.github.bootimage.testing.HostTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BiosParameterBlockTest {
    static final BiosParameterBlock FAT16 = new BiosParameterBlock("MSWIN4.1", 512, 4, 1, 2, 512, 20480, 0xF8, 20, 32,
            64, 0, 0, 0, 0, 0, 0, 0x80, 0x12345678, "EFIBOOT    ", "FAT16   ");
    static final BiosParameterBlock FAT12_BIG = new BiosParameterBlock("MSWIN4.1", 512, 8, 1, 2, 512, 70000, 0xF8, 3,
            32, 64, 0, 0, 0, 0, 0, 0, 0x80, -1, "NO NAME    ", "FAT12   ");
    static final BiosParameterBlock FAT32 = new BiosParameterBlock("MSWIN4.1", 512, 1, 32, 2, 0, 81920, 0xF8, 0, 32,
            64, 0, 630, 0, 2, 1, 6, 0x80, 0xCAFEF00D, "EFIBOOT    ", "FAT32   ");

    static Stream<BiosParameterBlock> blocks() {
        return Stream.of(FAT16, FAT12_BIG, FAT32);
    }

    @ParameterizedTest
    @MethodSource("blocks")
    void decodeReturnsWhatWasEncoded(BiosParameterBlock bpb) {
        byte[] sector = bpb.encode();
        assertThat(sector).hasSize(512);
        assertThat(sector[510]).isEqualTo((byte) 0x55);
        assertThat(sector[511]).isEqualTo((byte) 0xAA);
        assertThat(BiosParameterBlock.decode(sector)).isEqualTo(bpb);
    }

    @Test
    void fat16FieldsAtTheOffsetsOfFatgen103() {
        byte[] s = FAT16.encode();
        assertThat(hex(s, 0, 3)).isEqualTo("eb3c90");
        assertThat(hex(s, 11, 25)).as("BPB_BytsPerSec .. BPB_TotSec32")
                .isEqualTo("0002" + "04" + "0100" + "02" + "0002" + "0050" + "f8" + "1400" + "2000" + "4000"
                        + "00000000" + "00000000");
        assertThat(hex(s, 36, 3)).as("BS_DrvNum, BS_Reserved1, BS_BootSig").isEqualTo("800029");
        assertThat(hex(s, 39, 4)).as("BS_VolID").isEqualTo("78563412");
        assertThat(new String(s, 43, 19)).isEqualTo("EFIBOOT    FAT16   ");
    }

    @Test
    void fat32FieldsAtTheOffsetsOfFatgen103() {
        byte[] s = FAT32.encode();
        assertThat(hex(s, 0, 3)).isEqualTo("eb5890");
        assertThat(hex(s, 19, 2)).as("BPB_TotSec16 is 0 ...").isEqualTo("0000");
        assertThat(hex(s, 32, 4)).as("... and BPB_TotSec32 holds the count").isEqualTo("00400100");
        assertThat(hex(s, 36, 16)).as("BPB_FATSz32 .. BPB_BkBootSec")
                .isEqualTo("76020000" + "0000" + "0000" + "02000000" + "0100" + "0600");
        assertThat(hex(s, 64, 7)).isEqualTo("800029" + "0df0feca");
        assertThat(new String(s, 82, 8)).isEqualTo("FAT32   ");
    }

    @TempDir
    Path tmp;

    @Test
    void readsTheBootSectorMkfsFatWrites() throws Exception {
        HostTools.require("mkfs.vfat");
        Path img = tmp.resolve("mkfs.img");
        HostCommand.Result r = HostCommand.run("mkfs.vfat", "-C", "-n", "EFIBOOT", "-i", "12345678", img.toString(),
                "10240");
        assertThat(r.exitCode()).as(r.output()).isZero();
        BiosParameterBlock bpb = BiosParameterBlock.decode(Arrays.copyOf(Files.readAllBytes(img), 512));
        assertThat(bpb.bytsPerSec()).isEqualTo(512);
        assertThat(bpb.secPerClus()).isEqualTo(4);
        assertThat(bpb.rootEntCnt()).isEqualTo(512);
        assertThat(bpb.totSec()).isEqualTo(20480);
        assertThat(bpb.isFat32()).isFalse();
        assertThat(bpb.volId()).isEqualTo(0x12345678);
        assertThat(bpb.volLab()).isEqualTo("EFIBOOT    ");
        assertThat(bpb.filSysType()).isEqualTo("FAT16   ");
    }

    static String hex(byte[] b, int offset, int length) {
        return HexFormat.of().formatHex(b, offset, offset + length);
    }
}
