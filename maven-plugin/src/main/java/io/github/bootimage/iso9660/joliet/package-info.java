/**
 * Joliet: a second directory tree with UCS-2 names for Windows, sharing the file extents of the primary
 * tree. Joliet Specification (Microsoft, 1995): supplementary volume descriptor with escape sequence
 * "%/E" (UCS-2 level 3), identifiers in UCS-2 big-endian of at most 64 characters.
 */
package io.github.bootimage.iso9660.joliet;
