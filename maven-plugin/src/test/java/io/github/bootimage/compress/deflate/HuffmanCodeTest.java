package io.github.bootimage.compress.deflate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HuffmanCodeTest {
    /** Fibonacci frequencies give the deepest possible Huffman tree: one more level per symbol. */
    @ParameterizedTest
    @CsvSource({"286, 15", "30, 15", "19, 7", "40, 15"})
    void skewedFrequenciesStayWithinTheLimitAndComplete(int n, int limit) {
        int[] freq = new int[n];
        int a = 1;
        int b = 1;
        for (int s = 0; s < n; s++) {
            freq[s] = a;
            int c = a + b;
            a = b;
            b = Math.min(c, 1 << 28);
        }
        int[] lengths = new int[n];
        HuffmanCode.buildLengths(freq, n, limit, lengths);
        assertThat(java.util.Arrays.stream(lengths).boxed()).allMatch(l -> l >= 1 && l <= limit);
        assertThat(kraft(lengths, limit)).isEqualTo(1L << limit);
        // More frequent symbols never get longer codes.
        for (int s = 1; s < n; s++) {
            assertThat(lengths[s]).isLessThanOrEqualTo(lengths[s - 1]);
        }
    }

    @Test
    void unlimitedTreeIsTheHuffmanOptimum() {
        int[] freq = {5, 9, 12, 13, 16, 45};
        int[] lengths = new int[6];
        HuffmanCode.buildLengths(freq, 6, 15, lengths);
        // The textbook example: 45 -> 1 bit, 12/13/16 -> 3 bits, 5/9 -> 4 bits.
        assertThat(lengths).containsExactly(4, 4, 3, 3, 3, 1);
    }

    @Test
    void oneOrNoUsedSymbolsStillGiveACompleteCodeOfTwo() {
        int[] lengths = new int[30];
        HuffmanCode.buildLengths(new int[30], 30, 15, lengths);
        assertThat(kraft(lengths, 15)).isEqualTo(1L << 15);
        int[] freq = new int[30];
        freq[7] = 100;
        HuffmanCode.buildLengths(freq, 30, 15, lengths);
        assertThat(lengths[7]).isEqualTo(1);
        assertThat(kraft(lengths, 15)).isEqualTo(1L << 15);
    }

    @Test
    void canonicalCodesFollowRfc1951Example() {
        // RFC 1951 §3.2.2: lengths (3,3,3,3,3,2,4,4) give codes 010,011,100,101,110,00,1110,1111.
        int[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};
        int[] codes = new int[8];
        HuffmanCode.canonicalCodes(lengths, 8, codes);
        int[] msbFirst = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
        for (int s = 0; s < 8; s++) {
            assertThat(Integer.reverse(codes[s]) >>> (32 - lengths[s])).as("symbol " + s).isEqualTo(msbFirst[s]);
        }
    }

    private static long kraft(int[] lengths, int limit) {
        long sum = 0;
        for (int l : lengths) {
            if (l > 0) {
                sum += 1L << (limit - l);
            }
        }
        return sum;
    }
}
