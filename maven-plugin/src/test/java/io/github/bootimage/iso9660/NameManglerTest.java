package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.iso9660.joliet.JolietNames;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameManglerTest {
    @Test
    void levelOneNamesLikeXorriso() {
        assertThat(resolve("isolinux.bin", "ldlinux.c32", "LongMixedCaseName-with.many.dots.txt", "lnk", ".hidden",
                "a.b.c")).containsExactly("ISOLINUX.BIN", "LDLINUX.C32", "LONGMIXE.TXT", "LNK.", "_HIDDEN.", "A_B.C");
    }

    @Test
    void clashesGetCountersInInputOrder() {
        assertThat(resolve("verylongname1.txt", "verylongname2.txt", "VeryLongName3.TXT", "verylon0.txt"))
                .containsExactly("VERYLON1.TXT", "VERYLON2.TXT", "VERYLON3.TXT", "VERYLON0.TXT");
        List<String> many = resolve(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "same-prefix-" + i + ".x")
                .toArray(String[]::new));
        assertThat(many).doesNotHaveDuplicates().contains("SAME_PR0.X", "SAME_PR9.X", "SAME_P00.X", "SAME_P01.X");
    }

    @Test
    void jolietKeepsTheExtensionAndNeverSplitsASurrogatePair() {
        String name = "\uD83D\uDE00".repeat(40) + ".txt";
        NameMangler.Candidate c = JolietNames.candidate(name, false);
        String joined = NameMangler.resolve(List.of(c)).get(0);
        assertThat(joined).endsWith(".txt").hasSizeLessThanOrEqualTo(64);
        assertThat(Character.isHighSurrogate(joined.charAt(joined.length() - 5))).isFalse();
        assertThat(NameMangler.resolve(List.of(JolietNames.candidate("a:b?c", false)))).containsExactly("a_b_c");
    }

    private static List<String> resolve(String... names) {
        return IsoNames.resolve(java.util.Arrays.stream(names).map(IsoNames::file).toList());
    }
}
