package io.github.bootimage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool skips on a developer's machine and fails in CI, naming the Debian package either way. */
class HostToolsTest {
    private static final String PROPERTY = "bootimage.test.requireTools";

    @Test
    void findsAToolOnThePathOrInSbin() {
        assertThat(HostTools.require("sh")).isExecutable();
    }

    @Test
    void aMissingToolSkipsOrInCiFails() {
        String before = System.getProperty(PROPERTY);
        try {
            System.clearProperty(PROPERTY);
            if (!HostTools.required()) { // CI unset: a developer's machine
                assertThatThrownBy(() -> HostTools.require("sgdisk-of-nowhere"))
                        .isInstanceOf(TestAbortedException.class)
                        .hasMessageContaining("sgdisk-of-nowhere is not installed").hasMessageContaining("skipped");
            }
            System.setProperty(PROPERTY, "true");
            assertThatThrownBy(() -> HostTools.require("sh", "sgdisk-of-nowhere"))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("sgdisk-of-nowhere is not installed")
                    .hasMessageContaining("apt-get install -y --no-install-recommends $(apt-file search -l bin/")
                    .hasMessageContaining("CI is set (or -Dbootimage.test.requireTools)");
            assertThatThrownBy(() -> HostTools.missing("OVMF not found", "ovmf"))
                    .isInstanceOf(AssertionFailedError.class).hasMessageContaining("apt-get install -y "
                            + "--no-install-recommends ovmf");
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    @Test
    void namesTheDebianPackageOfEachTool() {
        assertThat(HostTools.packageOf("bsdtar")).isEqualTo("libarchive-tools");
        assertThat(HostTools.packageOf("qemu-system-x86_64")).isEqualTo("qemu-system-x86");
        assertThat(HostTools.packageOf("mkfs.vfat")).isEqualTo("dosfstools");
        assertThat(HostTools.packageOf("isoinfo")).isEqualTo("genisoimage");
    }
}
