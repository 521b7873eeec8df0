package io.github.bootimage.iso9660.eltorito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.iso9660.Hex;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.EntryPath;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BootCatalogTest {
    @Test
    void validationEntryChecksumMakesTheWordsSumToZero() {
        byte[] b = new ValidationEntry(0, "").encode();
        assertThat(Hex.dump(b)).isEqualTo(Hex.dump(Hex.parse(
                "01 00 0000 000000000000000000000000000000000000000000000000 aa55 55aa")));
        assertThat(ValidationEntry.decode(b, 0)).isEqualTo(new ValidationEntry(0, ""));
        b[5] = 1;
        assertThatThrownBy(() -> ValidationEntry.decode(b, 0)).hasMessageContaining("checksum");
    }

    @Test
    void biosThenUefiSection() {
        ElToritoConfig config = ElToritoConfig.of(null, BootEntry.isolinux(EntryPath.of("isolinux/isolinux.bin")),
                BootEntry.uefi(EntryPath.of("boot/grub/efi.img")));
        byte[] cat = BootCatalog.encode(config, e -> e.platform() == BootEntry.Platform.BIOS ? 40 : 50,
                e -> 10 * 1024 * 1024);
        assertThat(SectionEntry.decode(cat, 32)).isEqualTo(new SectionEntry(true, 0, 0, 4, 40));
        assertThat(SectionHeader.decode(cat, 64)).isEqualTo(new SectionHeader(true, 0xEF, 1));
        assertThat(SectionEntry.decode(cat, 96)).isEqualTo(new SectionEntry(true, 0, 0, 20480, 50));
        assertThat(Hex.dump(Arrays.copyOfRange(cat, 32, 48)))
                .isEqualTo(Hex.dump(Hex.parse("88 00 0000 00 00 0400 28000000 00000000")));
        assertThat(Arrays.copyOfRange(cat, 128, 2048)).containsOnly(0);
    }

    @Test
    void bootInfoTableSumsLittleEndianWordsFrom64() throws Exception {
        byte[] file = new byte[70];
        file[64] = 1;
        file[65] = 2;
        file[68] = 5;
        file[69] = 1;
        assertThat(BootInfoTable.checksum(new BytesContent(file), "f")).isEqualTo(0x0201 + 0x0105);
        BootInfoTable t = new BootInfoTable(16, 30, 70, 0x306);
        assertThat(Hex.dump(t.encode())).startsWith(Hex.dump(Hex.parse("10000000 1e000000 46000000 06030000")).substring(0, 50));
        byte[] patched = new byte[64];
        System.arraycopy(t.encode(), 0, patched, 8, 56);
        assertThat(BootInfoTable.decode(patched)).isEqualTo(t);
    }
}
