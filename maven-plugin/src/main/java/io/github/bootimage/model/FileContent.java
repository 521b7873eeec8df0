package io.github.bootimage.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Content of a file on the build host. The size is taken once, when the tree is planned. */
public record FileContent(Path file, long size) implements Content {

    public static FileContent of(Path file) throws IOException {
        return new FileContent(file, Files.size(file));
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }
}
