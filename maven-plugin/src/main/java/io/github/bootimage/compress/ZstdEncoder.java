package io.github.bootimage.compress;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Zstandard through zstd-jni, which bundles its own libzstd, so the bytes do not depend on the host.
 *
 * <p>libzstd's single-threaded mode (0 workers) and its multi-threaded mode cut the input differently, but in
 * multi-threaded mode the job size follows from the level alone: 1 worker and 8 workers give the same frame.
 * So we always ask for at least one worker, and the thread count only changes the speed.
 */
final class ZstdEncoder {
    private ZstdEncoder() {
    }

    static OutputStream open(OutputStream out, int level, int threads) throws IOException {
        ZstdOutputStream zstd = new ZstdOutputStream(out);
        zstd.setLevel(level);
        zstd.setChecksum(true);
        zstd.setWorkers(Math.max(1, threads));
        return zstd;
    }
}
