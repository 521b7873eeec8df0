package io.github.bootimage.iso9660;

import io.github.bootimage.model.EntryPath;

/**
 * What a planned ISO image knows before a byte is written: where each file's data lies. The hybrid
 * (USB) layout reads it to fill the MBR and the GPT in the system area. All LBAs are in 2048-byte sectors.
 */
public interface IsoLayout {
    /** Sectors of the ISO 9660 volume (the volume space size), not counting any {@link SystemArea#trailerSize()}. */
    long volumeSectors();

    /** LBA of the first extent of a file in the tree; throws IllegalArgumentException for an unknown path. */
    long extentOf(EntryPath file);

    /** Size in bytes of a file in the tree. */
    long sizeOf(EntryPath file);

    /** LBA of the El Torito boot catalog, or -1 without one. */
    long bootCatalogLba();
}
