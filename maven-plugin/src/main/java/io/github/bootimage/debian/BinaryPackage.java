package io.github.bootimage.debian;

import java.util.List;
import java.util.Map;

/**
 * One stanza of an archive's {@code Packages} index (Debian Policy §5.3, {@code deb-control(5)}): the fields
 * resolution and fetching need. Relation fields are kept as text and parsed when the package is visited.
 *
 * @param name         {@code Package}
 * @param version      {@code Version}
 * @param architecture {@code Architecture}: a port name such as {@code amd64}, or {@code all}
 * @param fields       the raw relation fields by name ({@code Depends}, {@code Pre-Depends}, {@code Recommends},
 *                     {@code Provides}, {@code Conflicts}, {@code Breaks}); absent ones left out
 * @param filename     {@code Filename}: the pool path of the .deb
 * @param size         {@code Size} of the .deb in bytes
 * @param sha256       {@code SHA256} of the .deb
 */
public record BinaryPackage(String name, DebianVersion version, String architecture, Map<String, String> fields,
                            String filename, long size, String sha256) {

    public BinaryPackage {
        fields = Map.copyOf(fields);
    }

    public List<List<Relation>> relations(String field) {
        return Relation.parseField(fields.get(field));
    }

    /** The .deb's base name in the pool, e.g. {@code libc6_2.36-9+deb12u9_amd64.deb}. */
    public String fileName() {
        return filename == null ? name + "_" + version + "_" + architecture + ".deb"
                : filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** {@code name=version}, as apt-get takes it. */
    public String spec() {
        return name + "=" + version;
    }

    @Override
    public String toString() {
        return name + " " + version;
    }
}
