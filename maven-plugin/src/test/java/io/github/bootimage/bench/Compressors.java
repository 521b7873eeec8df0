package io.github.bootimage.bench;

import io.github.bootimage.compress.Compression;
import java.io.OutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Each initramfs compressor at its default level on one thread (the cost per core), 4 MiB of text-like input. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class Compressors {
    @Param({"gzip", "xz", "zstd", "lz4", "lzma", "bzip2"})
    public String compression;

    private byte[] data;

    @Setup
    public void setUp() {
        data = HotPaths.textLike(new SplittableRandom(9), 4 << 20);
    }

    @Benchmark
    public void compress() throws Exception {
        try (OutputStream out = Compression.of(compression).encoder(OutputStream.nullOutputStream(), 1)) {
            out.write(data);
        }
    }
}
