/**
 * The ISO 9660 field encodings (ECMA-119 §7: both-byte orders, padded d/a-characters, the 7- and 17-byte
 * dates) and the clash resolution of shortened names, shared by the writer and its extensions (Rock Ridge,
 * Joliet, El Torito). A leaf: it imports nothing of the project, so the extensions need not import the
 * writer's package, which imports them.
 */
package io.github.bootimage.iso9660.encoding;
