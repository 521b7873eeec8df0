package io.github.bootimage.boot;

/**
 * Renders a {@link BootMenu} as {@code /boot/grub/grub.cfg}, the file Debian's signed CD GRUB
 * ({@code gcdx64.efi}) sources after finding {@code /.disk/info} on the medium.
 */
public final class GrubConfig {
    private GrubConfig() {
    }

    public static String render(BootMenu menu) {
        StringBuilder cfg = new StringBuilder();
        if (menu.serial()) {
            cfg.append("serial --unit=0 --speed=115200\n")
                    .append("terminal_input serial console\n")
                    .append("terminal_output serial console\n");
        }
        cfg.append("set default=").append(menu.defaultEntry()).append('\n')
                .append("set timeout=").append(menu.timeoutSeconds()).append('\n');
        for (MenuEntry e : menu.entries()) {
            cfg.append('\n').append("menuentry \"").append(escape(e.title())).append("\" --id ").append(e.label())
                    .append(" {\n")
                    .append("    linux ").append(menu.kernel());
            if (!e.kernelCommandLine().isEmpty()) {
                cfg.append(' ').append(escapeArgs(e.kernelCommandLine()));
            }
            cfg.append('\n').append("    initrd ").append(menu.initrd()).append('\n').append("}\n");
        }
        return cfg.toString();
    }

    private static String escape(String title) {
        return title.replace("\\", "\\\\").replace("$", "\\$");
    }

    /** GRUB expands {@code $var} in arguments; a command line is passed through literally. */
    private static String escapeArgs(String args) {
        return args.replace("\\", "\\\\").replace("$", "\\$").replace(";", "\\;");
    }
}
