/**
 * Pinned inputs: one way to obtain every external file (kernel, BusyBox, bootloaders, extra files).
 *
 * <p>An {@link io.github.bootimage.inputs.Input} names exactly one {@link io.github.bootimage.inputs.Source}
 * (local file, URL, Maven artifact, Debian package) plus an optional path inside a .deb, tar or cpio archive
 * and an optional SHA-256 (FIPS 180-4) of the fetched file. {@link io.github.bootimage.inputs.InputResolver}
 * turns it into a verified local file:
 * <ul>
 *   <li>downloads land in a content-addressed {@link io.github.bootimage.inputs.ContentCache}
 *       ({@code <root>/sha256/ab/abcd...}) through a temporary file, a hash check and an atomic move, under
 *       file locks, so bad bytes never enter it and parallel builds share it safely;</li>
 *   <li>inputs that are not fully pinned (a Debian package without version, a remote file without SHA-256) are
 *       resolved once and recorded in {@link io.github.bootimage.inputs.LockFile bootimage.lock};</li>
 *   <li>archives are read in-process: .deb = ar(5) with {@code data.tar.{xz,zst,gz}} (deb(5)), POSIX/GNU tar,
 *       cpio (newc/crc/odc); entries that escape the archive root are refused.</li>
 * </ul>
 * Debian packages come from the host's {@code apt-get download} (apt verifies them against the signed archive
 * indexes); Maven artifacts come from an {@link io.github.bootimage.inputs.ArtifactFetcher} the Maven layer
 * provides. Nothing here imports the Maven API.
 */
package io.github.bootimage.inputs;
