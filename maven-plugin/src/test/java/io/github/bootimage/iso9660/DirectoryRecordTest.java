package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DirectoryRecordTest {
    static final Instant T = Instant.parse("2024-01-02T03:04:05Z");

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("root dot", new DirectoryRecord(0x17, 0x800, T, DirectoryRecord.DIRECTORY,
                        DirectoryRecord.SELF, new byte[0]),
                        "22 00 17000000 00000017 00080000 00000800 7c 01 02 03 04 05 00 02 00 00 0100 0001 01 00"),
                Arguments.of("file with even id gets a pad byte", new DirectoryRecord(0x12345678L, 5, T, 0,
                        "AB.;1".getBytes(StandardCharsets.US_ASCII), new byte[0]),
                        "26 00 78563412 12345678 05000000 00000005 7c 01 02 03 04 05 00 00 00 00 0100 0001 05"
                                + " 41 42 2e 3b 31"),
                Arguments.of("odd system use is padded to even", new DirectoryRecord(1, 0, T, 0x80,
                        "A;1".getBytes(StandardCharsets.US_ASCII), new byte[] {0x41}),
                        "26 00 01000000 00000001 00000000 00000000 7c 01 02 03 04 05 00 80 00 00 0100 0001 03"
                                + " 41 3b 31 41 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void encodes(String name, DirectoryRecord record, String hex) {
        assertThat(Hex.dump(record.encode())).isEqualTo(Hex.dump(Hex.parse(hex)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void roundTrips(String name, DirectoryRecord record, String hex) {
        DirectoryRecord back = DirectoryRecord.decode(record.encode(), 0);
        assertThat(back.extent()).isEqualTo(record.extent());
        assertThat(back.dataLength()).isEqualTo(record.dataLength());
        assertThat(back.recorded()).isEqualTo(T);
        assertThat(back.flags()).isEqualTo(record.flags());
        assertThat(back.identifier()).isEqualTo(record.identifier());
        assertThat(back.encode()).isEqualTo(record.encode());
    }

    @Test
    void refusesRecordsOver255Bytes() {
        assertThatThrownBy(() -> new DirectoryRecord(0, 0, T, 0, new byte[30], new byte[200]))
                .hasMessageContaining("exceeds 255");
    }
}
