/**
 * Checks and applet lists of a BusyBox binary.
 *
 * <p>Specs: System V ABI and its AMD64 supplement (ELF header {@code e_ident}, {@code e_machine},
 * program headers, {@code PT_INTERP}); BusyBox {@code docs/busybox.net/FAQ.html} ("--list-full",
 * {@code busybox.links} from {@code make busybox.links}).
 */
package io.github.bootimage.busybox;
