package io.github.bootimage.boot;

import java.util.regex.Pattern;

/**
 * One boot-menu entry.
 *
 * @param label         short identifier, used as the ISOLINUX {@code LABEL} (letters, digits, {@code -_.})
 * @param title         what the user sees in the menu
 * @param cmdline       kernel command line of this entry (the image-wide one plus the entry's additions)
 * @param serialConsole whether the kernel's console is the first serial port ({@code console=ttyS0,115200})
 */
public record MenuEntry(String label, String title, String cmdline, boolean serialConsole) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public MenuEntry {
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("boot menu label '" + label + "' must be 1-64 letters, digits, '-', '_' "
                    + "or '.', starting with a letter or digit (ISOLINUX reads it at its boot: prompt)");
        }
        if (title.isBlank() || title.contains("\"") || title.contains("\n")) {
            throw new IllegalArgumentException("boot menu title of '" + label + "' must be one line without '\"'");
        }
        if (cmdline.contains("\n")) {
            throw new IllegalArgumentException("kernel command line of '" + label + "' must be one line");
        }
    }

    /** The full kernel command line including the console arguments. */
    public String kernelCommandLine() {
        String console = serialConsole ? "console=tty0 console=ttyS0,115200" : "";
        return (cmdline.strip() + " " + console).strip();
    }
}
