package io.github.bootimage.iso9660.eltorito;

import io.github.bootimage.model.EntryPath;
import java.util.List;
import java.util.Optional;

/**
 * The boot catalog to write: the first entry becomes the initial/default entry, the others follow in
 * sections grouped by platform. {@code catalogPath} shows the catalog as a file in the tree (xorriso's
 * {@code -c isolinux/boot.cat}); empty hides it.
 */
public record ElToritoConfig(List<BootEntry> entries, Optional<EntryPath> catalogPath) {
    public ElToritoConfig {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an El Torito boot catalog needs at least one boot entry");
        }
    }

    public static ElToritoConfig of(EntryPath catalogPath, BootEntry... entries) {
        return new ElToritoConfig(List.of(entries), Optional.ofNullable(catalogPath));
    }
}
