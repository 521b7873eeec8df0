/**
 * Byte and file primitives shared by every format and by the input and build layers: one place for each rule.
 * <ul>
 *   <li>{@link io.github.bootimage.io.AtomicOutput}: an output file appears whole or not at all (temporary
 *       sibling, {@code ATOMIC_MOVE}, the temporary file deleted on every failure path, mode 0644).</li>
 *   <li>{@link io.github.bootimage.io.Sha256}: SHA-256 (FIPS 180-4) of a file, a stream, bytes or text, as
 *       lowercase hex.</li>
 *   <li>{@link io.github.bootimage.io.CountingOutputStream}: how many bytes went through, for writers that
 *       check they land on planned offsets.</li>
 * </ul>
 * The exact copy of a planned {@link io.github.bootimage.model.Content} (fail when the input changed) lives
 * beside {@code Content} as {@link io.github.bootimage.model.ContentReader}.
 *
 * <p>A leaf: this package imports only the JDK and {@link io.github.bootimage.BootImageException}. It reads no
 * clock, randomness or environment ({@code LayeringTest} checks both).
 */
package io.github.bootimage.io;
