package io.github.bootimage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host tool (fsck.fat, mtools, xorriso, sgdisk ...) for cross-checks; output is stdout and stderr merged. */
public final class HostCommand {
    public record Result(int exitCode, String output, byte[] stdout) {
    }

    private HostCommand() {
    }

    /** Runs the command; a missing tool skips the test, or fails it in CI ({@link HostTools#require}). */
    public static Result run(String... command) throws IOException, InterruptedException {
        if (!command[0].contains("/")) {
            HostTools.require(command[0]);
        }
        Path out = Files.createTempFile("hostcmd", ".out");
        Path err = Files.createTempFile("hostcmd", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(command)).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("PATH", System.getenv("PATH") + ":/usr/sbin:/sbin");
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().put("MTOOLS_SKIP_CHECK", "1");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            byte[] stdout = Files.readAllBytes(out);
            String text = new String(stdout, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
            return new Result(p.exitValue(), text, stdout);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
