package io.github.bootimage.compress.deflate;

/** Shannon entropy of histograms, in bits: the size an ideal code would give, for cheap size estimates. */
final class Entropy {
    private static final int TABLE = 1 << 16;
    /** f * log2(f) for small f. */
    private static final float[] F_LOG_F = new float[TABLE];

    static {
        for (int f = 1; f < TABLE; f++) {
            F_LOG_F[f] = (float) (f * Math.log(f) / Math.log(2));
        }
    }

    private Entropy() {
    }

    /** The bits of coding the histogram ideally: T log2 T - sum f log2 f. */
    static double bits(int[] freq) {
        long total = 0;
        double sum = 0;
        for (int f : freq) {
            total += f;
            sum += fLogF(f);
        }
        return fLogF(total) - sum;
    }

    static int used(int[] freq) {
        int n = 0;
        for (int f : freq) {
            if (f != 0) {
                n++;
            }
        }
        return n;
    }

    private static double fLogF(long f) {
        return f < TABLE ? F_LOG_F[(int) f] : f * Math.log(f) / Math.log(2);
    }
}
