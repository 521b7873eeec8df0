package io.github.bootimage.inputs;

import java.nio.file.Path;

/**
 * A verified local file. {@code file} usually lies in the shared cache: read it, never modify or move it.
 *
 * @param name     the input's name
 * @param file     the file
 * @param fileName the file's natural name (the archive entry's or download's base name), e.g. {@code vmlinuz-6.1.0-56-amd64}
 * @param sha256   its SHA-256
 * @param size     its size in bytes
 * @param origin   where it came from, for logs
 */
public record ResolvedInput(String name, Path file, String fileName, String sha256, long size, String origin) {
}
