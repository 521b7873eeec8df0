/**
 * Builds a static BusyBox from a pinned upstream source tarball, reproducibly and cached.
 *
 * <p>References: BusyBox's kconfig ({@code scripts/kconfig/conf.c}, {@code confdata.c}: {@code make oldconfig}
 * asks only for new symbols and exits on end of input; {@code SOURCE_DATE_EPOCH} sets the banner date),
 * the Reproducible Builds specification of {@code SOURCE_DATE_EPOCH}
 * (https://reproducible-builds.org/specs/source-date-epoch/), GCC's {@code -ffile-prefix-map},
 * RFC 4880 §5.2 / §11.4 (detached OpenPGP signatures) for the optional upstream signature check.
 */
package io.github.bootimage.busybox;
