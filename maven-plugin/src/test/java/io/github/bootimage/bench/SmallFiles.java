package io.github.bootimage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A many-small-files tree made the same way every time: COUNT files of 0-4 KiB of text-like bytes, 100 per
 * directory, directories two levels deep. A fixed seed, so every run (and every machine) gets the same tree.
 */
final class SmallFiles {
    private static final byte[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 \n=_-./".getBytes();

    private SmallFiles() {
    }

    static void write(Path root, int count) throws IOException {
        SplittableRandom random = new SplittableRandom(20241124L);
        for (int i = 0; i < count; i++) {
            Path dir = root.resolve(String.format("d%02d/s%03d", i / 10_000, i / 100 % 100));
            if (i % 100 == 0) {
                Files.createDirectories(dir);
            }
            byte[] data = new byte[random.nextInt(4097)];
            for (int j = 0; j < data.length; j++) {
                // a small vocabulary, so the files compress a little, like configuration and scripts
                data[j] = ALPHABET[random.nextInt(j % 7 == 0 ? ALPHABET.length : 12)];
            }
            Files.write(dir.resolve(String.format("file-%06d.txt", i)), data);
        }
    }
}
