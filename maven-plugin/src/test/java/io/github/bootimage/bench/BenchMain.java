package io.github.bootimage.bench;

import io.github.bootimage.boot.BootMenu;
import io.github.bootimage.boot.BootableIso;
import io.github.bootimage.boot.IsoContent;
import io.github.bootimage.boot.MenuEntry;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.initramfs.InitramfsBuilder;
import io.github.bootimage.initramfs.InitramfsRequest;
import io.github.bootimage.iso9660.IsoImageRequest;
import io.github.bootimage.iso9660.IsoImageWriter;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.model.Overlay;
import io.github.bootimage.squashfs.SquashfsCompression;
import io.github.bootimage.squashfs.SquashfsRequest;
import io.github.bootimage.squashfs.SquashfsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Not a test: the entry point {@code its/benchmarks/run.sh} times against cpio, bsdtar, the compressors,
 * xorriso and grub-mkrescue. Each command runs our writer once, like the peer it is compared with, and prints
 * its phases (tree scan, layout/plan, writing) on stderr so that a slow phase shows up.
 *
 * <pre>
 * cpio DIR OUT COMPRESSION THREADS      newc archive of DIR through a compression (none, gzip, xz, zstd, ...)
 * iso DIR OUT                           ISO 9660 + Rock Ridge + Joliet of DIR (as xorriso -as mkisofs -R -J)
 * lazy-iso FILES SIZE OUT               ISO of FILES generated files of SIZE bytes each, never held in memory
 * boot-iso KERNEL INITRD ISOLINUX_BIN LDLINUX_C32 ISOHDPFX OUT [SHIM GRUB]
 *                                       hybrid ISO (BIOS, and UEFI with shim + GRUB), serial console, no menu wait
 * boot-iso-grub KERNEL INITRD GRUB_PC_DEB SHIM GRUB OVERLAY OUT
 *                                       the same with GRUB for BIOS (grub-pc-bin) and OVERLAY's boot/grub/grub.cfg
 * small-files DIR COUNT                 a deterministic tree of COUNT small files (100 per directory)
 * modules DIR RELEASE OUT COMPRESSION ENTRY...
 *                                       kernel modules of DIR (lib/modules/RELEASE) selected, closed and written
 *                                       as a newc archive; prints the selected files to OUT.list for the peer
 * squashfs DIR OUT COMPRESSION THREADS  squashfs 4.0 of DIR (as mksquashfs DIR OUT -comp C -processors N)
 * </pre>
 */
public final class BenchMain {
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args[0];
        List<String> a = Arrays.asList(args).subList(1, args.length);
        long start = System.nanoTime();
        switch (command) {
            case "cpio":
                cpio(Path.of(a.get(0)), Path.of(a.get(1)), Compression.of(a.get(2)), Integer.parseInt(a.get(3)));
                break;
            case "iso":
                iso(Path.of(a.get(0)), Path.of(a.get(1)));
                break;
            case "lazy-iso":
                lazyIso(Integer.parseInt(a.get(0)), Long.parseLong(a.get(1)), Path.of(a.get(2)));
                break;
            case "boot-iso":
                bootIso(a);
                break;
            case "modules":
                modules(Path.of(a.get(0)), a.get(1), Path.of(a.get(2)), Compression.of(a.get(3)), a.subList(4, a.size()));
                break;
            case "squashfs":
                squashfs(Path.of(a.get(0)), Path.of(a.get(1)), SquashfsCompression.of(a.get(2)),
                        Integer.parseInt(a.get(3)));
                break;
            case "boot-iso-grub":
                bootIsoGrub(a);
                break;
            case "small-files":
                SmallFiles.write(Path.of(a.get(0)), Integer.parseInt(a.get(1)));
                break;
            default:
                throw new IllegalArgumentException("unknown command " + command);
        }
        phase("total", start);
    }

    private static FileTree scan(Path dir) throws Exception {
        long t = System.nanoTime();
        FileTree tree = new FileTree();
        Overlay.copy(dir, EntryPath.ROOT, tree);
        phase("scan " + tree.size() + " entries", t);
        return tree;
    }

    private static void cpio(Path dir, Path out, Compression c, int threads) throws Exception {
        FileTree tree = scan(dir);
        long t = System.nanoTime();
        InitramfsRequest request = InitramfsRequest.of(Path.of("unused"), EPOCH, out).withCompression(c)
                .withThreads(threads);
        InitramfsBuilder.write(tree, request);
        phase("write " + c.id(), t);
    }

    private static void modules(Path dir, String release, Path out, Compression c, List<String> entries)
            throws Exception {
        long t = System.nanoTime();
        io.github.bootimage.kmod.ModuleTree tree = io.github.bootimage.kmod.ModuleTree.open(dir, release);
        phase("index " + tree.modules().size() + " module files", t);
        t = System.nanoTime();
        io.github.bootimage.kmod.ModuleSelection selection = io.github.bootimage.kmod.ModuleSelector.select(tree, entries);
        phase("select " + selection.modules().size() + " modules, " + selection.totalSize() + " bytes", t);
        t = System.nanoTime();
        FileTree image = new FileTree();
        new io.github.bootimage.kmod.KernelModules(selection, io.github.bootimage.kmod.Firmware.none()).addTo(image);
        phase("depmod + tree", t);
        t = System.nanoTime();
        InitramfsBuilder.write(image, InitramfsRequest.of(Path.of("unused"), EPOCH, out).withCompression(c).withThreads(2));
        phase("write " + c.id(), t);
        java.nio.file.Files.write(Path.of(out + ".list"), selection.modules().values().stream()
                .map(m -> m.file().path()).toList());
    }

    private static void squashfs(Path dir, Path out, SquashfsCompression c, int threads) throws Exception {
        FileTree tree = scan(dir);
        long t = System.nanoTime();
        SquashfsWriter.write(new SquashfsRequest(tree, EPOCH, c, SquashfsRequest.DEFAULT_BLOCK_SIZE), out, threads);
        phase("write squashfs " + c.userName() + " " + Files.size(out) / (1 << 20) + " MiB", t);
    }

    private static void iso(Path dir, Path out) throws Exception {
        FileTree tree = scan(dir);
        writeIso(IsoImageRequest.of(tree, "BENCH", EPOCH), out);
    }

    private static void lazyIso(int files, long size, Path out) throws Exception {
        FileTree tree = new FileTree();
        for (int i = 0; i < files; i++) {
            tree.add(new io.github.bootimage.model.Entry.RegularFile(EntryPath.of("data/part" + i), 0644, 0, 0,
                    new PatternContent(size, i)));
        }
        writeIso(IsoImageRequest.of(tree, "BENCH", EPOCH), out);
        Runtime rt = Runtime.getRuntime();
        System.err.printf("heap: max %d MiB, in use after write %d MiB%n", rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void writeIso(IsoImageRequest request, Path out) throws Exception {
        long t = System.nanoTime();
        if (Boolean.getBoolean("bench.plan")) {
            // profiling only: the timed run must not plan twice
            IsoImageWriter.plan(request);
            phase("plan (alone; write plans again)", t);
            t = System.nanoTime();
        }
        IsoImageWriter.write(request, out);
        phase("plan + write " + Files.size(out) / (1 << 20) + " MiB", t);
    }

    private static void bootIso(List<String> a) throws Exception {
        Path out = Path.of(a.get(5)).toAbsolutePath();
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "quiet panic=-1", true)), 0, 0, false,
                "/boot/vmlinuz", "/boot/initrd.img");
        IsoContent content = new IsoContent(Path.of(a.get(0)), Path.of(a.get(1)),
                Optional.of(new IsoContent.Isolinux(Path.of(a.get(2)), Path.of(a.get(3)), Optional.of(Path.of(a.get(4))))),
                a.size() > 7 ? Optional.of(new IsoContent.Uefi(Path.of(a.get(6)), Path.of(a.get(7)))) : Optional.empty(),
                menu, Optional.empty(), "BOOTIMAGE bench");
        BootableIso.write(new BootableIso.Request(content, "BENCH", "", "", EPOCH, out, out.getParent()));
    }

    private static void bootIsoGrub(List<String> a) throws Exception {
        Path out = Path.of(a.get(6)).toAbsolutePath();
        BootMenu menu = new BootMenu(List.of(new MenuEntry("linux", "Linux", "quiet panic=-1", true)), 0, 0, false,
                "/boot/vmlinuz", "/boot/initrd.img");
        IsoContent content = new IsoContent(Path.of(a.get(0)), Path.of(a.get(1)),
                Optional.of(new IsoContent.GrubPc(Path.of(a.get(2)), true)),
                Optional.of(new IsoContent.Uefi(Path.of(a.get(3)), Path.of(a.get(4)))),
                menu, Optional.of(Path.of(a.get(5))), "BOOTIMAGE bench");
        BootableIso.write(new BootableIso.Request(content, "BENCH", "", "", EPOCH, out, out.getParent()));
    }

    static void phase(String what, long startNanos) {
        System.err.printf("  %-40s %8.3f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }
}
