package io.github.bootimage.fat;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the entries of one FAT in cluster order (fatgen103 §4): 12-bit entries packed two per three bytes,
 * 16- and 32-bit entries little-endian. Counts what it wrote so the caller can pad to BPB_FATSz.
 */
final class FatTableWriter {
    private final OutputStream out;
    private final FatType type;
    private long bytes;
    private int pending = -1;

    FatTableWriter(OutputStream out, FatType type) {
        this.out = out;
        this.type = type;
    }

    void put(int entry) throws IOException {
        switch (type) {
            case FAT12:
                if (pending < 0) {
                    pending = entry & 0xFFF;
                } else {
                    int pair = pending | (entry & 0xFFF) << 12;
                    write(pair, 3);
                    pending = -1;
                }
                break;
            case FAT16:
                write(entry & 0xFFFF, 2);
                break;
            default:
                write(entry, 4);
        }
    }

    /** Flushes a half-filled FAT12 pair; returns the bytes written. */
    long finish() throws IOException {
        if (pending >= 0) {
            write(pending, 2);
            pending = -1;
        }
        return bytes;
    }

    private void write(int value, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.write(value >>> (8 * i));
        }
        bytes += count;
    }
}
