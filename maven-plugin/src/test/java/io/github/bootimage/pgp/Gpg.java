package io.github.bootimage.pgp;

import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real GnuPG with its own temporary GNUPGHOME: the independent verifier of our signatures. */
public final class Gpg implements AutoCloseable {
    private final Path home;

    public Gpg(Path dir) throws IOException {
        HostTools.require("gpg", "gpgconf");
        home = Files.createDirectories(dir.resolve("gnupg"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--no-tty", "--status-fd", "1"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("gpg timed out: " + command);
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    public Result importKey(Path key) throws IOException, InterruptedException {
        return run("--import", key.toString());
    }

    public Result verify(Path signature, Path data) throws IOException, InterruptedException {
        return run("--verify", signature.toString(), data.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(30, TimeUnit.SECONDS);
    }

    public record Result(int exit, String output) {
    }
}
