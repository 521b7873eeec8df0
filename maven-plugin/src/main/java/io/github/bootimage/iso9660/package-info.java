/**
 * ISO 9660 image writer: {@link io.github.bootimage.iso9660.IsoImageWriter} plans a layout (every LBA),
 * then writes the image: to a stream in one forward pass; to a file with the metadata written in order while
 * other threads copy the file data to its planned places (the same bytes for any number of threads).
 *
 * <ul>
 *   <li>ECMA-119 4th edition (= ISO 9660:2019 / 1988): §6.2 system area, §6.5.1 multi-extent files,
 *       §6.8.1 directory extents, §7 field encodings, §8.1-8.5 volume descriptors, §9.1 directory records,
 *       §9.3 record order, §9.4 path tables, §10 levels (we write level 1 names and level 3
 *       multi-extent files, as {@code xorriso -as mkisofs} does for files of 4 GiB and more).</li>
 *   <li>Rock Ridge (SUSP/RRIP 1.12): {@code rockridge}; Joliet: {@code joliet}; El Torito 1.0: {@code eltorito}.</li>
 * </ul>
 *
 * <p>Like xorriso's default ({@code -D}), directories deeper than 8 levels are not relocated: Rock Ridge
 * readers and Linux read them; strict ECMA-119 readers may not.
 */
package io.github.bootimage.iso9660;
