package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class MenuTest {
    @Test
    void aWrittenMenuWithoutEntriesFailsInsteadOfGettingTheDefaultEntry() {
        assertThatThrownBy(() -> new Menu().toBootMenu("quiet", "/boot/vmlinuz", "/boot/initrd.img"))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("Invalid <menu>: the boot menu needs at least one entry")
                .hasMessageContaining("leave <menu> out");
    }

    @Test
    void theDefaultMenuHasOneSerialEntry() throws Exception {
        var menu = Menu.defaultMenu().toBootMenu("quiet", "/boot/vmlinuz", "/boot/initrd.img");
        assertThat(menu.entries()).hasSize(1);
        assertThat(menu.defaultMenuEntry().kernelCommandLine()).isEqualTo("quiet console=tty0 console=ttyS0,115200");
    }
}
