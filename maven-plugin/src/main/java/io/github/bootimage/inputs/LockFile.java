package io.github.bootimage.inputs;

import io.github.bootimage.BootImageException;
import io.github.bootimage.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code bootimage.lock}: what each not fully pinned input request resolved to, so that later builds fetch
 * exactly the same bytes. One {@code [request]} block per request, blocks and keys sorted, {@code key = value}
 * lines, {@code #} comments; meant to be committed, like package-lock.json.
 */
public final class LockFile {
    static final String HEADER = """
            # bootimage.lock: inputs resolved by bootimage-maven-plugin. Commit this file.
            # Builds fetch exactly what is recorded here. Re-resolve: -Dbootimage.lock.update
            # Fail instead of resolving (CI): -Dbootimage.lock.frozen
            """;

    private final Path file;
    private final Map<String, LockEntry> entries;

    private LockFile(Path file, Map<String, LockEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    public Path file() {
        return file;
    }

    /** Reads the lock file, or an empty lock if there is none yet. */
    public static LockFile load(Path file) throws BootImageException {
        Map<String, LockEntry> entries = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            try {
                parse(file, Files.readAllLines(file, StandardCharsets.UTF_8), entries);
            } catch (CharacterCodingException e) {
                throw new BootImageException(file + " is not UTF-8 text (" + e + "). An editor or a tool saved it in "
                        + "another encoding: convert it back (iconv -t UTF-8), restore it from version control, or "
                        + "delete it to resolve every input again.", e);
            } catch (IOException e) {
                throw new BootImageException("cannot read " + file + ": " + e, e);
            }
        }
        return new LockFile(file, entries);
    }

    private static void parse(Path file, List<String> lines, Map<String, LockEntry> out) throws BootImageException {
        String key = null;
        int keyLine = 0;
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                if (key != null) {
                    out.put(key, entry(file, keyLine, key, fields));
                }
                key = line.substring(1, line.length() - 1);
                keyLine = i + 1;
                if (out.containsKey(key)) {
                    throw new BootImageException(file + " line " + keyLine + ": [" + key + "] appears twice (a merge "
                            + "conflict?). Keep one block, or delete " + file.getFileName()
                            + " to resolve every input again.");
                }
                fields = new TreeMap<>();
            } else if (key != null && line.contains("=")) {
                int eq = line.indexOf('=');
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            } else {
                throw new BootImageException(file + " line " + (i + 1) + ": expected '[request]' or 'key = value', got '"
                        + line + "'. Fix the line, or delete " + file.getFileName() + " to resolve every input again.");
            }
        }
        if (key != null) {
            out.put(key, entry(file, keyLine, key, fields));
        }
    }

    private static LockEntry entry(Path file, int line, String key, Map<String, String> fields)
            throws BootImageException {
        try {
            return LockEntry.of(fields);
        } catch (IllegalArgumentException e) {
            throw new BootImageException(file + " line " + line + ": the block [" + key + "] " + e.getMessage()
                    + ". Fix the block (run the build once with -Dbootimage.lock.update to rewrite it), or delete "
                    + file.getFileName() + " to resolve every input again.", e);
        }
    }

    public synchronized Optional<LockEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Records {@code entry} (merging the input names with an existing entry's) and writes the file if it changed. */
    public synchronized void record(String key, LockEntry entry) throws BootImageException {
        LockEntry old = entries.get(key);
        SortedSet<String> names = new TreeSet<>(Arrays.asList(entry.inputs().split(",")));
        if (old != null && old.inputs() != null && old.sha256().equals(entry.sha256())) {
            names.addAll(Arrays.asList(old.inputs().split(",")));
        }
        LockEntry merged = entry.withInputs(String.join(",", names));
        if (merged.equals(old)) {
            return;
        }
        entries.put(key, merged);
        save();
    }

    /**
     * Drops every block whose key {@code stale} accepts, then adds {@code blocks}; writes the file once, and only
     * if it changed. Returns whether it changed.
     */
    public synchronized boolean replaceAll(java.util.function.Predicate<String> stale, Map<String, LockEntry> blocks)
            throws BootImageException {
        Map<String, LockEntry> next = new TreeMap<>(entries);
        next.keySet().removeIf(stale);
        next.putAll(blocks);
        if (next.equals(entries)) {
            return false;
        }
        entries.clear();
        entries.putAll(next);
        save();
        return true;
    }

    /** The whole file's text: header, then sorted blocks with sorted keys. */
    public synchronized String render() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (Map.Entry<String, LockEntry> e : entries.entrySet()) {
            sb.append('\n').append('[').append(e.getKey()).append("]\n");
            e.getValue().fields().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        }
        return sb.toString();
    }

    private void save() throws BootImageException {
        try {
            // 0644: the lock is a source file, meant to be committed and shared
            AtomicOutput.writeString(file, render());
        } catch (IOException e) {
            throw AtomicOutput.failure("the lock file", file, e);
        }
    }

    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }
}
