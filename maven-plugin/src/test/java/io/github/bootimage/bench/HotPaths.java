package io.github.bootimage.bench;

import io.github.bootimage.compress.deflate.DeflateEncoder;
import io.github.bootimage.cpio.NewcWriter;
import io.github.bootimage.fat.FatImage;
import io.github.bootimage.fat.FatImageWriter;
import io.github.bootimage.fat.FatOptions;
import io.github.bootimage.iso9660.IsoImageRequest;
import io.github.bootimage.iso9660.IsoImageWriter;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the hot paths, each on in-memory input written to a null stream, so that the figure
 * is our code alone: no disk, no JVM start. Run with {@code its/benchmarks/run.sh --jmh [REGEX]}. The inputs
 * are generated from a fixed seed: 600 files of 0-16 KiB (about 4.9 MB) of text-like bytes, and a 4 MiB buffer
 * of the same kind; {@link Compressors} runs each compressor on that buffer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {
    private static final int FILES = 600;

    private FileTree tree;
    private byte[] data;
    private final DeflateEncoder deflate = new DeflateEncoder(9);

    @Setup
    public void setUp() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        data = textLike(random, 4 << 20);
        tree = new FileTree();
        for (int i = 0; i < FILES; i++) {
            byte[] bytes = textLike(random, random.nextInt(16 * 1024));
            tree.add(new Entry.RegularFile(EntryPath.of("d" + i / 50 + "/file-" + i + ".txt"), 0644, 0, 0,
                    new BytesContent(bytes)));
        }
    }

    /** Words from a small vocabulary with repeats: compresses like source text, about 3:1. */
    static byte[] textLike(SplittableRandom random, int size) {
        String[] words = {"kernel ", "module ", "init ", "busybox ", "mount ", "proc ", "sys ", "dev ", "0x1f ",
            "static ", "int ", "return ", "\n", "{ ", "} ", "if (", ") ", "struct ", "void ", "char *"};
        StringBuilder sb = new StringBuilder(size + 16);
        while (sb.length() < size) {
            sb.append(words[random.nextInt(words.length)]);
            if (random.nextInt(8) == 0) {
                sb.append(random.nextInt(100_000));
            }
        }
        return sb.substring(0, size).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Benchmark
    public void cpioNewc() throws Exception {
        new NewcWriter(BenchMain.EPOCH).write(tree, OutputStream.nullOutputStream());
    }

    /** One 128 KiB gzip block at level 9, primed with the 32 KiB before it (what each pigz-style thread does). */
    @Benchmark
    public byte[] deflateBlock() {
        return deflate.deflate(data, 0, 32 * 1024, data, 32 * 1024, 128 * 1024, false);
    }

    /** Planning and writing ISO 9660 + Rock Ridge + Joliet: directory records, path tables, extent copying. */
    @Benchmark
    public void isoImage() throws Exception {
        IsoImageWriter.write(IsoImageRequest.of(tree, "BENCH", BenchMain.EPOCH), OutputStream.nullOutputStream());
    }

    @Benchmark
    public void fatImage() throws Exception {
        FatImageWriter.write(FatImage.plan(tree, FatOptions.of(BenchMain.EPOCH)), OutputStream.nullOutputStream());
    }
}
