package io.github.bootimage.busybox;

import io.github.bootimage.BootImageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies config fragments to a kconfig {@code .config}: an option is either {@code CONFIG_X=value} or the
 * comment {@code # CONFIG_X is not set} (kconfig's spelling of "off"; {@code =n} is not read back as off by
 * every kconfig). Existing lines are replaced in place, new options appended; {@code make oldconfig} then
 * resolves dependencies.
 */
public final class KconfigFragments {
    private static final Pattern NAME = Pattern.compile("CONFIG_[A-Za-z0-9_]+");
    private static final Pattern SET = Pattern.compile("^(CONFIG_[A-Za-z0-9_]+)=.*$");
    private static final Pattern UNSET = Pattern.compile("^# (CONFIG_[A-Za-z0-9_]+) is not set$");

    private KconfigFragments() {
    }

    /** Throws if a name is not {@code CONFIG_...} or a value spans lines. */
    public static void validate(Map<String, String> fragments) throws BootImageException {
        for (Map.Entry<String, String> e : fragments.entrySet()) {
            if (!NAME.matcher(e.getKey()).matches()) {
                throw new BootImageException("BusyBox config fragment '" + e.getKey() + "' is not an option name:"
                        + " use the .config spelling, e.g. CONFIG_VI (parameter <configFragments>).");
            }
            String v = e.getValue();
            if (v != null && (v.isEmpty() || v.contains("\n") || v.contains("\r"))) {
                throw new BootImageException("BusyBox config fragment " + e.getKey() + " has the value '" + v
                        + "': give y, a number, a quoted string, or nothing to switch it off (<configFragments>).");
            }
        }
    }

    /** The .config text with every fragment applied; a {@code null} or {@code n} value switches the option off. */
    public static String apply(String config, Map<String, String> fragments) {
        Map<String, String> pending = new LinkedHashMap<>(fragments);
        List<String> out = new ArrayList<>();
        for (String line : config.split("\n", -1)) {
            String name = optionName(line);
            if (name != null && pending.containsKey(name)) {
                out.add(render(name, pending.remove(name)));
            } else {
                out.add(line);
            }
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        pending.forEach((name, value) -> out.add(render(name, value)));
        return String.join("\n", out) + "\n";
    }

    /** The value of an option in a .config text: its value, {@code null} when off or absent. */
    public static String valueOf(String config, String name) {
        for (String line : config.split("\n")) {
            Matcher m = SET.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                return line.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static String optionName(String line) {
        Matcher m = SET.matcher(line);
        if (m.matches()) {
            return m.group(1);
        }
        m = UNSET.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    private static String render(String name, String value) {
        return value == null || value.equals("n") ? "# " + name + " is not set" : name + "=" + value;
    }
}
