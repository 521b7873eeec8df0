package io.github.bootimage.kmod;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;

/**
 * Reads {@link ModuleData} from a module file: an uncompressed module through positional reads of its ELF
 * headers and two sections, a compressed one after decompressing it in memory (a module is at most a few MB).
 */
final class ModuleReader {
    private ModuleReader() {
    }

    static ModuleData read(ModuleFile m) throws IOException {
        if (m.compression() == ModuleCompression.NONE) {
            try (FileChannel ch = FileChannel.open(m.file())) {
                return parse(m, (offset, length) -> readAt(ch, offset, length), ch.size());
            }
        }
        byte[] all;
        try (InputStream in = m.compression().decompress(new BufferedInputStream(Files.newInputStream(m.file()), 1 << 16))) {
            all = in.readAllBytes();
        }
        return parse(m, (offset, length) -> {
            int from = (int) Math.min(offset, all.length);
            return ByteBuffer.wrap(all, from, Math.min(length, all.length - from)).slice();
        }, all.length);
    }

    private static ModuleData parse(ModuleFile m, ElfSections.Source source, long size) throws IOException {
        ElfSections elf = ElfSections.read(source, m.file().toString());
        ByteBuffer modinfo = elf.section(".modinfo", m.file().toString());
        if (modinfo == null) {
            throw new IOException(m.file() + " has no .modinfo section: not a Linux kernel module");
        }
        // kmod's depmod takes the exported symbols from the __ksymtab_<name> symbols, not from __ksymtab_strings,
        // which also holds the names of symbol namespaces (USB_STORAGE)
        return new ModuleData(ModInfo.parse(modinfo), elf.symbolsWithPrefix("__ksymtab_", m.file().toString()), size);
    }

    private static ByteBuffer readAt(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }
}
