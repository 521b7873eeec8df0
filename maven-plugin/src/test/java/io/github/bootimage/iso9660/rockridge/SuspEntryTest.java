package io.github.bootimage.iso9660.rockridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.iso9660.Hex;
import io.github.bootimage.iso9660.encoding.IsoBytes;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
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
    void decodingGivesBackTheFieldsThatWereEncoded() {
        List<SuspEntry.SL.Component> components = List.of(new SuspEntry.SL.Component(SuspEntry.SL.Component.ROOT,
                new byte[0]), new SuspEntry.SL.Component(0, "usr".getBytes(StandardCharsets.UTF_8)));
        List<SuspEntry> entries = List.of(new SuspEntry.SP(7), new SuspEntry.CE(30, 100, 237), RockRidge.EXTENSION,
                new SuspEntry.PX(0100644, 3, 1000, 100, 42), new SuspEntry.PN(1, 0x501),
                new SuspEntry.NM(SuspEntry.NM.CONTINUE, "näme".getBytes(StandardCharsets.UTF_8)),
                new SuspEntry.TF(SuspEntry.TF.MODIFY | SuspEntry.TF.ACCESS, T),
                new SuspEntry.SL(SuspEntry.SL.CONTINUE, components));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entries.forEach(e -> out.writeBytes(e.encode()));
        byte[] b = out.toByteArray();
        List<SuspEntry> back = SuspEntry.decodeAll(b, 0, b.length);

        assertThat(back).hasSize(8);
        assertThat(back.get(0)).isEqualTo(new SuspEntry.SP(7));
        assertThat(back.get(1)).isEqualTo(new SuspEntry.CE(30, 100, 237));
        SuspEntry.ER er = (SuspEntry.ER) back.get(2);
        assertThat(er.id()).isEqualTo("RRIP_1991A");
        assertThat(er.descriptor()).startsWith("THE ROCK RIDGE INTERCHANGE PROTOCOL");
        assertThat(er.source()).startsWith("PLEASE CONTACT DISC PUBLISHER");
        assertThat(er.version()).isEqualTo(1);
        assertThat(back.get(3)).isEqualTo(new SuspEntry.PX(0100644, 3, 1000, 100, 42));
        assertThat(back.get(4)).isEqualTo(new SuspEntry.PN(1, 0x501));
        SuspEntry.NM nm = (SuspEntry.NM) back.get(5);
        assertThat(nm.flags()).isEqualTo(SuspEntry.NM.CONTINUE);
        assertThat(new String(nm.name(), StandardCharsets.UTF_8)).isEqualTo("näme");
        assertThat(back.get(6)).isEqualTo(new SuspEntry.TF(SuspEntry.TF.MODIFY | SuspEntry.TF.ACCESS, T));
        SuspEntry.SL sl = (SuspEntry.SL) back.get(7);
        assertThat(sl.flags()).isEqualTo(SuspEntry.SL.CONTINUE);
        assertThat(sl.components()).hasSize(2);
        assertThat(sl.components().get(0).flags()).isEqualTo(SuspEntry.SL.Component.ROOT);
        assertThat(sl.components().get(0).content()).isEmpty();
        assertThat(sl.components().get(1).flags()).isZero();
        assertThat(new String(sl.components().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("usr");
    }

    /** The directory writer's one-call encoding is the same bytes as the entries, and its length says so. */
    @Test
    void recordEncodingIsTheEntriesEncoding() {
        byte[] date7 = new byte[7];
        IsoBytes.putDate7(date7, 0, T);
        List<Entry> kinds = List.of(new Entry.Directory(EntryPath.of("d"), 0755, 0, 0),
                new Entry.RegularFile(EntryPath.of("f"), 0644, 1000, 100, BytesContent.utf8("x")),
                new Entry.DeviceNode(EntryPath.of("dev/tty"), Entry.DeviceNode.Kind.CHARACTER, 5, 0, 0666, 0, 5),
                new Entry.Symlink(EntryPath.of("l"), "/a/./../" + "c".repeat(600), 0, 0));
        for (Entry entry : kinds) {
            for (String name : new String[] {null, "short", "n".repeat(300) + "ü"}) {
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                RockRidge.entries(entry, 2, 9, T, name).forEach(e -> expected.writeBytes(e.encode()));
                byte[] b = new byte[4096];
                int end = RockRidge.encode(b, 10, entry, 2, 9, T, date7, name);
                assertThat(Arrays.copyOfRange(b, 10, end)).as(entry + " " + name).isEqualTo(expected.toByteArray());
                assertThat(RockRidge.length(entry, name)).isEqualTo(expected.size());
            }
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
