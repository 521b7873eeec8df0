package io.github.bootimage.initramfs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.compress.NonClosingOutputStream;
import io.github.bootimage.cpio.ArchiveConcatenation;
import io.github.bootimage.cpio.NewcWriter;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.model.FileTree;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the initramfs file: prefix archives and the base archive verbatim, then our newc archive through
 * the chosen compression. The file appears complete or not at all: it is written to a temporary file in
 * the same directory and moved into place.
 */
public final class InitramfsBuilder {
    private InitramfsBuilder() {
    }

    /** Builds the tree and writes it; returns the output path. */
    public static Path build(InitramfsRequest request) throws BootImageException {
        for (Path prefix : request.prefixArchives()) {
            ArchiveConcatenation.requireSegment(prefix, "prefixArchives");
        }
        if (request.baseArchive() != null) {
            ArchiveConcatenation.requireSegment(request.baseArchive(), "baseArchive");
        }
        FileTree tree = InitramfsTree.of(request);
        write(tree, request);
        return request.output();
    }

    /** Writes a prepared tree with the request's archives, compression and epoch. */
    public static void write(FileTree tree, InitramfsRequest request) throws BootImageException {
        Path output = request.output().toAbsolutePath();
        try {
            AtomicOutput.write(output, tmp -> {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    write(tree, request, channel);
                }
            });
        } catch (IOException e) {
            throw AtomicOutput.failure("the initramfs", output, e);
        }
    }

    private static void write(FileTree tree, InitramfsRequest request, FileChannel channel)
            throws BootImageException, IOException {
        OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        for (Path prefix : request.prefixArchives()) {
            ArchiveConcatenation.copyPadded(prefix, file);
        }
        if (request.baseArchive() != null) {
            ArchiveConcatenation.copyPadded(request.baseArchive(), file);
        }
        Compression c = request.compression();
        if (c == Compression.NONE) {
            file.flush();
            // straight into the file: large host files are copied in the kernel
            new NewcWriter(request.epoch()).write(tree, channel);
            return;
        }
        int level = c.level(request.compressionLevel());
        try (OutputStream encoder = c.encoder(new NonClosingOutputStream(file), level, request.threads())) {
            new NewcWriter(request.epoch()).write(tree, encoder);
        }
        file.flush();
    }
}
