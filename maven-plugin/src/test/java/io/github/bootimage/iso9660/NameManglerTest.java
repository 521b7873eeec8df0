package io.github.bootimage.iso9660;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.iso9660.encoding.NameMangler;
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
    void manyClashesGetTheSameNamesAsOneByOneSearching() {
        // 1,000 names cut to FILE_000.TXT, 500 to FILE_001.TXT (which is therefore taken): the remembered
        // search must pick what a fresh search picks
        List<NameMangler.Candidate> candidates = java.util.stream.IntStream.range(0, 1500)
                .mapToObj(i -> IsoNames.file(String.format("file-%06d.txt", i))).toList();
        List<String> names = NameMangler.resolve(candidates);
        assertThat(names).doesNotHaveDuplicates().startsWith("FILE_002.TXT", "FILE_003.TXT")
                .contains("FILE_010.TXT", "FILE_100.TXT", "FILE0000.TXT");
        assertThat(names).isEqualTo(oneByOne(candidates));
    }

    /** The plain algorithm: every clashing name searches from counter 0 again. */
    private static List<String> oneByOne(List<NameMangler.Candidate> candidates) {
        java.util.Set<String> used = new java.util.HashSet<>();
        candidates.forEach(c -> used.add(c.join()));
        List<String> result = new java.util.ArrayList<>();
        for (NameMangler.Candidate c : candidates) {
            String found = null;
            for (int digits = 1; found == null; digits++) {
                String base = NameMangler.cut(c.base(), c.baseLimit() - digits);
                for (int n = 0; n < Math.pow(10, digits) && found == null; n++) {
                    String name = new NameMangler.Candidate(base + String.format("%0" + digits + "d", n), c.ext(),
                            c.baseLimit()).join();
                    found = used.add(name) ? name : null;
                }
            }
            result.add(found);
        }
        return result;
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
