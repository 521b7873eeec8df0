package io.github.bootimage.initramfs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.busybox.Applets;
import io.github.bootimage.busybox.BusyBoxBinary;
import io.github.bootimage.debian.PackageInstaller;
import io.github.bootimage.debian.Userland;
import io.github.bootimage.model.BytesContent;
import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import io.github.bootimage.model.FileTree;
import io.github.bootimage.model.Overlay;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the BusyBox initramfs as a {@link FileTree}, in this order (later replaces earlier): the base
 * directories, {@code bin/busybox} and one relative symlink per applet, the default PID 1, the device nodes
 * the kernel needs before {@code /init} runs, the kernel modules (with {@code /etc/mdev.conf}), the overlay directory, a configured init file, configured entries.
 */
public final class InitramfsTree {
    static final EntryPath BUSYBOX = EntryPath.of("bin/busybox");
    private static final List<String> DIRECTORIES = List.of("bin", "dev", "etc", "proc", "root", "run", "sbin",
            "sys", "tmp", "usr", "usr/bin", "usr/sbin");

    private final FileTree tree = new FileTree();
    private final Map<String, EntryPath> applets = new HashMap<>();

    private InitramfsTree() {
    }

    /** Checks the BusyBox and builds the tree; reads only the inputs named in the request. */
    public static FileTree of(InitramfsRequest request) throws BootImageException {
        BusyBoxBinary.check(request.busybox(), request.architecture());
        InitramfsTree t = new InitramfsTree();
        t.directories();
        t.busybox(request);
        t.packages(request.packages());
        t.init(request.initSystem(), request.modules() != null);
        if (request.modules() != null) {
            request.modules().addTo(t.tree);
            t.tree.put(new Entry.RegularFile(EntryPath.of("etc/mdev.conf"), 0644, 0, 0,
                    BytesContent.utf8(InitScripts.mdevConf(t::command))));
        }
        t.tree.put(new Entry.DeviceNode(EntryPath.of("dev/console"), Entry.DeviceNode.Kind.CHARACTER, 5, 1, 0600, 0, 0));
        t.tree.put(new Entry.DeviceNode(EntryPath.of("dev/null"), Entry.DeviceNode.Kind.CHARACTER, 1, 3, 0666, 0, 0));
        if (request.overlay() != null) {
            Overlay.copy(request.overlay(), EntryPath.ROOT, t.tree);
        }
        if (request.initFile() != null) {
            t.tree.put(new Entry.RegularFile(EntryPath.of("init"), 0755, 0, 0, readable(request.initFile())));
        }
        for (Entry e : request.extraEntries()) {
            t.tree.put(e);
        }
        return t.tree;
    }

    private void directories() throws BootImageException {
        for (String d : DIRECTORIES) {
            int mode = d.equals("tmp") ? 01777 : d.equals("root") ? 0700 : 0755;
            tree.add(new Entry.Directory(EntryPath.of(d), mode, 0, 0));
        }
    }

    private void busybox(InitramfsRequest request) throws BootImageException {
        tree.put(new Entry.RegularFile(BUSYBOX, 0755, 0, 0, readable(request.busybox())));
        List<EntryPath> list;
        if (!request.applets().isEmpty()) {
            list = Applets.parse(request.applets());
            Applets.requireKnown(list, request.busybox(), request.appletLinks());
        } else if (request.appletLinks() != null) {
            list = Applets.fromLinksFile(request.appletLinks());
        } else {
            list = Applets.fromBinary(request.busybox());
        }
        for (EntryPath applet : list) {
            EntryPath path = request.appletLayout() == AppletLayout.ALL_IN_BIN
                    ? EntryPath.of("bin").resolve(applet.name()) : applet;
            if (path.equals(BUSYBOX) || applets.containsKey(applet.name())) {
                continue;
            }
            applets.put(applet.name(), path);
            tree.put(new Entry.Symlink(path, relativeTarget(path), 0, 0));
        }
    }

    /** Debian packages go in before the init files, so that the generated inittab and rcS win over a package's. */
    private void packages(Userland userland) throws BootImageException {
        if (userland.isEmpty()) {
            return;
        }
        PackageInstaller.Report r = PackageInstaller.install(tree, userland.packages(), userland.filter(), BUSYBOX);
        r.replacedApplets().forEach(applets::remove); // the init scripts then call these through busybox
        userland.log().accept("packages: " + userland.packages().size() + " packages, " + r.files() + " files, "
                + r.bytes() + " bytes; merged /usr");
        if (!r.replacedApplets().isEmpty()) {
            userland.log().accept("packages: BusyBox applets replaced by package programs: "
                    + String.join(" ", r.replacedApplets()));
        }
    }

    /** The relative link from {@code path} to bin/busybox, such as {@code busybox} or {@code ../../bin/busybox}. */
    static String relativeTarget(EntryPath path) {
        EntryPath dir = path.parent();
        if (dir.equals(BUSYBOX.parent())) {
            return BUSYBOX.name();
        }
        return "../".repeat(dir.depth()) + BUSYBOX.value();
    }

    private void init(InitSystem init, boolean modules) throws BootImageException {
        if (init == InitSystem.MINIMAL_SCRIPT) {
            tree.put(new Entry.RegularFile(EntryPath.of("init"), 0755, 0, 0,
                    BytesContent.utf8(InitScripts.minimalInit(this::command, modules))));
            return;
        }
        // The kernel runs /init of an initramfs; as "init", BusyBox starts its init applet.
        tree.put(new Entry.Symlink(EntryPath.of("init"), BUSYBOX.value(), 0, 0));
        tree.put(new Entry.RegularFile(EntryPath.of("etc/inittab"), 0644, 0, 0,
                BytesContent.utf8(InitScripts.inittab(this::command))));
        tree.put(new Entry.RegularFile(EntryPath.of("etc/init.d/rcS"), 0755, 0, 0,
                BytesContent.utf8(InitScripts.rcS(this::command, modules))));
        tree.put(new Entry.RegularFile(EntryPath.of("etc/profile"), 0644, 0, 0,
                BytesContent.utf8(InitScripts.profile(this::command))));
    }

    private String command(String applet) {
        EntryPath p = applets.get(applet);
        return p != null ? "/" + p.value() : "/" + BUSYBOX.value() + " " + applet;
    }

    private static FileContent readable(java.nio.file.Path file) throws BootImageException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BootImageException(file + " does not exist or is not a readable file. Check the path, or "
                    + "its permissions (chmod a+r).");
        }
        try {
            return FileContent.of(file);
        } catch (IOException e) {
            throw new BootImageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
