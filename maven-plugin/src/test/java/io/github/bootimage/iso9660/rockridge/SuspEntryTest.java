package io.github.bootimage.iso9660.rockridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.iso9660.Hex;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuspEntryTest {
    static final Instant T = Instant.parse("2024-01-02T03:04:05Z");

    @Test
    void encodesEntries() {
        assertThat(Hex.dump(new SuspEntry.SP(0).encode())).isEqualTo(Hex.dump(Hex.parse("5350 07 01 beef 00")));
        assertThat(Hex.dump(new SuspEntry.NM(0, "ab".getBytes()).encode())).isEqualTo(Hex.dump(Hex.parse("4e4d 07 01 00 6162")));
        assertThat(Hex.dump(new SuspEntry.PX(0100644, 1, 0, 0, 5).encode())).isEqualTo(Hex.dump(Hex.parse(
                "5058 2c 01 a4810000 000081a4 01000000 00000001 00000000 00000000 00000000 00000000 05000000 00000005")));
        assertThat(Hex.dump(new SuspEntry.TF(SuspEntry.TF.MODIFY, T).encode()))
                .isEqualTo(Hex.dump(Hex.parse("5446 0c 01 02 7c 01 02 03 04 05 00")));
        assertThat(Hex.dump(new SuspEntry.CE(30, 100, 237).encode())).isEqualTo(Hex.dump(Hex.parse(
                "4345 1c 01 1e000000 0000001e 64000000 00000064 ed000000 000000ed")));
        assertThat(RockRidge.EXTENSION.encode()).hasSize(237);
    }

    @Test
    void everyEntryRoundTrips() {
        List<SuspEntry> entries = RockRidge.entries(new Entry.Symlink(EntryPath.of("l"), "/a/./../" + "c".repeat(600), 0, 0),
                1, 7, T, "n".repeat(300));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach(e -> out.writeBytes(e.encode()));
        byte[] b = out.toByteArray();
        List<SuspEntry> back = SuspEntry.decodeAll(b, 0, b.length);
        assertThat(back).hasSameSizeAs(entries);
        for (int i = 0; i < back.size(); i++) {
            assertThat(back.get(i).encode()).isEqualTo(entries.get(i).encode());
        }
    }

    @Test
    void longTargetsAreSplitIntoComponentsAndEntriesThatFit() {
        String target = "/usr/" + "x".repeat(600) + "/../y";
        List<SuspEntry> sl = RockRidge.symlink(target);
        assertThat(sl).allMatch(e -> e.length() <= 255);
        StringBuilder rebuilt = new StringBuilder();
        boolean continues = false;
        for (SuspEntry e : sl) {
            for (SuspEntry.SL.Component c : ((SuspEntry.SL) e).components()) {
                if (!continues && rebuilt.length() > 0 && rebuilt.charAt(rebuilt.length() - 1) != '/') {
                    rebuilt.append('/');
                }
                if ((c.flags() & SuspEntry.SL.Component.ROOT) != 0) {
                    rebuilt.append('/');
                } else if ((c.flags() & SuspEntry.SL.Component.PARENT) != 0) {
                    rebuilt.append("..");
                } else {
                    rebuilt.append(new String(c.content(), StandardCharsets.UTF_8));
                }
                continues = (c.flags() & SuspEntry.SL.Component.CONTINUE) != 0;
            }
        }
        assertThat(rebuilt.toString()).isEqualTo(target);
    }

    @Test
    void deviceNumbersUseLinuxEncoding() {
        assertThat(RockRidge.deviceNumber(5, 1)).isEqualTo(0x501);
        assertThat(RockRidge.deviceNumber(8, 0x123)).isEqualTo(0x10_0823);
    }
}
