package io.github.bootimage.pgp;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@code SHA256SUMS} file as GNU {@code sha256sum -c} reads it: one {@code <hex>  <name>\n} line per file
 * (two spaces: text mode, which on Linux is the same digest as binary mode), sorted bytewise by name.
 */
public final class Sha256Sums {
    /** The conventional name of the checksum file ({@code sha256sum -c SHA256SUMS}). */
    public static final String FILE_NAME = "SHA256SUMS";

    private Sha256Sums() {
    }

    /**
     * Writes the checksum file {@code out} for {@code files} (name in the file -> file to digest), atomically.
     * Names are written as given: use the file names that sit next to {@code SHA256SUMS} when published.
     */
    public static void write(Path out, Map<String, Path> files) throws BootImageException {
        List<String> names = new ArrayList<>(files.keySet());
        for (String name : names) {
            checkName(name, out);
        }
        names.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(sha256Hex(files.get(name))).append("  ").append(name).append('\n');
        }
        byte[] bytes = utf8(text.toString());
        try {
            AtomicOutput.writeStream(out, o -> o.write(bytes));
        } catch (IOException e) {
            throw AtomicOutput.failure("the checksum file", out, e);
        }
    }

    /** The lowercase hex SHA-256 of a file, streamed. */
    public static String sha256Hex(Path file) throws BootImageException {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + file + " to compute its SHA-256: " + e, e);
        }
    }

    // sha256sum escapes names with a backslash or newline ("\\" prefix); refuse them instead of escaping.
    private static void checkName(String name, Path out) throws BootImageException {
        if (name.isEmpty() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0 || name.indexOf('\\') >= 0) {
            throw new BootImageException("Cannot list the file name '" + name.replace("\n", "\\n") + "' in " + out
                    + ": names in a SHA256SUMS file must be non-empty and contain no backslash or line break."
                    + " Rename the file (for Maven: the artifactId, version or classifier).");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
