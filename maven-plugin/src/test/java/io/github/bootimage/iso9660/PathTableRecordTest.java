package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PathTableRecordTest {
    @Test
    void encodesBothByteOrders() {
        PathTableRecord r = new PathTableRecord("BOOT".getBytes(), 0x1234, 1);
        assertThat(Hex.dump(r.encode(ByteOrder.LITTLE_ENDIAN))).isEqualTo(Hex.dump(Hex.parse("04 00 34120000 0100 424f4f54")));
        assertThat(Hex.dump(r.encode(ByteOrder.BIG_ENDIAN))).isEqualTo(Hex.dump(Hex.parse("04 00 00001234 0001 424f4f54")));
    }

    @Test
    void oddIdentifierIsPadded() {
        PathTableRecord root = new PathTableRecord(new byte[] {0}, 23, 1);
        assertThat(Hex.dump(root.encode(ByteOrder.LITTLE_ENDIAN))).isEqualTo(Hex.dump(Hex.parse("01 00 17000000 0100 00 00")));
        assertThat(PathTableRecord.decode(root.encode(ByteOrder.BIG_ENDIAN), 0, ByteOrder.BIG_ENDIAN)).isEqualTo(root);
        assertThat(PathTableRecord.decode(root.encode(ByteOrder.LITTLE_ENDIAN), 0, ByteOrder.LITTLE_ENDIAN)).isEqualTo(root);
    }
}
