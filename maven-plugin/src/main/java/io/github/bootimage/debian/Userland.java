package io.github.bootimage.debian;

import java.util.List;
import java.util.function.Consumer;

/**
 * The packages that go into an image's userland tree (the initramfs today, a live root where the image has
 * one): whoever builds that tree calls {@link PackageInstaller#install} with these.
 *
 * @param packages the unpacked closure, in name order
 * @param filter   the path excludes
 * @param log      where the install reports what it replaced
 */
public record Userland(List<UnpackedPackage> packages, PathFilter filter, Consumer<String> log) {
    /** No packages: the tree stays as it is (and keeps its classic, not merged, layout). */
    public static final Userland NONE = new Userland(List.of(), PathFilter.defaults(), s -> { });

    public Userland {
        packages = List.copyOf(packages);
    }

    public boolean isEmpty() {
        return packages.isEmpty();
    }
}
