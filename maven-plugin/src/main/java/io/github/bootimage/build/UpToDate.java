package io.github.bootimage.build;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Remembers the {@link Fingerprint} an output was built from, in a stamp file beside the other build
 * state, so that {@code mvn package} twice in a row does no image work the second time.
 */
public final class UpToDate {
    private UpToDate() {
    }

    /** The work that makes an output. */
    @FunctionalInterface
    public interface Work {
        void run() throws BootImageException, IOException;
    }

    /**
     * Runs {@code work} unless {@code output} exists and was built from {@code fingerprint}; says which in
     * {@code info}. The stamp is dropped before the work and written after it succeeded.
     */
    public static void run(String what, Path output, Path stamp, String fingerprint, Consumer<String> info, Work work)
            throws BootImageException, IOException {
        if (check(stamp, fingerprint, output)) {
            info.accept(what + " up to date, not rebuilt: " + output);
            return;
        }
        invalidate(stamp);
        info.accept("Writing " + what + ": " + output);
        work.run();
        record(stamp, fingerprint);
        info.accept(what + " written: " + Files.size(output) + " bytes");
    }

    /** True when every output exists and the stamp holds this fingerprint. */
    public static boolean check(Path stamp, String fingerprint, Path... outputs) throws IOException {
        for (Path output : outputs) {
            if (!Files.isRegularFile(output)) {
                return false;
            }
        }
        return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(fingerprint);
    }

    /** Records the fingerprint after a successful build (temporary file + atomic move). */
    public static void record(Path stamp, String fingerprint) throws IOException {
        AtomicOutput.writeString(stamp, fingerprint + "\n");
    }

    /** Forgets a stamp, before an output is rebuilt, so a failed build never looks up to date. */
    public static void invalidate(Path stamp) throws IOException {
        Files.deleteIfExists(stamp);
    }
}
