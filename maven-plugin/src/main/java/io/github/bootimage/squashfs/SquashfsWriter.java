package io.github.bootimage.squashfs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.model.ContentChangedException;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a squashfs 4.0 image: the superblock's place and the compression options, the file data (blocks and
 * fragments, compressed on several threads, in tree order), then the inode, directory, fragment, export and id
 * tables, then the superblock, which now knows where they are. The image is padded to 4 KiB, as mksquashfs does
 * for loop devices. File data is streamed (memory grows with the number of entries, not with their size).
 */
public final class SquashfsWriter {
    private static final int PADDING = 4096;
    private static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

    private SquashfsWriter() {
    }

    /** What was written, for the log. */
    public record Summary(long bytes, int inodes, int fragments, int ids) {
    }

    /** Writes to {@code target} through a temporary file in the same directory, moved into place at the end. */
    public static Summary write(SquashfsRequest request, Path target) throws BootImageException {
        return write(request, target, DEFAULT_THREADS);
    }

    /** As {@link #write(SquashfsRequest, Path)}, compressing on {@code threads} threads (the same bytes). */
    public static Summary write(SquashfsRequest request, Path target, int threads) throws BootImageException {
        request.validate();
        TreeIndex index = new TreeIndex(request.tree());
        Summary[] summary = new Summary[1];
        try {
            AtomicOutput.<BootImageException>write(target, tmp -> {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    summary[0] = write(request, index, channel, Math.max(1, threads));
                }
            });
            return summary[0];
        } catch (IOException e) {
            throw AtomicOutput.failure("the squashfs image", target, e);
        }
    }

    private static Summary write(SquashfsRequest request, TreeIndex index, FileChannel channel, int threads)
            throws IOException, BootImageException {
        SquashfsCompression compression = request.compression();
        int blockSize = request.blockSize();
        byte[] options = compression.options();
        long position = Superblock.SIZE;
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel.position(position)), 1 << 20);
        if (options != null) {
            // a metadata block stored as is (bit 15), as mksquashfs writes it
            out.write(new LittleEndian(2).putShort("length", options.length | 0x8000).bytes());
            out.write(options);
            position += 2 + options.length;
        }
        Map<EntryPath, FileData> data = new HashMap<>();
        DataWriter dataWriter;
        try (BlockPipeline pipeline = new BlockPipeline(out, position, () -> compression.newCodec(blockSize),
                threads)) {
            dataWriter = new DataWriter(pipeline, blockSize);
            for (Entry e : index.tree.entries()) {
                if (e instanceof Entry.RegularFile f) {
                    boolean twin = index.sizes.getOrDefault(f.content().size(), 0) > 1;
                    data.put(e.path(), addFile(dataWriter, f, twin));
                }
            }
            position = dataWriter.finish();
        }
        try (BlockCodec codec = compression.newCodec(blockSize)) {
            InodeTables tables = new InodeTables(index, data, request.epoch().getEpochSecond(), codec);
            long root = tables.write();
            Layout layout = new Layout(position);
            long inodeStart = layout.add(out, tables.inodeTable());
            long directoryStart = layout.add(out, tables.directoryTable());
            long fragmentStart = layout.addTable(out, codec, dataWriter.fragmentEntries());
            long lookupStart = layout.addTable(out, codec, longs(tables.lookup()));
            long idStart = layout.addTable(out, codec, ints(index.ids));
            long bytesUsed = layout.position;
            out.write(new byte[(int) ((PADDING - bytesUsed % PADDING) % PADDING)]);
            out.flush();
            int flags = Superblock.ALWAYS_FRAGMENTS | Superblock.DUPLICATES | Superblock.EXPORTABLE
                    | Superblock.NO_XATTRS | (options != null ? Superblock.COMPRESSOR_OPTIONS : 0);
            Superblock sb = new Superblock(tables.inodeCount(), request.epoch().getEpochSecond(), blockSize,
                    dataWriter.fragmentCount(), compression.id(), flags, index.ids.length, root, bytesUsed, idStart,
                    Superblock.NO_TABLE, inodeStart, directoryStart, fragmentStart, lookupStart);
            channel.write(ByteBuffer.wrap(sb.encode()), 0);
            return new Summary(bytesUsed + (PADDING - bytesUsed % PADDING) % PADDING, tables.inodeCount(),
                    dataWriter.fragmentCount(), index.ids.length);
        }
    }

    private static FileData addFile(DataWriter writer, Entry.RegularFile f, boolean twin)
            throws IOException, BootImageException {
        try {
            return writer.add(f.content(), twin);
        } catch (ContentChangedException e) {
            throw e.at("/" + f.path(), "the squashfs image");
        }
    }

    /** Tables after the data, each at the position the previous one ends. */
    private static final class Layout {
        long position;

        Layout(long position) {
            this.position = position;
        }

        long add(OutputStream out, byte[] bytes) throws IOException {
            long start = position;
            out.write(bytes);
            position += bytes.length;
            return start;
        }

        long addTable(OutputStream out, BlockCodec codec, byte[] entries) throws IOException {
            MetadataWriter.Table table = MetadataWriter.table(codec, entries, position);
            add(out, table.bytes());
            return table.indexStart();
        }
    }

    private static byte[] longs(long[] values) {
        LittleEndian le = new LittleEndian(8 * values.length);
        for (long v : values) {
            le.putLong(v);
        }
        return le.bytes();
    }

    private static byte[] ints(int[] values) {
        LittleEndian le = new LittleEndian(4 * values.length);
        for (int v : values) {
            le.putInt("id", Integer.toUnsignedLong(v));
        }
        return le.bytes();
    }
}
