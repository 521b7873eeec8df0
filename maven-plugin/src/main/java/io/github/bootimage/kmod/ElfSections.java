package io.github.bootimage.kmod;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The named sections of an ELF relocatable file (a kernel module), read through positional reads so that only
 * the headers and the wanted sections are touched (System V gABI, "ELF Header" and "Sections").
 */
final class ElfSections {
    /** e_ident[EI_CLASS], e_ident[EI_DATA]. */
    private static final int EI_CLASS = 4;
    private static final int EI_DATA = 5;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2MSB = 2;
    private static final int SHT_NOBITS = 8;
    /** Sanity bound: a module has a few dozen sections, a corrupt header may claim millions. */
    private static final int MAX_SECTIONS = 1 << 16;

    /** Where bytes come from: a file channel or a decompressed buffer. */
    interface Source {
        ByteBuffer read(long offset, int length) throws IOException;
    }

    private record Section(long offset, long size) {
    }

    private final Source source;
    private final ByteOrder order;
    private boolean is64;
    private final Map<String, Section> sections = new HashMap<>();

    private ElfSections(Source source, ByteOrder order) {
        this.source = source;
        this.order = order;
    }

    /** Reads the section headers; throws IOException naming {@code what} if it is not an ELF file. */
    static ElfSections read(Source source, String what) throws IOException {
        ByteBuffer ident = source.read(0, 64);
        if (ident.remaining() < 52 || ident.getInt(0) != 0x7f454c46) {
            throw new IOException(what + " is not an ELF file (no \\x7fELF magic)");
        }
        boolean is64 = ident.get(EI_CLASS) == ELFCLASS64;
        ByteOrder order = ident.get(EI_DATA) == ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteBuffer h = ident.order(order);
        long shoff = is64 ? h.getLong(0x28) : Integer.toUnsignedLong(h.getInt(0x20));
        int shentsize = Short.toUnsignedInt(h.getShort(is64 ? 0x3A : 0x2E));
        int shnum = Short.toUnsignedInt(h.getShort(is64 ? 0x3C : 0x30));
        int shstrndx = Short.toUnsignedInt(h.getShort(is64 ? 0x3E : 0x32));
        if (shnum == 0 || shnum > MAX_SECTIONS || shstrndx >= shnum || shentsize < (is64 ? 64 : 40)) {
            throw new IOException(what + ": invalid ELF section header table (e_shnum " + shnum + ", e_shstrndx "
                    + shstrndx + ")");
        }
        ByteBuffer table = source.read(shoff, shnum * shentsize).order(order);
        if (table.remaining() < shnum * shentsize) {
            throw new IOException(what + ": ELF section header table is truncated");
        }
        ElfSections elf = new ElfSections(source, order);
        elf.is64 = is64;
        long[][] headers = new long[shnum][];
        for (int i = 0; i < shnum; i++) {
            int at = i * shentsize;
            long name = Integer.toUnsignedLong(table.getInt(at));
            int type = table.getInt(at + 4);
            long offset = is64 ? table.getLong(at + 0x18) : Integer.toUnsignedLong(table.getInt(at + 0x10));
            long size = is64 ? table.getLong(at + 0x20) : Integer.toUnsignedLong(table.getInt(at + 0x14));
            headers[i] = new long[] {name, type == SHT_NOBITS ? 0 : offset, type == SHT_NOBITS ? 0 : size};
        }
        ByteBuffer names = elf.bytes(what, new Section(headers[shstrndx][1], headers[shstrndx][2]));
        for (long[] s : headers) {
            elf.sections.putIfAbsent(cString(names, (int) s[0]), new Section(s[1], s[2]));
        }
        return elf;
    }

    /** The contents of the named section, or null when the file has none. */
    ByteBuffer section(String name, String what) throws IOException {
        Section s = sections.get(name);
        return s == null ? null : bytes(what, s);
    }

    /**
     * The names of the symbols in {@code .symtab} that start with {@code prefix} (without it), in table order
     * (gABI "Symbol Table": Elf64_Sym is 24 bytes with st_name first, Elf32_Sym 16).
     */
    java.util.List<String> symbolsWithPrefix(String prefix, String what) throws IOException {
        ByteBuffer symtab = section(".symtab", what);
        ByteBuffer strtab = section(".strtab", what);
        java.util.List<String> names = new java.util.ArrayList<>();
        if (symtab == null || strtab == null) {
            return names;
        }
        symtab.order(order);
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        int entry = is64 ? 24 : 16;
        for (int at = symtab.position(); at + entry <= symtab.limit(); at += entry) {
            int name = symtab.getInt(at);
            if (name > 0 && startsWith(strtab, name, p)) {
                names.add(cString(strtab, name + p.length));
            }
        }
        return names;
    }

    private static boolean startsWith(ByteBuffer b, int at, byte[] prefix) {
        if (at + prefix.length > b.limit()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private ByteBuffer bytes(String what, Section s) throws IOException {
        if (s.size() > Integer.MAX_VALUE - 8 || s.offset() < 0) {
            throw new IOException(what + ": ELF section too large or misplaced");
        }
        ByteBuffer b = source.read(s.offset(), (int) s.size());
        if (b.remaining() < s.size()) {
            throw new IOException(what + ": ELF section at " + s.offset() + " runs past the end of the file");
        }
        return b;
    }

    private static String cString(ByteBuffer b, int at) {
        if (at < 0 || at >= b.limit()) {
            return "";
        }
        int end = at;
        while (end < b.limit() && b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - at];
        b.get(at, s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
