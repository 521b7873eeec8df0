package io.github.bootimage.initramfs;

import io.github.bootimage.build.Fingerprint;
import io.github.bootimage.busybox.Architecture;
import io.github.bootimage.compress.Compression;
import io.github.bootimage.debian.Userland;
import io.github.bootimage.kmod.KernelModules;
import io.github.bootimage.model.Entry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything an initramfs build needs, resolved: no defaults are looked up later, nothing is read from the
 * environment.
 *
 * @param busybox the static BusyBox binary
 * @param architecture the target architecture the BusyBox must match
 * @param applets applet paths or names; empty: {@code appletLinks}, else {@code busybox --list-full}
 * @param appletLinks a {@code busybox.links} file, or null
 * @param appletLayout where the applet symlinks go
 * @param initSystem the default PID 1
 * @param initFile a file to use as {@code /init} instead of the default, or null
 * @param overlay a directory copied over the tree (like {@code src/main/initramfs}), or null
 * @param extraEntries configured entries, added last (they replace what is there)
 * @param compression the compression of our archive
 * @param compressionLevel the level, or null for the compression's default
 * @param threads compression threads (the bytes do not depend on it)
 * @param epoch the mtime of every entry
 * @param prefixArchives archives placed first, verbatim (e.g. an uncompressed early-microcode cpio)
 * @param baseArchive an archive to extend, placed after the prefixes (its entries are overridden by ours), or null
 * @param output the file to write
 * @param packages Debian packages for the userland (merged-/usr; they replace BusyBox applets of the same name)
 * @param modules kernel modules and firmware to add at {@code lib/modules/<release>/} (with coldplug and hotplug
 *                in the generated init), or null for none; the caller fingerprints where they come from
 */
public record InitramfsRequest(Path busybox, Architecture architecture, List<String> applets, Path appletLinks,
        AppletLayout appletLayout, InitSystem initSystem, Path initFile, Path overlay, List<Entry> extraEntries,
        Compression compression, Integer compressionLevel, int threads, Instant epoch, List<Path> prefixArchives,
        Path baseArchive, Path output, Userland packages, KernelModules modules) {

    public InitramfsRequest {
        Objects.requireNonNull(busybox, "busybox");
        Objects.requireNonNull(architecture, "architecture");
        applets = List.copyOf(applets == null ? List.of() : applets);
        Objects.requireNonNull(appletLayout, "appletLayout");
        Objects.requireNonNull(initSystem, "initSystem");
        extraEntries = List.copyOf(extraEntries == null ? List.of() : extraEntries);
        Objects.requireNonNull(compression, "compression");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Objects.requireNonNull(epoch, "epoch");
        prefixArchives = List.copyOf(prefixArchives == null ? List.of() : prefixArchives);
        Objects.requireNonNull(output, "output");
        packages = packages == null ? Userland.NONE : packages;
    }

    /**
     * Adds everything the archive's bytes depend on: every component but the thread count and the output; Debian
     * packages by name and the SHA-256 of their .deb (their unpacked files follow from it).
     */
    public void fingerprint(Fingerprint f) throws IOException {
        f.addRecord("initramfs", this, "threads", "output", "packages", "modules");
        f.addRecord("packages.filter", packages.filter());
        f.add("packages", packages.packages().stream().map(p -> p.pkg().name() + " " + p.pkg().sha256()).toList());
    }

    /** A request with the usual defaults: x86_64, applets from the binary, BusyBox init, gzip, 2 threads. */
    public static InitramfsRequest of(Path busybox, Instant epoch, Path output) {
        return new InitramfsRequest(busybox, Architecture.X86_64, List.of(), null, AppletLayout.OWN_DIRECTORIES,
                InitSystem.BUSYBOX_INIT, null, null, List.of(), Compression.GZIP, null, 2, epoch, List.of(), null,
                output, Userland.NONE, null);
    }

    public InitramfsRequest withCompression(Compression c) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, c, compressionLevel, threads, epoch, prefixArchives, baseArchive, output, packages, modules);
    }

    public InitramfsRequest withOutput(Path o) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive, o, packages, modules);
    }

    public InitramfsRequest withThreads(int t) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, compressionLevel, t, epoch, prefixArchives, baseArchive, output, packages, modules);
    }

    public InitramfsRequest withOverlay(Path dir) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                dir, extraEntries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive, output, packages, modules);
    }

    public InitramfsRequest withExtraEntries(List<Entry> entries) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, entries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive, output, packages, modules);
    }

    public InitramfsRequest withInit(InitSystem init, AppletLayout layout) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, layout, init, initFile, overlay,
                extraEntries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive, output, packages, modules);
    }

    public InitramfsRequest withApplets(List<String> list) {
        return new InitramfsRequest(busybox, architecture, list, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive,
                output, packages, modules);
    }

    public InitramfsRequest withArchives(List<Path> prefixes, Path base) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, compressionLevel, threads, epoch, prefixes, base, output, packages, modules);
    }

    public InitramfsRequest withCompressionLevel(Integer level) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, level, threads, epoch, prefixArchives, baseArchive, output, packages, modules);
    }

    public InitramfsRequest withPackages(Userland p) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive,
                output, p, modules);
    }

    public InitramfsRequest withModules(KernelModules m) {
        return new InitramfsRequest(busybox, architecture, applets, appletLinks, appletLayout, initSystem, initFile,
                overlay, extraEntries, compression, compressionLevel, threads, epoch, prefixArchives, baseArchive,
                output, packages, m);
    }
}
