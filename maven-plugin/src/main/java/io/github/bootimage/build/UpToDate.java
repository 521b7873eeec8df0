package io.github.bootimage.build;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Remembers the {@link Fingerprint} an output was built from, in a stamp file beside the other build state, so
 * that {@code mvn package} twice in a row does no image work the second time. The stamp also holds the output's
 * stat data: an output that something else rewrote (another execution, a copy) is built again.
 *
 * <p>Files of one step: {@code <id>.stamp} (fingerprint and output) and {@code <id>.index} (the {@link FileIndex}
 * of its inputs).
 */
public final class UpToDate {
    /** What a fingerprint is made of: a core request, the code, whatever else the caller adds. */
    @FunctionalInterface
    public interface Inputs {
        void addTo(Fingerprint fingerprint) throws IOException;
    }

    /** The work that makes an output. */
    @FunctionalInterface
    public interface Work {
        void run() throws BootImageException, IOException;
    }

    private final Path stamp;
    private final Path index;
    private final long racyNanos;

    /** The state of step {@code id} in directory {@code dir}. */
    public UpToDate(Path dir, String id) {
        this(dir, id, FileIndex.RACY_NANOS);
    }

    UpToDate(Path dir, String id, long racyNanos) {
        this.stamp = dir.resolve(id + ".stamp");
        this.index = dir.resolve(id + ".index");
        this.racyNanos = racyNanos;
    }

    /**
     * Runs {@code work} unless {@code output} exists, unchanged since it was written from the same fingerprint;
     * says which in {@code info}. The stamp is dropped before the work and written after it succeeded.
     *
     * @return true if the work ran
     */
    public boolean run(String what, Path output, Inputs inputs, Consumer<String> info, Work work)
            throws BootImageException, IOException {
        String fingerprint = fingerprint(inputs);
        if (check(fingerprint, output)) {
            info.accept(what + " up to date, not rebuilt: " + output);
            return false;
        }
        Files.deleteIfExists(stamp);
        info.accept("Writing " + what + ": " + output);
        work.run();
        record(fingerprint, output);
        info.accept(what + " written: " + Files.size(output) + " bytes");
        return true;
    }

    /** The fingerprint of {@code inputs}, reading only the files whose stat data changed since the last time. */
    public String fingerprint(Inputs inputs) throws IOException {
        try (FileIndex files = FileIndex.open(index, racyNanos)) {
            Fingerprint f = new Fingerprint(files);
            inputs.addTo(f);
            files.save();
            return f.hex();
        }
    }

    /** True when the output exists as it was written from this fingerprint. */
    public boolean check(String fingerprint, Path output) throws IOException {
        if (!Files.isRegularFile(output) || !Files.isRegularFile(stamp)) {
            return false;
        }
        List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
        return lines.equals(List.of(fingerprint, stat(output)));
    }

    /** Records the fingerprint and the output after a successful build (temporary file + atomic move). */
    public void record(String fingerprint, Path output) throws IOException {
        AtomicOutput.writeString(stamp, fingerprint + "\n" + stat(output) + "\n");
    }

    /** Size, times, inode and device: any rewrite of the output changes at least ctime or the inode. */
    private static String stat(Path output) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(output, "unix:size,lastModifiedTime,ctime,ino,dev");
            return "output " + a.get("size") + " " + a.get("lastModifiedTime") + " " + a.get("ctime") + " "
                    + a.get("ino") + " " + a.get("dev");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes a = Files.readAttributes(output, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return "output " + a.size() + " " + a.lastModifiedTime() + " " + a.fileKey();
        }
    }
}
