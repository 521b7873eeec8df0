package io.github.bootimage.fat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.model.EntryPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortNamesTest {
    static String shortOf(Map<String, ShortNames.Name> names, String name) {
        return new String(names.get(name).shortName(), StandardCharsets.US_ASCII);
    }

    @Test
    void upperCaseEightDotThreeStaysWithoutLongName() throws Exception {
        Map<String, ShortNames.Name> n = ShortNames.assign(EntryPath.ROOT, List.of("BOOTX64.EFI", "EFI", "README"));
        assertThat(n.get("BOOTX64.EFI").longName()).isNull();
        assertThat(shortOf(n, "BOOTX64.EFI")).isEqualTo("BOOTX64 EFI");
        assertThat(shortOf(n, "EFI")).isEqualTo("EFI        ");
    }

    @Test
    void otherNamesGetLongNamesAndTails() throws Exception {
        Map<String, ShortNames.Name> n = ShortNames.assign(EntryPath.ROOT, List.of("LONGFI~1.TXT", "grubx64.efi",
                "longfilename1.txt", "longfilename2.txt", "x.tar.gz", "Übung", ".hidden"));
        assertThat(shortOf(n, "grubx64.efi")).isEqualTo("GRUBX64 EFI");
        assertThat(n.get("grubx64.efi").longName()).isEqualTo("grubx64.efi");
        assertThat(shortOf(n, "longfilename1.txt")).as("~1 is taken by an exact name").isEqualTo("LONGFI~2TXT");
        assertThat(shortOf(n, "longfilename2.txt")).isEqualTo("LONGFI~3TXT");
        assertThat(shortOf(n, "x.tar.gz")).isEqualTo("XTAR~1  GZ ");
        assertThat(shortOf(n, "Übung")).isEqualTo("_BUNG~1    ");
        assertThat(shortOf(n, ".hidden")).isEqualTo("HIDDEN~1   ");
    }

    @Test
    void tailsGrowPastNine() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("same-prefix-" + (char) ('a' + i));
        }
        Map<String, ShortNames.Name> n = ShortNames.assign(EntryPath.ROOT, names);
        assertThat(shortOf(n, "same-prefix-j")).isEqualTo("SAME-~10   ");
    }

    @Test
    void forbiddenNamesAreRefused() {
        assertThatThrownBy(() -> ShortNames.assign(EntryPath.of("EFI"), List.of("a:b")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("/EFI/a:b").hasMessageContaining("':'");
        assertThatThrownBy(() -> ShortNames.assign(EntryPath.ROOT, List.of("trailing.")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("ends with a dot");
    }
}
