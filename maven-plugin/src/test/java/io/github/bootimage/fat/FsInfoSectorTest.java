package io.github.bootimage.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FsInfoSectorTest {
    @Test
    void signaturesAndCountsAtTheOffsetsOfFatgen103() {
        byte[] s = new FsInfoSector(72172, 8458).encode();
        assertThat(HexFormat.of().formatHex(s, 0, 4)).isEqualTo("52526141");
        assertThat(HexFormat.of().formatHex(s, 484, 512)).isEqualTo("72724161" + "ec190100" + "0a210000"
                + "00".repeat(12) + "000055aa");
        assertThat(FsInfoSector.decode(s)).isEqualTo(new FsInfoSector(72172, 8458));
        s[0] = 0;
        assertThatThrownBy(() -> FsInfoSector.decode(s)).hasMessageContaining("FSInfo");
    }
}
