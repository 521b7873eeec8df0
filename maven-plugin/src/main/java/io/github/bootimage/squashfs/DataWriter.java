package io.github.bootimage.squashfs;

import io.github.bootimage.model.Content;
import io.github.bootimage.io.Sha256;
import io.github.bootimage.model.ContentReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams file contents into data blocks and packs every tail (the last {@code size % blockSize} bytes, and whole
 * small files) into shared fragment blocks, in the order files are added. A file identical to one added before
 * (same size and SHA-256) is not written again: both inodes point at the same blocks. Whole blocks of zeros
 * become holes (size 0), which the kernel reads back as zeros.
 */
final class DataWriter {
    private final BlockPipeline pipeline;
    private final int blockSize;
    private final Map<Key, FileData> written = new HashMap<>();
    private final ByteArrayOutputStream fragmentEntries = new ByteArrayOutputStream();
    private final byte[] zeros;
    private byte[] fragment;
    private int fragmentFill;
    private int fragments;

    DataWriter(BlockPipeline pipeline, int blockSize) {
        this.pipeline = pipeline;
        this.blockSize = blockSize;
        this.fragment = new byte[blockSize];
        this.zeros = new byte[blockSize];
    }

    private record Key(long size, String sha256) {
    }

    /**
     * Adds a file's bytes. {@code maybeDuplicate} says another file of this size exists: only then is a large
     * file read twice (once to hash it), small files are hashed in memory.
     */
    FileData add(Content content, boolean maybeDuplicate) throws IOException {
        long size = content.size();
        if (size < blockSize) {
            byte[] bytes = readSmall(content);
            Key key = new Key(size, Sha256.of(bytes));
            FileData known = written.get(key);
            if (known != null) {
                return known;
            }
            FileData data = new FileData(size, blockSize);
            addTail(data, bytes, bytes.length);
            written.put(key, data);
            return data;
        }
        Key key = null;
        if (maybeDuplicate) {
            try (InputStream in = content.open()) {
                key = new Key(size, Sha256.of(in));
            }
            FileData known = written.get(key);
            if (known != null) {
                return known;
            }
        }
        FileData data = stream(content);
        if (key != null) {
            written.put(key, data);
        }
        return data;
    }

    private FileData stream(Content content) throws IOException {
        FileData data = new FileData(content.size(), blockSize);
        try (ContentReader in = ContentReader.open(content)) {
            for (int i = 0; i < data.blocks.length; i++) {
                byte[] block = new byte[blockSize];
                readFully(in, block, blockSize);
                addBlock(data, i, block);
            }
            int tailLength = (int) (content.size() % blockSize);
            byte[] tail = new byte[tailLength];
            readFully(in, tail, tailLength);
            if (in.read(new byte[1], 0, 1) >= 0) {
                throw new IllegalStateException("ContentReader reads no more than the size");
            }
            addTail(data, tail, tailLength);
        }
        return data;
    }

    /** Fills {@code b[0, length)}; the reader fails if the content ends early. */
    private static void readFully(ContentReader in, byte[] b, int length) throws IOException {
        for (int done = 0; done < length; ) {
            done += in.read(b, done, length - done);
        }
    }

    private void addBlock(FileData data, int index, byte[] block) throws IOException {
        if (isZero(block)) {
            data.blocks[index] = 0;
            data.sparse += blockSize;
            return;
        }
        pipeline.submit(block, blockSize, (position, sizeField) -> {
            if (data.start < 0) {
                data.start = position;
            }
            data.blocks[index] = sizeField;
        });
    }

    private void addTail(FileData data, byte[] tail, int length) throws IOException {
        if (length == 0) {
            return;
        }
        if (fragmentFill + length > blockSize) {
            flushFragment();
        }
        System.arraycopy(tail, 0, fragment, fragmentFill, length);
        data.fragment = fragments;
        data.fragmentOffset = fragmentFill;
        fragmentFill += length;
    }

    private void flushFragment() throws IOException {
        if (fragmentFill == 0) {
            return;
        }
        fragments++;
        pipeline.submit(fragment, fragmentFill, (position, sizeField) -> {
            // struct squashfs_fragment_entry, in submission order = fragment index order
            byte[] entry = new LittleEndian(16).putLong(position).putInt("size", Integer.toUnsignedLong(sizeField))
                    .putInt("unused", 0).bytes();
            fragmentEntries.writeBytes(entry);
        });
        fragment = new byte[blockSize];
        fragmentFill = 0;
    }

    /** Writes the last fragment and waits for every block; returns the position after the data. */
    long finish() throws IOException {
        flushFragment();
        return pipeline.drain();
    }

    int fragmentCount() {
        return fragments;
    }

    /** The fragment table's entries, once {@link #finish()} returned. */
    byte[] fragmentEntries() {
        return fragmentEntries.toByteArray();
    }

    private static byte[] readSmall(Content content) throws IOException {
        byte[] bytes = new byte[(int) content.size()];
        try (ContentReader in = ContentReader.open(content)) {
            readFully(in, bytes, bytes.length);
            in.read(new byte[1], 0, 1);
        }
        return bytes;
    }

    private boolean isZero(byte[] block) {
        return Arrays.mismatch(block, zeros) < 0;
    }
}
