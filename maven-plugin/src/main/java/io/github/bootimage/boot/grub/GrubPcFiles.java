package io.github.bootimage.boot.grub;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.ArchiveDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of GRUB's i386-pc platform directory ({@code usr/lib/grub/i386-pc/} of Debian's grub-pc-bin): the
 * boot images, kernel.img, the modules and the lists normal.mod reads to autoload commands and file systems.
 */
public final class GrubPcFiles {
    public static final String DIRECTORY = "usr/lib/grub/i386-pc/";
    /** grub-pc-bin's directory is about 3.5 MB; anything much larger is another package. */
    private static final long MAX_BYTES = 64L << 20;
    /** GRUB's PACKAGE_VERSION as normal.mod prints it ("GNU GRUB  version %s"), e.g. 2.06-13+deb12u2. */
    private static final Pattern VERSION = Pattern.compile("(?<=\0)(\\d+\\.\\d+[0-9A-Za-z.+~-]*)(?=\0)");

    private final SortedMap<String, byte[]> files;

    public GrubPcFiles(SortedMap<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Reads {@link #DIRECTORY} of a .deb (or tar/cpio) such as grub-pc-bin_2.06-13+deb12u2_amd64.deb. */
    public static GrubPcFiles fromArchive(Path archive) throws BootImageException {
        return new GrubPcFiles(ArchiveDirectory.read("grubPc", archive, DIRECTORY, MAX_BYTES));
    }

    public byte[] get(String name) throws BootImageException {
        byte[] b = files.get(name);
        if (b == null) {
            throw new BootImageException("grubPc: no " + DIRECTORY + name + " in the given package. Give Debian's "
                    + "grub-pc-bin (<grubPc><deb>grub-pc-bin</deb></grubPc>), which holds GRUB's i386-pc files.");
        }
        return b.clone();
    }

    String text(String name) throws BootImageException {
        return new String(get(name), StandardCharsets.UTF_8);
    }

    /**
     * What GRUB loads at run time from {@code $prefix/i386-pc/}: the modules, the lists normal.mod autoloads from
     * (command.lst, fs.lst, ...), and efiemu's objects; not the boot images or the host tools.
     */
    public SortedMap<String, byte[]> runtimeFiles() {
        SortedMap<String, byte[]> runtime = new TreeMap<>();
        files.forEach((name, bytes) -> {
            if (name.endsWith(".mod") || name.endsWith(".lst") || name.endsWith(".o")) {
                runtime.put(name, bytes);
            }
        });
        return runtime;
    }

    /** GRUB's version as built into normal.mod, if it says one. */
    public Optional<String> version() {
        byte[] normal = files.get("normal.mod");
        return normal == null ? Optional.empty() : versionIn(normal);
    }

    /** The first version-like string, preferring a distribution's (2.06-13+deb12u2) over dotted numbers (OIDs). */
    static Optional<String> versionIn(byte[] binary) {
        Matcher m = VERSION.matcher(new String(binary, StandardCharsets.ISO_8859_1));
        String first = null;
        while (m.find()) {
            if (m.group(1).matches(".*[-+~].*")) {
                return Optional.of(m.group(1));
            }
            first = first == null ? m.group(1) : first;
        }
        return Optional.ofNullable(first);
    }

    /** Whether {@code binary} (such as the UEFI GRUB) carries {@code version} as a string of its own. */
    static boolean carries(byte[] binary, String version) {
        return new String(binary, StandardCharsets.ISO_8859_1).contains("\0" + version + "\0");
    }
}
