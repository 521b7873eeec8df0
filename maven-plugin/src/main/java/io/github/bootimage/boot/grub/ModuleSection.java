package io.github.bootimage.boot.grub;

import io.github.bootimage.BootImageException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The module section that follows kernel.img in the core (include/grub/kernel.h): {@code struct
 * grub_module_info32} (magic "mimg", offset 12, size of the whole section), then per object a {@code struct
 * grub_module_header} (type, size including the 8-byte header) and the object padded to 4 bytes. Order as
 * grub-mkimage writes it: ELF modules, then the config (NUL-terminated), then the prefix (NUL-terminated).
 */
public record ModuleSection(List<Module> objects) {
    public static final int MAGIC = 0x676d696d;
    static final int INFO_SIZE = 12;
    static final int HEADER_SIZE = 8;

    /** {@code OBJ_TYPE_*} of kernel.h. */
    public enum Type {
        ELF, MEMDISK, CONFIG, PREFIX
    }

    /** One object; {@code data} as stored, before padding (config and prefix with their NUL). */
    public record Module(Type type, byte[] data) {
        public Module {
            data = data.clone();
        }

        public static Module config(String text) {
            return new Module(Type.CONFIG, nulTerminated(text));
        }

        public static Module prefix(String prefix) {
            return new Module(Type.PREFIX, nulTerminated(prefix));
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Module m && m.type == type && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }

        /**
         * The header's size field: grub-mkimage counts the padded object for modules, config and prefix (a
         * pubkey, which we do not write, would count the unpadded one).
         */
        int headerSize() {
            return HEADER_SIZE + align4(data.length);
        }
    }

    public ModuleSection {
        objects = List.copyOf(objects);
    }

    /** The size field of grub_module_info32: the whole section including the info header. */
    public int totalSize() {
        int total = INFO_SIZE;
        for (Module m : objects) {
            total += m.headerSize();
        }
        return total;
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(totalSize()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(INFO_SIZE).putInt(totalSize());
        for (Module m : objects) {
            b.putInt(m.type().ordinal()).putInt(m.headerSize()).put(m.data);
            b.position(b.position() + align4(m.data.length) - m.data.length);
        }
        return b.array();
    }

    /** Reads a section back (tests, and what a reader of our core sees); padding stays part of the data. */
    public static ModuleSection decode(byte[] section) throws BootImageException {
        ByteBuffer b = ByteBuffer.wrap(section).order(ByteOrder.LITTLE_ENDIAN);
        if (section.length < INFO_SIZE || b.getInt(0) != MAGIC) {
            throw new BootImageException("no GRUB module section (magic 'mimg') at the end of the core");
        }
        int end = b.getInt(8);
        if (end > section.length) {
            throw new BootImageException("GRUB module section claims " + end + " bytes, only " + section.length + " left");
        }
        List<Module> objects = new ArrayList<>();
        for (int at = b.getInt(4); at < end;) {
            int type = b.getInt(at);
            int size = b.getInt(at + 4);
            if (size < HEADER_SIZE || at + size > end || type < 0 || type >= Type.values().length) {
                throw new BootImageException("GRUB module header at " + at + " is invalid (type " + type + ", size " + size + ")");
            }
            objects.add(new Module(Type.values()[type], Arrays.copyOfRange(section, at + HEADER_SIZE, at + size)));
            at += align4(size);
        }
        return new ModuleSection(objects);
    }

    static int align4(int n) {
        return (n + 3) & ~3;
    }

    private static byte[] nulTerminated(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return out.toByteArray();
    }
}
