package io.github.bootimage.debian;

import java.util.List;

/**
 * A package of the closure, fetched and unpacked: its {@code data.tar} members, file contents in the cache.
 *
 * @param pkg     the package
 * @param entries its members in archive order
 * @param blobs   where the cache keeps a file by SHA-256
 */
public record UnpackedPackage(BinaryPackage pkg, List<DataEntry> entries, Blobs blobs) {

    /** The cache's file for a SHA-256. */
    @FunctionalInterface
    public interface Blobs {
        java.nio.file.Path file(String sha256);
    }

    public UnpackedPackage {
        entries = List.copyOf(entries);
    }
}
