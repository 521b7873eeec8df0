package io.github.bootimage.iso9660;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import io.github.bootimage.iso9660.eltorito.BootCatalog;
import io.github.bootimage.iso9660.eltorito.ElToritoConfig;
import io.github.bootimage.iso9660.encoding.IsoBytes;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes an ISO 9660 image with Rock Ridge, Joliet and El Torito in two phases: {@link #plan} fixes every
 * LBA ({@link Layout}), then the sectors are written: to a stream in one forward pass, streaming file data
 * from {@code Content.open()}; to a file, the metadata in order on the calling thread while {@link DataArea}
 * copies the file data to its planned places on other threads. No padding follows the volume (xorriso adds 300 KiB by default for old CD
 * writers in TAO mode; images that are copied or booted do not need it).
 */
public final class IsoImageWriter {
    /** File data copy threads: the bytes are the same for any number. */
    private static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private IsoImageWriter() {
    }

    /** Phase 1 alone: the layout, as the hybrid system area sees it. */
    public static IsoLayout plan(IsoImageRequest request) throws BootImageException {
        return LayoutPlanner.plan(request);
    }

    /** Writes to {@code target} through a temporary file in the same directory, moved into place at the end. */
    public static IsoLayout write(IsoImageRequest request, Path target) throws BootImageException {
        return write(request, target, DEFAULT_THREADS);
    }

    /** As {@link #write(IsoImageRequest, Path)}, copying file data on {@code threads} threads (same bytes). */
    static IsoLayout write(IsoImageRequest request, Path target, int threads) throws BootImageException {
        Layout layout = LayoutPlanner.plan(request);
        try {
            AtomicOutput.write(target, tmp -> writeFile(layout, tmp, threads));
            return layout;
        } catch (IOException e) {
            throw AtomicOutput.failure("the ISO image", target, e);
        }
    }

    /** Metadata on this thread while {@link DataArea} copies the files into the (empty) file at their places. */
    private static void writeFile(Layout layout, Path file, int threads) throws IOException, BootImageException {
        DataArea.Copy copy = DataArea.start(layout, file, threads);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
            SectorOutput sectors = new SectorOutput(out);
            writeMetadata(layout, sectors);
            out.flush();
            copy.await();
            long end = layout.volumeSectors() * IsoBytes.SECTOR;
            byte[] trailer = trailer(layout);
            if (trailer.length > 0) {
                writeAt(channel, trailer, end);
            } else if (channel.size() < end) {
                // the last file's padding was left as a hole: give the file its full length
                writeAt(channel, new byte[1], end - 1);
            }
        } finally {
            copy.cancel();
        }
    }

    private static void writeAt(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b, position + b.position());
        }
    }

    public static IsoLayout write(IsoImageRequest request, WritableByteChannel channel) throws BootImageException {
        OutputStream out = Channels.newOutputStream(channel);
        return write(request, new BufferedOutputStream(out, 1 << 20));
    }

    /** Writes the image to {@code out} and flushes it; the caller closes the stream. */
    public static IsoLayout write(IsoImageRequest request, OutputStream out) throws BootImageException {
        Layout layout = LayoutPlanner.plan(request);
        try {
            write(layout, out);
            out.flush();
        } catch (IOException e) {
            throw new BootImageException("Cannot write the ISO image: " + e.getMessage(), e);
        }
        return layout;
    }

    private static void write(Layout layout, OutputStream stream) throws IOException, BootImageException {
        write(layout, new SectorOutput(stream));
    }

    private static void write(Layout layout, SectorOutput out) throws IOException, BootImageException {
        writeMetadata(layout, out);
        for (Node n : layout.files) {
            out.expect(n.dataLba, "file " + n.entry.path());
            FileDataWriter.write(n, layout.bootInfo.get(n), out);
        }
        out.expect(layout.volumeSectors(), "end of volume");
        out.write(trailer(layout));
    }

    /** Everything before the file data: system area, descriptors, path tables, catalog, directories. */
    private static void writeMetadata(Layout layout, SectorOutput out) throws IOException, BootImageException {
        IsoImageRequest request = layout.request;
        byte[] systemArea = request.systemArea().systemArea(layout);
        if (systemArea.length != 16 * IsoBytes.SECTOR) {
            throw new IllegalStateException("system area must be 32768 bytes, got " + systemArea.length);
        }
        out.write(systemArea);
        VolumeDescriptors.write(layout, out);
        for (int t = 0; t < layout.directories.size(); t++) {
            out.expect(layout.pathTableL[t], "path table L");
            PathTableWriter.write(layout.directories.get(t), t, ByteOrder.LITTLE_ENDIAN, out);
            out.expect(layout.pathTableM[t], "path table M");
            PathTableWriter.write(layout.directories.get(t), t, ByteOrder.BIG_ENDIAN, out);
        }
        if (request.elTorito().isPresent()) {
            out.expect(layout.catalogLba, "boot catalog");
            ElToritoConfig config = request.elTorito().get();
            out.write(BootCatalog.encode(config, e -> layout.extentOf(e.image()), e -> layout.sizeOf(e.image())));
        }
        DirectoryWriter directories = new DirectoryWriter(request.epoch(), out);
        for (int t = 0; t < layout.directories.size(); t++) {
            for (Node dir : layout.directories.get(t)) {
                out.expect(dir.dirLba[t], "directory " + dir.entry.path());
                directories.write(dir, t);
                if (t == Node.PRIMARY) {
                    writeContinuations(dir, out);
                }
            }
        }
        out.expect(layout.files.isEmpty() ? layout.volumeSectors() : layout.files.get(0).dataLba, "file data");
    }

    private static byte[] trailer(Layout layout) throws BootImageException {
        SystemArea area = layout.request.systemArea();
        byte[] trailer = area.trailer(layout);
        if (trailer.length != area.trailerSize()) {
            throw new IllegalStateException("trailer must be " + area.trailerSize() + " bytes");
        }
        return trailer;
    }

    private static void writeContinuations(Node dir, SectorOutput out) throws IOException {
        for (SystemUse.Piece piece : dir.pieces) {
            out.zeros(piece.lba * IsoBytes.SECTOR + piece.offset - out.position());
            out.write(piece.encode());
        }
        out.padSector();
    }
}
