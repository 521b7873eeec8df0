package io.github.bootimage.compress.deflate;

import static io.github.bootimage.compress.deflate.DeflateTables.WINDOW;

/**
 * The match-finder settings of one compression level.
 *
 * @param lazy          look one position ahead for a better match before taking one (zlib's lazy evaluation)
 * @param lazy2         also look two positions ahead
 * @param maxChain      how many hash-chain candidates to try per position
 * @param niceLength    stop searching (and looking ahead) once a match is at least this long
 * @param goodLength    look ahead with a quarter of the chain once the current match is this long
 * @param maxDistance3  the farthest length-3 match to consider; 0 for none (a cost check still rejects the ones
 *                      dearer than literals)
 * @param segment       input bytes per segment for the block splitter, which merges segments into blocks
 */
record DeflateLevel(boolean lazy, boolean lazy2, int maxChain, int niceLength, int goodLength, int maxDistance3,
        int segment) {

    /** Levels 1-9 as in gzip; 9 is tuned to beat {@code gzip -9} in size at a fraction of its time. */
    static DeflateLevel of(int level) {
        switch (level) {
            case 1: return new DeflateLevel(false, false, 4, 16, 258, 0, 16384);
            case 2: return new DeflateLevel(false, false, 8, 32, 258, 0, 8192);
            case 3: return new DeflateLevel(false, false, 16, 64, 258, WINDOW, 8192);
            case 4: return new DeflateLevel(true, false, 16, 32, 8, WINDOW, 8192);
            case 5: return new DeflateLevel(true, false, 32, 64, 8, WINDOW, 4096);
            case 6: return new DeflateLevel(true, false, 48, 128, 8, WINDOW, 4096);
            case 7: return new DeflateLevel(true, true, 64, 160, 8, WINDOW, 4096);
            case 8: return new DeflateLevel(true, true, 96, 258, 8, WINDOW, 2048);
            case 9: return new DeflateLevel(true, true, 128, 258, 8, WINDOW, 2048);
            default: throw new IllegalArgumentException("deflate level must be 1-9, got " + level);
        }
    }
}
