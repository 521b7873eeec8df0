package io.github.bootimage.debian;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the user asked for: package specs ({@code name} or {@code name=version}), in the order given.
 *
 * @param specs        the requested packages
 * @param recommends   whether {@code Recommends} join the closure (apt's default; ours is off)
 * @param omitted      packages left out when they are only a dependency (maintainer-script helpers such as
 *                     {@code dpkg} or {@code debconf}): a relation they satisfy counts as satisfied
 * @param architecture the image's Debian architecture, e.g. {@code amd64}
 */
public record PackageRequest(List<String> specs, boolean recommends, Set<String> omitted, String architecture) {

    /**
     * Installed by nothing in a BusyBox image and needed only by maintainer scripts, which we do not run:
     * dpkg and its helpers, debconf, the shell-script helpers of init systems, perl for scripts.
     */
    public static final Set<String> DEFAULT_OMITTED = Set.of("adduser", "debconf", "dpkg", "init-system-helpers",
            "lsb-base", "perl-base", "sysvinit-utils", "ucf");

    public PackageRequest {
        specs = List.copyOf(specs);
        omitted = Set.copyOf(new TreeSet<>(omitted));
        Objects.requireNonNull(architecture, "architecture");
    }

    /** One line that identifies the request in {@code bootimage.lock}: a different line means resolving again. */
    public String describe() {
        return String.join(" ", specs) + "; recommends=" + recommends + "; omitted="
                + String.join(",", new TreeSet<>(omitted)) + "; architecture=" + architecture;
    }
}
