/**
 * The live root: the initramfs {@code /init} that finds the boot medium, mounts its squashfs root under a tmpfs
 * overlay and switches to it, as Debian live-boot, dracut's dmsquash-live and archiso do. Kernel parameters
 * follow theirs where they exist (see docs/live-root.md).
 */
package io.github.bootimage.live;
