package io.github.bootimage.compress.deflate;

/**
 * The match-finder settings of one compression level.
 *
 * @param lazy          look one position ahead for a better match before taking one (zlib's lazy evaluation)
 * @param lazy2         also look two positions ahead
 * @param maxChain      how many hash-chain candidates to try per position
 * @param niceLength    stop searching (and looking ahead) once a match is at least this long
 * @param goodLength    look ahead with a quarter of the chain once the current match is this long
 * @param maxDistance3  the farthest length-3 match worth taking (they rarely pay off far away); 0 for none
 * @param segment       symbols per segment for the block splitter, which merges segments into blocks
 */
record DeflateLevel(boolean lazy, boolean lazy2, int maxChain, int niceLength, int goodLength, int maxDistance3,
        int segment) {

    static DeflateLevel of(int level) {
        String tune = System.getProperty("deflate.tune");
        if (tune != null && level == 9) {
            String[] f = tune.split(",");
            return new DeflateLevel(true, f[0].equals("2"), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]));
        }
        switch (level) {
            case 1: return new DeflateLevel(false, false, 4, 16, 258, 0, 8192);
            case 2: return new DeflateLevel(false, false, 8, 32, 258, 0, 8192);
            case 3: return new DeflateLevel(false, false, 16, 64, 258, 4096, 4096);
            case 4: return new DeflateLevel(true, false, 16, 32, 8, 4096, 4096);
            case 5: return new DeflateLevel(true, false, 32, 64, 16, 4096, 4096);
            case 6: return new DeflateLevel(true, false, 64, 128, 32, 4096, 4096);
            case 7: return new DeflateLevel(true, true, 100, 160, 32, 4096, 4096);
            case 8: return new DeflateLevel(true, true, 256, 258, 64, 4096, 2048);
            case 9: return new DeflateLevel(true, true, 600, 258, 128, 4096, 2048);
            default: throw new IllegalArgumentException("deflate level must be 1-9, got " + level);
        }
    }
}
