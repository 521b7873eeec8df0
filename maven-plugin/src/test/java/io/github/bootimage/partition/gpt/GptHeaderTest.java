package io.github.bootimage.partition.gpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Byte-exact against the primary GPT header and entries xorriso wrote for a 4 MiB hybrid image. */
class GptHeaderTest {
    static final UUID XORRISO_DISK = UUID.fromString("1B9C1CDF-6EE0-409E-AD7C-C0563FD786CE");
    static final String XORRISO_HEADER = "4546492050415254" + "00000100" + "5c000000" + "9db88d46" + "00000000"
            + "0100000000000000" + "ff1f000000000000" + "4000000000000000" + "c01f000000000000"
            + "df1c9c1be06e9e40ad7cc0563fd786ce" + "0200000000000000" + "f8000000" + "80000000" + "d63c3036";
    static final String XORRISO_ENTRY_1 = "a2a0d0ebe5b9334487c068b6b72699c7" + "df1c9c1be06e9e40ad7dc0563fd786ce"
            + "0000000000000000" + "bf1f000000000000" + "0100000000000010" + "490053004f00480079006200720069006400"
            + "00".repeat(54);

    @Test
    void headerBytesAndCrcEqualXorrisos() {
        GptHeader h = new GptHeader(1, 0x1fff, 64, 0x1fc0, XORRISO_DISK, 2, 248, 128, 0x36303cd6);
        byte[] sector = h.encode();
        assertThat(HexFormat.of().formatHex(sector, 0, GptHeader.HEADER_SIZE)).isEqualTo(XORRISO_HEADER);
        assertThat(GptHeader.decode(sector)).isEqualTo(h);
    }

    @Test
    void entryBytesEqualXorrisos() {
        GptPartitionEntry e = new GptPartitionEntry(Guid.BASIC_DATA,
                UUID.fromString("1B9C1CDF-6EE0-409E-AD7D-C0563FD786CE"), 0, 0x1fbf,
                GptPartitionEntry.ATTR_REQUIRED_READ_ONLY, "ISOHybrid");
        ByteBuffer b = ByteBuffer.allocate(128);
        e.encodeTo(b);
        assertThat(HexFormat.of().formatHex(b.array())).isEqualTo(XORRISO_ENTRY_1);
        assertThat(GptPartitionEntry.decode(ByteBuffer.wrap(b.array()))).isEqualTo(e);
    }

    @Test
    void tableLaysOutPrimaryAndBackupLikeXorriso() {
        GptPartitionEntry e = new GptPartitionEntry(Guid.BASIC_DATA, Guid.derive("p1"), 0, 8127, 0, "ISOHybrid");
        GuidPartitionTable t = new GuidPartitionTable(XORRISO_DISK, 8192, 2, 248, List.of(e));
        assertThat(t.arraySectors()).isEqualTo(62);
        assertThat(t.firstUsableLba()).isEqualTo(64);
        assertThat(t.lastUsableLba()).isEqualTo(8128);
        assertThat(t.backupArrayLba()).isEqualTo(8129);
        assertThat(t.backupHeader().myLba()).isEqualTo(8191);
        assertThat(t.backupHeader().alternateLba()).isEqualTo(1);
        assertThat(t.backupHeader().partitionEntryArrayCrc32()).isEqualTo(t.primaryHeader().partitionEntryArrayCrc32());
    }

    @Test
    void corruptHeaderIsDetected() {
        byte[] sector = new GptHeader(1, 0x1fff, 64, 0x1fc0, XORRISO_DISK, 2, 248, 128, 0).encode();
        sector[40]++;
        assertThatThrownBy(() -> GptHeader.decode(sector)).hasMessageContaining("CRC32");
    }

    @Test
    void derivedGuidsAreStableVersion5() {
        assertThat(Guid.derive("x")).isEqualTo(Guid.derive("x")).isNotEqualTo(Guid.derive("y"));
        assertThat(Guid.derive("x").version()).isEqualTo(5);
        assertThat(Guid.derive("x").variant()).isEqualTo(2);
    }

    @Test
    void namesLongerThan36CodeUnitsAreRefused() {
        assertThatThrownBy(() -> new GptPartitionEntry(Guid.BASIC_DATA, Guid.derive("x"), 0, 1, 0, "n".repeat(37)))
                .hasMessageContaining("36");
    }
}
