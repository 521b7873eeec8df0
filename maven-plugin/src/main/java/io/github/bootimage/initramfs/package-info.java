/**
 * The BusyBox initramfs: layout, PID 1 and the archive file.
 *
 * <p>Specs: Linux {@code Documentation/filesystems/ramfs-rootfs-initramfs.rst} (the kernel runs {@code /init}
 * of the initramfs as PID 1; {@code /dev/console} must exist before), {@code
 * Documentation/driver-api/early-userspace/buffer-format.rst}; BusyBox {@code examples/inittab},
 * {@code init/init.c} (inittab actions, SIGUSR2 = poweroff), {@code shell/cttyhack.c}.
 */
package io.github.bootimage.initramfs;
