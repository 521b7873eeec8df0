package io.github.bootimage.initramfs;

import io.github.bootimage.compress.Compression;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.model.Overlay;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Not a test: packs a host directory as our initramfs, for timing against cpio/bsdtar/pigz/zstd/xz
 * (see docs/initramfs-benchmark.md). Usage: {@code InitramfsBenchmark DIR OUTPUT COMPRESSION THREADS [LEVEL]}.
 */
public final class InitramfsBenchmark {
    private InitramfsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        FileTree tree = new FileTree();
        Overlay.copy(Path.of(args[0]), EntryPath.ROOT, tree);
        Compression c = Compression.of(args[2]);
        InitramfsRequest request = InitramfsRequest.of(Path.of("unused"), Instant.EPOCH, Path.of(args[1]))
                .withCompression(c).withThreads(Integer.parseInt(args[3]))
                .withCompressionLevel(args.length > 4 ? Integer.valueOf(args[4]) : null);
        InitramfsBuilder.write(tree, request);
        System.out.printf("%s %d entries %.2f s%n", c.id(), tree.size(), (System.nanoTime() - start) / 1e9);
    }
}
