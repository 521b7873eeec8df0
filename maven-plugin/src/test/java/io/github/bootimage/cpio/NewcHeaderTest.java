package io.github.bootimage.cpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NewcHeaderTest {
    @Test
    void encodesFieldsAsEightLowercaseHexDigitsAndPadsTheNameToFour() {
        NewcHeader h = new NewcHeader(0x1a, 0100644, 1000, 100, 1, 0x65937ec5L, 6, 0, 0, 0, 0, "etc/motd");
        byte[] buf = new byte[h.maxEncodedLength()];
        int n = h.encode(buf, 0);
        // 110 + "etc/motd" (8) + NUL = 119, padded to 120
        assertThat(n).isEqualTo(120);
        assertThat(new String(buf, 0, n, StandardCharsets.US_ASCII)).isEqualTo("070701" + "0000001a" + "000081a4"
                + "000003e8" + "00000064" + "00000001" + "65937ec5" + "00000006" + "00000000" + "00000000"
                + "00000000" + "00000000" + "00000009" + "00000000" + "etc/motd" + "\0\0");
    }

    @Test
    void decodesWhatItEncodesWithUtf8Names() {
        for (String name : new String[] {".", "ab", "abc", "日本/é", "\uD83D\uDE00", NewcHeader.TRAILER}) {
            NewcHeader h = new NewcHeader(7, 0120777, 0, 0, 1, 0xFFFF_FFFFL, 12, 0, 0, 4095, 0xFFFFF, name);
            byte[] buf = new byte[h.maxEncodedLength() + 8];
            int n = h.encode(buf, 4);
            int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
            assertThat(n).isEqualTo(NewcHeader.encodedLength(nameBytes)).isLessThanOrEqualTo(h.maxEncodedLength());
            assertThat((4 + n) % 4).isZero();
            assertThat(NewcHeader.decode(buf, 4)).isEqualTo(h);
            assertThat(Arrays.copyOfRange(buf, 4 + 110 + nameBytes, 4 + n)).containsOnly(0);
        }
    }

    @Test
    void refusesValuesOverEightHexDigits() {
        NewcHeader h = new NewcHeader(1, 0100644, 0, 0, 1, 0, 0x1_0000_0000L, 0, 0, 0, 0, "big");
        assertThatThrownBy(() -> h.encode(new byte[h.maxEncodedLength()], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4294967296");
    }
}
