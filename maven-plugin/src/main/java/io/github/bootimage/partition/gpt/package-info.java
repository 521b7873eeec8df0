/**
 * The GUID Partition Table (UEFI 2.10 §5.3): header (§5.3.2, table 5-5) with CRC32 over the header and the
 * entry array, 128-byte partition entries (§5.3.3, table 5-6), a backup header and array at the end of the
 * disk. GUIDs are name-based (RFC 4122 §4.3, version 5 with SHA-1) from a seed, never random, and stored in
 * the mixed-endian layout of UEFI Appendix A.
 */
package io.github.bootimage.partition.gpt;
