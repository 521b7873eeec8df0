package io.github.bootimage.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootMenuTest {
    private final BootMenu menu = new BootMenu(List.of(
            new MenuEntry("rescue", "Rescue shell", "quiet", false),
            new MenuEntry("serial", "Rescue shell (serial console)", "quiet", true)), 1, 5, true,
            "/boot/vmlinuz", "/boot/initrd.img");

    @Test
    void rendersIsolinuxConfig() {
        assertThat(IsolinuxConfig.render(menu)).isEqualTo("""
                SERIAL 0 115200
                DEFAULT serial
                PROMPT 1
                TIMEOUT 50
                SAY rescue: Rescue shell
                SAY serial: Rescue shell (serial console)

                LABEL rescue
                  KERNEL /boot/vmlinuz
                  INITRD /boot/initrd.img
                  APPEND quiet

                LABEL serial
                  KERNEL /boot/vmlinuz
                  INITRD /boot/initrd.img
                  APPEND quiet console=tty0 console=ttyS0,115200
                """);
    }

    @Test
    void rendersGrubConfig() {
        assertThat(GrubConfig.render(menu)).isEqualTo("""
                serial --unit=0 --speed=115200
                terminal_input serial console
                terminal_output serial console
                set default=1
                set timeout=5

                menuentry "Rescue shell" --id rescue {
                    linux /boot/vmlinuz quiet
                    initrd /boot/initrd.img
                }

                menuentry "Rescue shell (serial console)" --id serial {
                    linux /boot/vmlinuz quiet console=tty0 console=ttyS0,115200
                    initrd /boot/initrd.img
                }
                """);
    }

    @Test
    void noTimeoutBootsTheDefaultAtOnce() {
        BootMenu quick = new BootMenu(List.of(new MenuEntry("linux", "Linux", "", true)), 0, 0, false,
                "/boot/vmlinuz", "/boot/initrd.img");
        assertThat(IsolinuxConfig.render(quick)).startsWith("DEFAULT linux\nPROMPT 0\n")
                .contains("APPEND console=tty0 console=ttyS0,115200");
        assertThat(GrubConfig.render(quick)).contains("set timeout=0").doesNotContain("serial --unit");
    }

    @Test
    void refusesBadMenus() {
        assertThatThrownBy(() -> new MenuEntry("has space", "x", "", false)).hasMessageContaining("label");
        assertThatThrownBy(() -> new BootMenu(List.of(new MenuEntry("a", "A", "", false)), 1, 0, false, "/k", "/i"))
                .hasMessageContaining("default boot entry 1");
        assertThatThrownBy(() -> new BootMenu(List.of(new MenuEntry("a", "A", "", false),
                new MenuEntry("a", "B", "", false)), 0, 0, false, "/k", "/i")).hasMessageContaining("unique");
    }
}
