/**
 * bootimage: bit-reproducible bootable Linux images.
 *
 * <p>The format packages ({@code cpio}, {@code compress}, {@code iso9660}, {@code fat}, {@code partition},
 * {@code pgp}) know nothing of Maven; only {@code io.github.bootimage.maven} imports the Maven API. Below
 * the Mojos there are no clock reads, no randomness and no environment reads: every timestamp, serial
 * number and GUID is derived from explicit build inputs.
 */
package io.github.bootimage;
