package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.build.Fingerprint;
import io.github.bootimage.inputs.Input;
import io.github.bootimage.inputs.ResolvedInput;
import io.github.bootimage.kmod.KernelRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Where the modules and firmware of {@code <modules>} come from: the kernel's own package (its
 * {@code lib/modules/<release>/}), or {@code <kernelModules>} (an archive or a directory) for a kernel given as a
 * bare file; {@code <firmware>} (an archive or a directory with {@code lib/firmware/}). Archives are unpacked once
 * into the cache.
 *
 * @param release     the kernel's release, read from its image
 * @param moduleDir   its {@code lib/modules/<release>} directory
 * @param firmwareDir a {@code lib/firmware} directory, or null
 * @param origin      where the modules come from, for the log
 * @param local       directories of the user's (fingerprinted by content), not unpacked archives in the cache
 *                    (named by the archive's SHA-256)
 */
record ModuleInputs(String release, Path moduleDir, Path firmwareDir, String origin, boolean local) {
    static final String MODULES = "lib/modules/";
    static final String FIRMWARE = "lib/firmware/";

    static ModuleInputs resolve(ProjectInputs in, InputSpec kernel, InputSpec kernelModules, InputSpec firmware)
            throws MojoExecutionException {
        ResolvedInput kernelFile = in.resolveInput("kernel", kernel, IsoMojo.DEFAULT_KERNEL);
        String release;
        try {
            release = KernelRelease.of(kernelFile.file());
        } catch (BootImageException e) {
            throw new MojoExecutionException("<kernel>: " + e.getMessage(), e);
        }
        Path root;
        String origin;
        if (kernelModules != null && !kernelModules.isEmpty()) {
            root = root(in, "kernelModules", kernelModules, MODULES);
            origin = "<kernelModules> " + kernelModules;
        } else {
            Input k = in.toInput("kernel", kernel, IsoMojo.DEFAULT_KERNEL);
            if (k.path() == null) {
                throw new MojoExecutionException("<modules> needs the kernel's modules, but <kernel> is a bare file ("
                        + kernelFile.origin() + "). Set <kernelModules> to the archive (.deb, tar) or directory that "
                        + "holds lib/modules/" + release + "/ (e.g. made by 'make modules_install "
                        + "INSTALL_MOD_PATH=DIR'), or take the kernel from its package: <kernel><deb>...</deb></kernel>.");
            }
            root = in.unpack(in.resolveArchive("kernel", kernel, IsoMojo.DEFAULT_KERNEL), MODULES);
            origin = kernelFile.origin().replaceFirst("^.* from ", "");
        }
        Path moduleDir = releaseDir(root, release, origin);
        Path firmwareDir = firmware == null || firmware.isEmpty() ? null
                : root(in, "firmware", firmware, FIRMWARE).resolve(FIRMWARE);
        boolean local = isLocalDirectory(in, "kernelModules", kernelModules)
                || isLocalDirectory(in, "firmware", firmware);
        return new ModuleInputs(release, moduleDir, firmwareDir, origin, local);
    }

    /** What the image's modules depend on: the entries, the release, the trees. */
    void fingerprint(Fingerprint f, List<String> entries) throws IOException {
        f.add("modules", entries).add("modules.release", release);
        if (local) {
            f.addTree("modules.tree", moduleDir).addTree("modules.firmware", firmwareDir);
        } else {
            f.add("modules.tree", moduleDir).add("modules.firmware", firmwareDir);
        }
    }

    private static boolean isLocalDirectory(ProjectInputs in, String parameter, InputSpec spec)
            throws MojoExecutionException {
        return spec != null && !spec.isEmpty() && in.toInput(parameter, spec, null).source()
                instanceof io.github.bootimage.inputs.Source.LocalFile f && Files.isDirectory(f.file());
    }

    /** A local directory as it is; an archive unpacked (the entries below {@code prefix}). */
    private static Path root(ProjectInputs in, String parameter, InputSpec spec, String prefix)
            throws MojoExecutionException {
        Input input = in.toInput(parameter, spec, null);
        if (isLocalDirectory(in, parameter, spec)) {
            return ((io.github.bootimage.inputs.Source.LocalFile) input.source()).file();
        }
        return in.unpack(in.resolveArchive(parameter, spec, null), prefix);
    }

    /** {@code root/lib/modules/<release>}; a root that is that directory itself is accepted too. */
    private static Path releaseDir(Path root, String release, String origin) throws MojoExecutionException {
        for (Path candidate : List.of(root.resolve(MODULES).resolve(release), root.resolve(release))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        if (root.getFileName() != null && root.getFileName().toString().equals(release)) {
            return root;
        }
        List<String> found = releases(root.resolve(MODULES));
        throw new MojoExecutionException("The kernel is release " + release + ", but " + origin + " has "
                + (found.isEmpty() ? "no lib/modules/<release>/ directory"
                        : "modules for release " + String.join(", ", found) + " only")
                + ". Take kernel and modules from the same kernel package, or point <kernelModules> at the modules "
                + "of release " + release + ".");
    }

    private static List<String> releases(Path modules) {
        if (!Files.isDirectory(modules)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(modules)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
