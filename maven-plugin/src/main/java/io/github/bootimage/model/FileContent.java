package io.github.bootimage.model;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/** Content of a file on the build host. The size is taken once, when the tree is planned. */
public record FileContent(Path file, long size) implements Content {
    /** One set for every open: the varargs form builds a new one per file. */
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ);

    public static FileContent of(Path file) throws IOException {
        return new FileContent(file, Files.size(file));
    }

    /**
     * A plain {@link FileInputStream}: a third of the objects of a FileChannel, which counts when an archive
     * reads 100,000 small files. An unreadable file fails with what to do about it.
     */
    @Override
    public InputStream open() throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            // FileInputStream says "(Permission denied)" in prose; find out which it was only on this path
            if (Files.exists(file) && !Files.isReadable(file)) {
                throw notReadable(e);
            }
            throw e;
        }
    }

    /** A {@link FileChannel}; an unreadable file fails with what to do about it. */
    @Override
    public FileChannel openChannel() throws IOException {
        try {
            return FileChannel.open(file, READ);
        } catch (AccessDeniedException e) {
            throw notReadable(e);
        }
    }

    private AccessDeniedException notReadable(IOException cause) {
        AccessDeniedException clear = new AccessDeniedException(file.toString(), null,
                "not readable by the build user. Fix its permissions (chmod a+r) or remove it");
        clear.initCause(cause);
        return clear;
    }

    /** Copies in the kernel: {@link FileChannel#transferTo} is sendfile/copy_file_range on Linux. */
    @Override
    public void transferTo(WritableByteChannel target) throws IOException {
        ContentReader.transfer(this, target);
    }
}
