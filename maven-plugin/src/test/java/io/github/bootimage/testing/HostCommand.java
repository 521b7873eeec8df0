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

    /** True when {@code tool} is on the PATH or in /usr/sbin, /sbin. */
    public static boolean available(String tool) {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    public static Result run(String... command) throws IOException, InterruptedException {
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
