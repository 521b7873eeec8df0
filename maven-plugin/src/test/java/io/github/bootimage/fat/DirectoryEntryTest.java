package io.github.bootimage.fat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryEntryTest {
    static final DosDateTime WHEN = DosDateTime.of(Instant.parse("2024-05-06T07:08:09Z"));

    @Test
    void encodesTheFieldsOfFatgen103() {
        DirectoryEntry e = new DirectoryEntry(ShortNames.pad("GRUBX64.EFI"), DirectoryEntry.ATTR_ARCHIVE, WHEN,
                0x12345, 3_835_328);
        String hex = HexFormat.of().formatHex(e.encode());
        assertThat(hex).isEqualTo("47525542583634204546492000" + "00" + "0439" + "a658" + "a658" + "0100" + "0439"
                + "a658" + "4523" + "c0853a00");
        assertThat(DirectoryEntry.decode(e.encode(), 0)).isEqualTo(e);
    }

    @ParameterizedTest
    @CsvSource({
        "2024-05-06T07:08:09Z, 2024-05-06T07:08:08",
        "1970-01-01T00:00:00Z, 1980-01-01T00:00:00",
        "2107-12-31T23:59:59Z, 2107-12-31T23:59:58",
        "2200-01-01T00:00:00Z, 2107-12-31T23:59:58",
        "1980-01-01T00:00:01Z, 1980-01-01T00:00:00",
    })
    void dosTimesHaveTwoSecondsAndClampToTheirRange(String instant, String expected) {
        assertThat(DosDateTime.of(Instant.parse(instant)).toLocalDateTime()).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void longNameEntriesRoundTripAndCarryTheChecksum() {
        byte[] shortName = ShortNames.pad("AVERYL~1.MOD");
        List<LongNameEntry> entries = LongNameEntry.forName("A Very Long File Name.mod", shortName);
        assertThat(entries).extracting(LongNameEntry::ordinal).containsExactly(2, 1);
        assertThat(entries.get(0).last()).isTrue();
        StringBuilder name = new StringBuilder();
        for (int i = entries.size() - 1; i >= 0; i--) {
            byte[] raw = new byte[32];
            entries.get(i).encodeTo(LittleEndian.wrap(raw));
            LongNameEntry decoded = LongNameEntry.decode(raw, 0);
            assertThat(decoded).isEqualTo(entries.get(i));
            name.append(decoded.chars());
        }
        assertThat(name.toString()).isEqualTo("A Very Long File Name.mod");
        assertThat(entries).extracting(LongNameEntry::checksum).containsOnly(LongNameEntry.checksum(shortName));
    }

    @Test
    void longNameEntryLayout() {
        byte[] raw = new byte[32];
        LongNameEntry.forName("grubx64.efi", ShortNames.pad("GRUBX64.EFI")).get(0).encodeTo(LittleEndian.wrap(raw));
        assertThat(HexFormat.of().formatHex(raw)).isEqualTo("41" + "67007200750062007800" + "0f" + "00"
                + String.format("%02x", LongNameEntry.checksum(ShortNames.pad("GRUBX64.EFI")))
                + "360034002e0065006600" + "6900" + "0000" + "0000ffff");
    }

    @Test
    void checksumOfAKnownShortName() {
        // Computed by hand with fatgen103's loop: ((sum & 1) << 7) + (sum >> 1) + byte, over "BOOTX64 EFI".
        int sum = 0;
        for (byte c : "BOOTX64 EFI".getBytes()) {
            sum = ((sum & 1) != 0 ? 0x80 : 0) + ((sum & 0xFF) >> 1) + (c & 0xFF) & 0xFF;
        }
        assertThat(LongNameEntry.checksum(ShortNames.pad("BOOTX64.EFI"))).isEqualTo(sum);
    }
}
