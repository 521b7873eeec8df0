package io.github.bootimage.debian;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * dpkg's {@code path-exclude} / {@code path-include} (dpkg(1), {@code --path-exclude}): shell globs on the
 * absolute path in the package, where {@code *} also matches {@code /} (fnmatch without FNM_PATHNAME). A path
 * is left out if it matches an exclude and no include.
 */
public record PathFilter(List<String> excludes, List<String> includes) {
    /** What minimal Debian images (debootstrap --variant=minbase with dpkg excludes, Docker) leave out. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("/usr/share/doc/*", "/usr/share/man/*",
            "/usr/share/info/*", "/usr/share/locale/*", "/usr/share/lintian/*", "/usr/share/linda/*",
            "/usr/share/bug/*");
    /** Licences stay: whoever distributes the image must pass them on. */
    public static final List<String> DEFAULT_INCLUDES = List.of("/usr/share/doc/*/copyright");

    public PathFilter {
        excludes = List.copyOf(excludes);
        includes = List.copyOf(includes);
    }

    public static PathFilter defaults() {
        return new PathFilter(DEFAULT_EXCLUDES, DEFAULT_INCLUDES);
    }

    /** Whether the package path (without leading {@code /}) is kept. */
    public boolean keeps(String path) {
        String abs = "/" + path;
        return excludes.stream().noneMatch(g -> matches(g, abs)) || includes.stream().anyMatch(g -> matches(g, abs));
    }

    static boolean matches(String glob, String path) {
        return toRegex(glob).matcher(path).matches();
    }

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private static Pattern toRegex(String glob) {
        return COMPILED.computeIfAbsent(glob, PathFilter::compile);
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String set = glob.substring(i + 1, end);
                    re.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
