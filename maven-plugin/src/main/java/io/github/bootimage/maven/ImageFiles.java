package io.github.bootimage.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;

/** Where the goals put their outputs, and how a later goal finds an earlier one's. */
final class ImageFiles {
    /** Project context key under which the initramfs goal leaves the path of its archive. */
    static final String INITRAMFS_KEY = "bootimage.initramfs";
    static final String INITRAMFS_CLASSIFIER = "initramfs";

    private ImageFiles() {
    }

    /** {@code target/bootimage/}: work files and up-to-date stamps. */
    static Path workDir(MavenProject project) {
        return Path.of(project.getBuild().getDirectory(), "bootimage");
    }

    static Path iso(MavenProject project) {
        return Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".iso");
    }

    static Path initramfs(MavenProject project, String extension) {
        return Path.of(project.getBuild().getDirectory(),
                project.getBuild().getFinalName() + "-" + INITRAMFS_CLASSIFIER + ".cpio" + extension);
    }

    /**
     * The initramfs built in this session, else the one an earlier build left in target/; fails when earlier
     * builds (with other compressions) left several there, since any choice could be a stale one.
     */
    static Optional<Path> findInitramfs(MavenProject project) throws IOException, MojoExecutionException {
        Object built = project.getContextValue(INITRAMFS_KEY);
        if (built instanceof Path p) {
            return Optional.of(p);
        }
        Path dir = Path.of(project.getBuild().getDirectory());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String prefix = project.getBuild().getFinalName() + "-" + INITRAMFS_CLASSIFIER + ".cpio";
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            if (found.size() > 1) {
                throw new MojoExecutionException("Found several initramfs archives in " + dir + " (" + found.stream()
                        .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")) + "), left by builds "
                        + "with other compressions: run 'mvn clean package', or set <initrd><file>...</file></initrd> "
                        + "(iso) or <initrdFile> (boot-test, run).");
            }
            return found.stream().findFirst();
        }
    }
}
