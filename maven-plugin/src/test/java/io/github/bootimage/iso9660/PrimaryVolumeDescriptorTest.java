package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrimaryVolumeDescriptorTest {
    static final Instant T = Instant.parse("2024-01-02T03:04:05Z");
    static final DirectoryRecord ROOT = new DirectoryRecord(20, 2048, T, DirectoryRecord.DIRECTORY,
            DirectoryRecord.SELF, new byte[0]);

    static PrimaryVolumeDescriptor pvd(boolean joliet) {
        return new PrimaryVolumeDescriptor(joliet, "", "MY_VOLUME", 1000, 10, 18, 19, ROOT, "", "PUB", "PREP", "APP", T);
    }

    @Test
    void encodesTheFieldsAtTheirEcma119Offsets() {
        byte[] b = pvd(false).encode();
        assertThat(Hex.dump(Arrays.copyOfRange(b, 0, 8))).isEqualTo(Hex.dump(Hex.parse("01 4344303031 01 00")));
        assertThat(new String(b, 40, 32)).isEqualTo("MY_VOLUME" + " ".repeat(23));
        assertThat(Hex.dump(Arrays.copyOfRange(b, 80, 88))).isEqualTo(Hex.dump(Hex.parse("e8030000 000003e8")));
        assertThat(Hex.dump(Arrays.copyOfRange(b, 120, 156))).isEqualTo(Hex.dump(Hex.parse(
                "01000001 01000001 00080800 0a000000 0000000a 12000000 00000000 00000013 00000000")));
        assertThat(b[156]).isEqualTo((byte) 34);
        assertThat(new String(b, 813, 17)).isEqualTo("2024010203040500\0");
        assertThat(new String(b, 847, 17)).isEqualTo("0000000000000000\0");
        assertThat(b[881]).isEqualTo((byte) 1);
    }

    @Test
    void jolietHasTheEscapeSequenceAndUcs2Ids() {
        byte[] b = pvd(true).encode();
        assertThat(b[0]).isEqualTo((byte) 2);
        assertThat(Hex.dump(Arrays.copyOfRange(b, 88, 91))).isEqualTo(Hex.dump(Hex.parse("252f45")));
        assertThat(Hex.dump(Arrays.copyOfRange(b, 40, 46))).isEqualTo(Hex.dump(Hex.parse("004d0059005f")));
    }

    @Test
    void roundTrips() {
        for (boolean joliet : new boolean[] {false, true}) {
            PrimaryVolumeDescriptor back = PrimaryVolumeDescriptor.decode(pvd(joliet).encode());
            assertThat(back).usingRecursiveComparison().isEqualTo(pvd(joliet));
        }
    }

    @Test
    void otherDescriptorsRoundTrip() {
        assertThat(BootRecordVolumeDescriptor.decode(new BootRecordVolumeDescriptor(33).encode()).catalogLba())
                .isEqualTo(33);
        byte[] br = new BootRecordVolumeDescriptor(33).encode();
        assertThat(new String(br, 7, 23)).isEqualTo("EL TORITO SPECIFICATION");
        assertThat(Hex.dump(Arrays.copyOfRange(br, 0x47, 0x4b))).isEqualTo(Hex.dump(Hex.parse("21000000")));
        VolumeDescriptorSetTerminator.decode(new VolumeDescriptorSetTerminator().encode());
    }
}
