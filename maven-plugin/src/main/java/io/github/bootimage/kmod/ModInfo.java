package io.github.bootimage.kmod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a module says about itself in its {@code .modinfo} section: NUL-separated {@code key=value} strings
 * written by {@code MODULE_INFO()} and modpost (Linux {@code include/linux/module.h}).
 *
 * @param name       {@code name=}, or null in modules older than Linux 4.x
 * @param vermagic   {@code vermagic=}, e.g. {@code 6.1.0-57-amd64 SMP preempt mod_unload modversions }
 * @param depends    {@code depends=}: the modules whose symbols it uses, normalised (see {@link ModuleNames})
 * @param softdep    {@code softdep=} values as written, e.g. {@code pre: crypto-crc32c}
 * @param aliases    every {@code alias=} (device patterns such as {@code pci:v00008086d*}, or names)
 * @param firmware   every {@code firmware=}: files the driver may request below {@code /lib/firmware}
 */
public record ModInfo(String name, String vermagic, List<String> depends, List<String> softdep, List<String> aliases,
        List<String> firmware) {

    public ModInfo {
        depends = List.copyOf(depends);
        softdep = List.copyOf(softdep);
        aliases = List.copyOf(aliases);
        firmware = List.copyOf(firmware);
    }

    /** Parses the bytes of a {@code .modinfo} section. */
    public static ModInfo parse(ByteBuffer section) {
        String name = null;
        String vermagic = null;
        List<String> depends = new ArrayList<>();
        List<String> softdep = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> firmware = new ArrayList<>();
        byte[] all = new byte[section.remaining()];
        section.duplicate().get(all);
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i < all.length && all[i] != 0) {
                continue;
            }
            if (i > start) {
                String entry = new String(all, start, i - start, StandardCharsets.UTF_8);
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    String key = entry.substring(0, eq);
                    String value = entry.substring(eq + 1);
                    switch (key) {
                        case "name" -> name = value;
                        case "vermagic" -> vermagic = value;
                        case "depends" -> depends.addAll(commaList(value));
                        case "softdep" -> softdep.add(value);
                        case "alias" -> aliases.add(value);
                        case "firmware" -> firmware.add(value);
                        default -> { }
                    }
                }
            }
            start = i + 1;
        }
        return new ModInfo(name, vermagic, depends, softdep, aliases, firmware);
    }

    /** The release the module was built for: the first word of {@code vermagic}, or null. */
    public String release() {
        if (vermagic == null || vermagic.isBlank()) {
            return null;
        }
        String v = vermagic.strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    /** The names a {@code softdep} lists before ({@code pre: a b}) or after ({@code post: c}) the module. */
    public List<String> softdepNames() {
        List<String> names = new ArrayList<>();
        for (String value : softdep) {
            for (String word : value.trim().split("\\s+")) {
                if (!word.isEmpty() && !word.endsWith(":")) {
                    names.add(word);
                }
            }
        }
        return names;
    }

    private static List<String> commaList(String value) {
        List<String> names = new ArrayList<>();
        for (String d : value.split(",")) {
            if (!d.isBlank()) {
                names.add(ModuleNames.normalize(d.strip()));
            }
        }
        return names;
    }
}
