package io.github.bootimage.maven;

import io.github.bootimage.boot.BootMenu;
import io.github.bootimage.boot.MenuEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The {@code <menu>} parameter: the boot menu shown by ISOLINUX (BIOS) and GRUB (UEFI).
 * <pre>
 * &lt;menu&gt;
 *   &lt;timeout&gt;5&lt;/timeout&gt;
 *   &lt;defaultEntry&gt;serial&lt;/defaultEntry&gt;
 *   &lt;entries&gt;
 *     &lt;entry&gt;&lt;label&gt;rescue&lt;/label&gt;&lt;title&gt;Rescue shell&lt;/title&gt;&lt;cmdline&gt;quiet&lt;/cmdline&gt;&lt;/entry&gt;
 *     &lt;entry&gt;&lt;label&gt;serial&lt;/label&gt;&lt;title&gt;Serial console&lt;/title&gt;&lt;serialConsole&gt;true&lt;/serialConsole&gt;&lt;/entry&gt;
 *   &lt;/entries&gt;
 * &lt;/menu&gt;
 * </pre>
 */
public class Menu {
    /** Seconds at the menu before the default entry boots; 0 boots at once. */
    private int timeout;
    /** Label of the default entry; the first entry when unset. */
    private String defaultEntry;
    /** Whether ISOLINUX and GRUB also use the serial port ttyS0 at 115200 baud (menus, messages). */
    private boolean serial = true;
    private List<Item> entries = new ArrayList<>();

    /** One {@code <entry>}. */
    public static class Item {
        private String label;
        private String title;
        /** Added to the image-wide {@code cmdline}. */
        private String cmdline = "";
        /** Kernel console on ttyS0 (115200) as well as the screen. */
        private boolean serialConsole;
    }

    /** The default menu: one entry whose console is both the screen and the serial port. */
    static Menu defaultMenu() {
        Menu m = new Menu();
        Item item = new Item();
        item.label = "linux";
        item.title = "Linux";
        item.serialConsole = true;
        m.entries.add(item);
        return m;
    }

    BootMenu toBootMenu(String cmdline, String kernelPath, String initrdPath) throws MojoExecutionException {
        try {
            List<MenuEntry> list = new ArrayList<>();
            int defaultIndex = 0;
            if (entries == null || entries.isEmpty()) {
                // A written menu does not inherit the default entry: say so rather than boot something unasked.
                throw new IllegalArgumentException("the boot menu needs at least one entry: add <entries><entry>"
                        + "<label>linux</label></entry></entries>, or leave <menu> out for the default entry");
            }
            for (Item i : entries) {
                if (i.label == null) {
                    throw new IllegalArgumentException("every <entry> needs a <label>");
                }
                String line = ((cmdline == null ? "" : cmdline) + " " + (i.cmdline == null ? "" : i.cmdline)).strip();
                list.add(new MenuEntry(i.label, i.title == null ? i.label : i.title, line, i.serialConsole));
                if (i.label.equals(defaultEntry)) {
                    defaultIndex = list.size() - 1;
                }
            }
            if (defaultEntry != null && list.stream().noneMatch(e -> e.label().equals(defaultEntry))) {
                throw new IllegalArgumentException("<defaultEntry>" + defaultEntry + "</defaultEntry> names no entry");
            }
            return new BootMenu(list, defaultIndex, timeout, serial, kernelPath, initrdPath);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid <menu>: " + e.getMessage(), e);
        }
    }
}
