package io.github.bootimage.maven;

import io.github.bootimage.model.Entry;
import io.github.bootimage.model.EntryPath;
import io.github.bootimage.model.FileContent;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * One configured initramfs entry ({@code <entries><entry>...}), written straight into the archive, so device
 * nodes and root-owned files need no root on the build host:
 * <pre>
 * &lt;entry&gt;&lt;type&gt;dir&lt;/type&gt;&lt;path&gt;/mnt/data&lt;/path&gt;&lt;/entry&gt;
 * &lt;entry&gt;&lt;type&gt;file&lt;/type&gt;&lt;path&gt;/etc/shadow&lt;/path&gt;&lt;source&gt;src/shadow&lt;/source&gt;&lt;mode&gt;0600&lt;/mode&gt;&lt;/entry&gt;
 * &lt;entry&gt;&lt;type&gt;symlink&lt;/type&gt;&lt;path&gt;/sbin/init&lt;/path&gt;&lt;target&gt;/bin/busybox&lt;/target&gt;&lt;/entry&gt;
 * &lt;entry&gt;&lt;type&gt;char&lt;/type&gt;&lt;path&gt;/dev/ttyS0&lt;/path&gt;&lt;major&gt;4&lt;/major&gt;&lt;minor&gt;64&lt;/minor&gt;&lt;/entry&gt;
 * </pre>
 */
public class InitramfsEntry {
    /** dir, file, symlink, char or block. */
    private String type;
    private String path;
    /** Octal permission bits; default 0755 for dir, 0644 for file, 0600 for devices. */
    private String mode;
    private int uid;
    private int gid;
    /** file: the host file to copy. */
    private File source;
    /** symlink: the link target. */
    private String target;
    private int major;
    private int minor;

    Entry toEntry() throws MojoExecutionException {
        if (type == null || path == null) {
            throw new MojoExecutionException("Every initramfs <entry> needs <type> (dir, file, symlink, char, block) and "
                    + "<path>.");
        }
        try {
            EntryPath p = EntryPath.of(path);
            switch (type.toLowerCase(Locale.ROOT)) {
                case "dir":
                    return new Entry.Directory(p, mode(0755), uid, gid);
                case "file":
                    if (source == null) {
                        throw new MojoExecutionException("initramfs <entry> " + path + ": a file needs <source> (the "
                                + "file to copy; relative paths start at the project directory).");
                    }
                    if (!source.isFile()) {
                        throw new MojoExecutionException("initramfs <entry> " + path + ": <source> " + source
                                + " is not a readable file.");
                    }
                    return new Entry.RegularFile(p, mode(0644), uid, gid, FileContent.of(source.toPath()));
                case "symlink":
                    if (target == null) {
                        throw new MojoExecutionException("initramfs <entry> " + path + ": a symlink needs <target>.");
                    }
                    return new Entry.Symlink(p, target, uid, gid);
                case "char":
                case "block":
                    return new Entry.DeviceNode(p, type.equalsIgnoreCase("char") ? Entry.DeviceNode.Kind.CHARACTER
                            : Entry.DeviceNode.Kind.BLOCK, major, minor, mode(0600), uid, gid);
                default:
                    throw new MojoExecutionException("initramfs <entry> " + path + ": unknown <type>" + type
                            + "</type>; use dir, file, symlink, char or block.");
            }
        } catch (IllegalArgumentException | IOException e) {
            throw new MojoExecutionException("initramfs <entry> " + path + ": " + e.getMessage(), e);
        }
    }

    private int mode(int dflt) throws MojoExecutionException {
        if (mode == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(mode, 8);
        } catch (NumberFormatException e) {
            throw new MojoExecutionException("initramfs <entry> " + path + ": <mode>" + mode + "</mode> is not octal "
                    + "(e.g. 0644).", e);
        }
    }
}
