package io.github.bootimage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EntryPathTest {
    @Test
    void ordersLikeTheUtf8BytesWithoutEncoding() {
        // BMP above the surrogates, supplementary characters (surrogate pairs), ASCII around '/'
        char[] alphabet = {'a', 'b', '/', '0', '.', '\u00e9', '\u4e2d', '\ue000', '\uffff', '\ud83d', '\ude00'};
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(random, alphabet);
            String b = randomString(random, alphabet);
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(Integer.signum(EntryPath.compareUtf8(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
        }
    }

    private static String randomString(SplittableRandom random, char[] alphabet) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            char c = alphabet[random.nextInt(alphabet.length)];
            if (c == '\ud83d' || c == '\ude00') {
                s.append(random.nextBoolean() ? "\ud83d\ude00" : "\ud83c\udf89"); // only well-formed pairs
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    @Test
    void parentsSortBeforeTheirChildren() {
        List<EntryPath> paths = new java.util.ArrayList<>(List.of(EntryPath.of("a0"), EntryPath.of("a/b"),
                EntryPath.of("a"), EntryPath.of("a.b"), EntryPath.ROOT));
        paths.sort(null);
        assertThat(paths).extracting(EntryPath::value).containsExactly("", "a", "a.b", "a/b", "a0");
    }

    @Test
    void normalisesAndRejectsDotComponents() {
        assertThat(EntryPath.of("./a//b/").value()).isEqualTo("a/b");
        assertThat(EntryPath.of("a/b/c").depth()).isEqualTo(3);
        assertThat(EntryPath.of("...").value()).isEqualTo("...");
        for (String bad : List.of("a/../b", "a/./b", "..", "a/..", "a\0b")) {
            assertThatThrownBy(() -> new EntryPath(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
