package io.github.bootimage.partition.mbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MbrPartitionEntryTest {
    /** Expected bytes as libisofs computes CHS (64 heads, 32 sectors per track, clamped at cylinder 1023). */
    @ParameterizedTest
    @CsvSource({
        "128, 0, 0, 8192, 80000100003f20030000000000200000",
        "0, 239, 156, 5760, 00041d00ef381c029c00000080160000",
        "128, 0, 0, 4194304, 80000100003fe0ff0000000000004000",
    })
    void encodesChsLikeXorriso(int boot, int type, long start, long size, String expected) {
        byte[] b = new byte[16];
        MbrPartitionEntry e = MbrPartitionEntry.of(boot, type, start, size);
        e.encodeTo(b, 0);
        assertThat(HexFormat.of().formatHex(b)).isEqualTo(expected);
        assertThat(MbrPartitionEntry.decode(b, 0)).isEqualTo(e);
    }

    @Test
    void referenceEntriesOfXorrisosHybridMbr() {
        byte[] b = new byte[32];
        MbrPartitionEntry.of(0x80, 0, 0, 8192).encodeTo(b, 0);
        new MbrPartitionEntry(0, Chs.BEYOND, 0xEF, Chs.BEYOND, 156, 5760).encodeTo(b, 16);
        // bytes 446..477 of a reference image made by xorriso -isohybrid-mbr ... -isohybrid-gpt-basdat
        assertThat(HexFormat.of().formatHex(b))
                .isEqualTo("80000100003f20030000000000200000" + "00feffffeffeffff9c00000080160000");
    }

    @Test
    void chsClampsBeyondCylinder1023() {
        assertThat(Chs.of(0)).isEqualTo(new Chs(0, 0, 1));
        assertThat(Chs.of(8191)).isEqualTo(new Chs(3, 63, 32));
        assertThat(Chs.of(1024L * 64 * 32)).isEqualTo(new Chs(1023, 63, 32));
        byte[] b = new byte[3];
        Chs.BEYOND.encodeTo(b, 0);
        assertThat(HexFormat.of().formatHex(b)).isEqualTo("feffff");
    }

    @Test
    void masterBootRecordRoundTrip() {
        byte[] code = new byte[440];
        code[0] = (byte) 0xEB;
        MasterBootRecord mbr = new MasterBootRecord(code, 0x4f0d8ddb,
                List.of(MbrPartitionEntry.of(0x80, 0, 0, 8192), MbrPartitionEntry.EMPTY));
        byte[] b = mbr.encode();
        assertThat(HexFormat.of().formatHex(b, 440, 446)).isEqualTo("db8d0d4f0000");
        assertThat(HexFormat.of().formatHex(b, 510, 512)).isEqualTo("55aa");
        assertThat(MasterBootRecord.decode(b).partitions().get(0)).isEqualTo(mbr.partitions().get(0));
        assertThatThrownBy(() -> MbrPartitionEntry.of(0, 0xEF, 0, 1L << 32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 TiB");
    }
}
