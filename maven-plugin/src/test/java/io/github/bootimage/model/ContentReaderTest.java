package io.github.bootimage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentReaderTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 65_536, 65_537, 200_000})
    void copiesExactlyThePlannedBytes(int size) throws Exception {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 0); // a trailing zero byte must not look like the end of the source
        if (size > 0) {
            data[0] = 9;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentReader.copy(ContentTest.lying(size, data), out);
        assertThat(out.toByteArray()).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4095, 65_536, 200_000})
    void moreOrFewerBytesFailWithPlannedAndFound(int size) {
        byte[] data = new byte[size];
        assertThatThrownBy(() -> ContentReader.copy(ContentTest.lying(size + 1L, data), new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(ContentChangedException.class, e -> {
                    assertThat(e.planned()).isEqualTo(size + 1L);
                    assertThat(e.found()).isEqualTo(size);
                });
        if (size > 0) {
            assertThatThrownBy(() -> ContentReader.copy(ContentTest.lying(size - 1L, data), new ByteArrayOutputStream()))
                    .isInstanceOfSatisfying(ContentChangedException.class, e -> assertThat(e.found()).isEqualTo(size));
        }
    }

    /** An exact fit (no room for the extra byte) still notices one byte more, with one more read. */
    @Test
    void anExactBufferStillSeesTheExtraByte() throws Exception {
        byte[] data = {1, 2, 3, 0};
        try (ContentReader in = ContentReader.open(ContentTest.lying(3, data))) {
            byte[] buf = new byte[3];
            assertThat(in.read(buf, 0, 3)).isEqualTo(3);
            assertThatThrownBy(() -> in.read(buf, 0, 3)).isInstanceOf(ContentChangedException.class);
        }
    }

    @Test
    void readsHostFilesIntoBuffers(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f"), new byte[] {5, 6, 7});
        ByteBuffer buf = ByteBuffer.allocateDirect(16);
        try (ContentReader in = ContentReader.openChannel(new FileContent(file, 3))) {
            while (in.read(buf) >= 0) {
                assertThat(buf.limit()).isEqualTo(16);
            }
        }
        assertThat(buf.position()).isEqualTo(3);
        ByteBuffer small = ByteBuffer.allocate(16);
        assertThatThrownBy(() -> {
            try (ContentReader in = ContentReader.openChannel(new FileContent(file, 2))) {
                while (in.read(small) >= 0) {
                    // to the end
                }
            }
        }).isInstanceOf(ContentChangedException.class).hasMessageContaining("more than 2");
    }

    @Test
    void oneMessageNamesTheEntryTheImageAndWhatToDo() {
        BootImageException grown = new ContentChangedException(ContentTest.lying(1, new byte[0]), 10, 11)
                .at("/boot/vmlinuz", "the ISO image");
        assertThat(grown).hasMessage("/boot/vmlinuz changed while the ISO image was written: planned 10 bytes, "
                + "found more. Do not modify inputs during the build.");
        BootImageException shrunk = new ContentChangedException(ContentTest.lying(1, new byte[0]), 10, 4)
                .at("/init", "the cpio archive");
        assertThat(shrunk).hasMessageContaining("planned 10 bytes, read 4.").hasCauseInstanceOf(ContentChangedException.class);
    }
}
