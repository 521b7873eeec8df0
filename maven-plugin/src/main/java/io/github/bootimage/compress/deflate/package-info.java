/**
 * A DEFLATE encoder (RFC 1951) in plain Java, so that the compressed bytes depend on nothing but the input, the
 * level and the preset dictionary: not on the JDK, nor on the host's zlib (zlib, zlib-ng, ...).
 *
 * <p>RFC 1951 §3.2.5 (length and distance codes), §3.2.6 (fixed Huffman codes), §3.2.7 (dynamic block header
 * and code-length codes), §3.2.4 (stored blocks; an empty one is the "sync flush" that byte-aligns a block so
 * independently compressed pieces join into one stream). The match finder uses hash chains with lazy matching;
 * the block splitter merges small runs of symbols while a merge lowers the exact encoded size.
 */
package io.github.bootimage.compress.deflate;
