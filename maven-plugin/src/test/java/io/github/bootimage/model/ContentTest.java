package io.github.bootimage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTest {
    /** Declares {@code size} bytes but streams {@code actual}. */
    static Content lying(long size, byte[] actual) {
        return new Content() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(actual);
            }
        };
    }

    @Test
    void defaultTransferCopiesExactlyTheSizeAndNoticesChanges() throws Exception {
        byte[] data = new byte[200_000];
        data[199_999] = 7;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lying(data.length, data).transferTo(Channels.newChannel(out));
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThatThrownBy(() -> lying(data.length - 1, data).transferTo(Channels.newChannel(new ByteArrayOutputStream())))
                .isInstanceOf(ContentChangedException.class).hasMessageContaining("more than 199999 bytes");
        assertThatThrownBy(() -> lying(data.length + 1, data).transferTo(Channels.newChannel(new ByteArrayOutputStream())))
                .isInstanceOf(ContentChangedException.class).hasMessageContaining("200000 instead of 200001 bytes");
    }

    @Test
    void hostFilesTransferInTheKernelAndNoticeChanges(@TempDir Path dir) throws Exception {
        Path source = Files.write(dir.resolve("source"), new byte[100_000]);
        Path target = dir.resolve("target");
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new FileContent(source, 100_000).transferTo(out);
            assertThatThrownBy(() -> new FileContent(source, 99_999).transferTo(out))
                    .isInstanceOf(ContentChangedException.class).hasMessageContaining("more than 99999");
            assertThatThrownBy(() -> new FileContent(source, 100_001).transferTo(out))
                    .isInstanceOf(ContentChangedException.class).hasMessageContaining("100000 instead of 100001");
        }
        assertThat(Files.size(target)).isGreaterThanOrEqualTo(100_000);
        try (var channel = new FileContent(source, 100_000).openChannel()) {
            assertThat(channel).isInstanceOf(FileChannel.class);
        }
    }
}
