/**
 * BusyBox: checks and applet lists of a binary, and a reproducible, cached build of a static BusyBox from a
 * pinned upstream source tarball.
 *
 * <p>Specs: System V ABI and its AMD64 supplement (ELF header {@code e_ident}, {@code e_machine}, program
 * headers, {@code PT_INTERP}); BusyBox {@code docs/busybox.net/FAQ.html} ("--list-full", {@code busybox.links}
 * from {@code make busybox.links}); BusyBox's kconfig ({@code scripts/kconfig/conf.c}, {@code confdata.c}:
 * {@code make oldconfig} asks only for new symbols and exits on end of input; {@code SOURCE_DATE_EPOCH} sets
 * the banner date); the Reproducible Builds specification of {@code SOURCE_DATE_EPOCH}; GCC's
 * {@code -ffile-prefix-map}; RFC 4880 §5.2 / §11.4 (detached OpenPGP signatures) for the optional upstream
 * signature check.
 */
package io.github.bootimage.busybox;
