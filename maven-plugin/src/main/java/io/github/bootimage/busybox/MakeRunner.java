package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs {@code make} in the source tree with an explicit, clean environment (nothing of the host's leaks in),
 * appending all output to a build log. On failure the message carries the log's tail and full path.
 */
final class MakeRunner {
    static final int TAIL_LINES = 40;

    private final Path sourceDir;
    private final Map<String, String> environment;
    private final Path logFile;
    private final Consumer<String> log;

    MakeRunner(Path sourceDir, Map<String, String> environment, Path logFile, Consumer<String> log) {
        this.sourceDir = sourceDir;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
        this.log = log;
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Runs {@code make args}; with {@code answerDefaults} stdin is an endless stream of newlines (like
     * {@code yes "" | make oldconfig}): BusyBox's kconfig has no {@code olddefconfig} and exits at end of input.
     */
    void make(boolean answerDefaults, List<String> args) throws BootImageException {
        List<String> command = new ArrayList<>();
        command.add("make");
        command.addAll(args);
        log.accept("BusyBox: " + String.join(" ", command));
        ProcessBuilder pb = new ProcessBuilder(command).directory(sourceDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().clear();
        pb.environment().putAll(environment);
        int exit;
        try {
            Files.writeString(logFile, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process p = pb.start();
            Thread feeder = answerDefaults ? feedNewlines(p.getOutputStream()) : null;
            if (feeder == null) {
                p.getOutputStream().close();
            }
            try {
                exit = p.waitFor();
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new BootImageException("Interrupted while running " + String.join(" ", command), e);
            }
            if (feeder != null) {
                feeder.interrupt();
            }
        } catch (IOException e) {
            throw new BootImageException("Cannot run make in " + sourceDir + ": " + e.getMessage() + ". "
                    + HostToolchain.PACKAGES, e);
        }
        if (exit != 0) {
            throw new BootImageException("BusyBox build failed: '" + String.join(" ", command) + "' exited with "
                    + exit + ". Last lines of the build log:\n" + tail() + "\nFull build log: " + logFile);
        }
    }

    private static Thread feedNewlines(OutputStream stdin) {
        Thread t = new Thread(() -> {
            byte[] newlines = "\n".repeat(64).getBytes(StandardCharsets.US_ASCII);
            try (stdin) {
                while (!Thread.currentThread().isInterrupted()) {
                    stdin.write(newlines);
                    stdin.flush();
                }
            } catch (IOException processExited) {
                // The pipe closes when make exits: that ends the feeding.
            }
        }, "busybox-oldconfig-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    String tail() {
        try {
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
