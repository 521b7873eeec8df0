package io.github.bootimage.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Choices and refusals of the closure, over a small index written here. */
class ClosureResolverTest {
    private static final String INDEX = """
            Package: tool
            Version: 1.0-1
            Architecture: amd64
            Depends: libc6 (>= 2.34), awk | mawk, mta, debconf (>= 0.5) | debconf-2.0
            Pre-Depends: dpkg (>= 1.19)

            Package: libc6
            Version: 2.36-9
            Architecture: amd64
            Depends: libgcc-s1

            Package: libgcc-s1
            Version: 12.2.0-14
            Architecture: amd64

            Package: mawk
            Version: 1.3.4
            Architecture: amd64
            Provides: awk

            Package: gawk
            Version: 5.2.1
            Architecture: amd64
            Provides: awk

            Package: exim4-daemon-light
            Version: 4.96
            Architecture: amd64
            Provides: mail-transport-agent, mta

            Package: postfix
            Version: 3.7
            Architecture: amd64
            Provides: mail-transport-agent
            Conflicts: mail-transport-agent

            Package: needs-mail
            Version: 1
            Architecture: all
            Depends: mail-transport-agent

            Package: old-libc-user
            Version: 1
            Architecture: amd64
            Depends: libc6 (>= 2.99)

            Package: i386-only
            Version: 1
            Architecture: i386

            Package: breaker
            Version: 1
            Architecture: amd64
            Breaks: libc6 (<< 3)
            """;

    private static List<String> closure(String... specs) throws BootImageException {
        return ClosureResolver.resolve(index(), new PackageRequest(List.of(specs), false, Set.of("dpkg", "debconf"),
                "amd64"), (n, v) -> Optional.empty()).stream().map(BinaryPackage::toString).toList();
    }

    private static PackageIndex index() throws BootImageException {
        return PackageIndex.parse(new ByteArrayInputStream(INDEX.getBytes(StandardCharsets.UTF_8)), "test index");
    }

    @Test
    void alternativesVirtualsAndOmittedPackages() throws Exception {
        // "awk | mawk": awk is virtual with two providers, so it is ambiguous; an explicit choice settles it
        assertThat(closure("gawk", "tool")).containsExactly("exim4-daemon-light 4.96", "gawk 5.2.1", "libc6 2.36-9",
                "libgcc-s1 12.2.0-14", "tool 1.0-1");
    }

    @Test
    void ambiguousVirtualNamesItsProviders() {
        assertThatThrownBy(() -> closure("tool")).hasMessageContaining("tool 1.0-1 needs 'awk' (via tool)")
                .hasMessageContaining("provided by gawk, mawk. Add the one you want to <packages>");
        assertThatThrownBy(() -> closure("needs-mail")).hasMessageContaining("provided by exim4-daemon-light, postfix");
    }

    @Test
    void missingPackageListsClosestNames() {
        assertThatThrownBy(() -> closure("libc7")).hasMessageContaining("there is no package 'libc7'")
                .hasMessageContaining("Closest names: libc6");
    }

    @Test
    void unsatisfiableVersion() {
        assertThatThrownBy(() -> closure("old-libc-user")).hasMessageContaining(
                "old-libc-user 1 depends on 'libc6 (>= 2.99)' (via old-libc-user), and nothing in the archive index "
                        + "satisfies it (the archive has libc6 2.36-9)");
    }

    @Test
    void versionGoneFromTheArchive() {
        assertThatThrownBy(() -> closure("libc6=2.31-13")).hasMessageContaining(
                "libc6 has no version 2.31-13 in the archive (its candidate is 2.36-9");
    }

    @Test
    void otherArchitecture() {
        assertThatThrownBy(() -> closure("libc6:arm64")).hasMessageContaining("is for architecture arm64, but the image is amd64");
        assertThatThrownBy(() -> closure("i386-only")).hasMessageContaining("for architecture i386, but the image is amd64");
    }

    @Test
    void conflictingPair() {
        assertThatThrownBy(() -> closure("breaker", "libc6")).hasMessageContaining(
                "breaker 1 and libc6 2.36-9 cannot be in one image: breaker declares 'Breaks: libc6 (<< 3)'");
        assertThatThrownBy(() -> closure("postfix", "exim4-daemon-light")).hasMessageContaining(
                "postfix 3.7 and exim4-daemon-light 4.96 cannot be in one image");
    }
}
