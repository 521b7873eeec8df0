package io.github.bootimage.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWholeReadableByAll() throws Exception {
        Path target = dir.resolve("sub/out.img");
        AtomicOutput.writeString(target, "old");
        AtomicOutput.writeStream(target, out -> out.write("new".getBytes()));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        assertThat(list(target.getParent())).containsExactly(target);
    }

    @Test
    void aFailedBodyLeavesTheOldTargetAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out.img");
        AtomicOutput.writeString(target, "old");
        assertThatThrownBy(() -> AtomicOutput.write(target, tmp -> {
            Files.writeString(tmp, "half");
            throw new BootImageException("broken input");
        })).isInstanceOf(BootImageException.class).hasMessage("broken input");
        assertThatThrownBy(() -> AtomicOutput.writeStream(target, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(list(dir)).containsExactly(target);
    }

    @Test
    void copiesKeepTheExecutableBit() throws Exception {
        Path from = Files.writeString(dir.resolve("tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(from, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path to = dir.resolve("copy");
        AtomicOutput.copy(from, to);
        assertThat(Files.isExecutable(to)).isTrue();
        assertThat(Files.readString(to)).isEqualTo("#!/bin/sh\n");
    }

    @Test
    void theFailureSaysWhatWhereAndWhatToCheck() {
        Path target = dir.resolve("x.iso");
        assertThat(AtomicOutput.failure("the ISO image", target, new java.nio.file.AccessDeniedException("/x")))
                .hasMessage("Cannot write the ISO image " + target + ": AccessDeniedException: /x. Check free space"
                        + " and permissions of " + dir + ".");
    }

    private static List<Path> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.toList();
        }
    }
}
