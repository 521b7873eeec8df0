package io.github.bootimage.boot;

/**
 * Renders a {@link BootMenu} as {@code isolinux.cfg}. It uses only ISOLINUX's core directives (no
 * {@code menu.c32}), so {@code isolinux.bin} and {@code ldlinux.c32} are all the image needs: the
 * entries are listed with {@code SAY} above the {@code boot:} prompt, and typing a label picks one.
 */
public final class IsolinuxConfig {
    private IsolinuxConfig() {
    }

    public static String render(BootMenu menu) {
        StringBuilder cfg = new StringBuilder();
        if (menu.serial()) {
            cfg.append("SERIAL 0 115200\n");
        }
        cfg.append("DEFAULT ").append(menu.defaultMenuEntry().label()).append('\n');
        if (menu.timeoutSeconds() > 0) {
            // TIMEOUT counts tenths of a second; PROMPT 1 shows "boot:" so another label can be typed.
            cfg.append("PROMPT 1\nTIMEOUT ").append(menu.timeoutSeconds() * 10).append('\n');
            for (MenuEntry e : menu.entries()) {
                cfg.append("SAY ").append(e.label()).append(": ").append(e.title()).append('\n');
            }
        } else {
            cfg.append("PROMPT 0\n");
        }
        for (MenuEntry e : menu.entries()) {
            cfg.append('\n').append("LABEL ").append(e.label()).append('\n')
                    .append("  KERNEL ").append(menu.kernel()).append('\n')
                    .append("  INITRD ").append(menu.initrd()).append('\n')
                    .append("  APPEND ").append(e.kernelCommandLine()).append('\n');
        }
        return cfg.toString();
    }
}
