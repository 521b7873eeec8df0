package io.github.bootimage.initramfs;

/** What runs as PID 1 unless the user supplies an {@code /init}. */
public enum InitSystem {
    /** BusyBox init with a generated {@code /etc/inittab} and {@code /etc/init.d/rcS}. */
    BUSYBOX_INIT,
    /** The classic script: mounts, printk, {@code exec /bin/sh}. */
    MINIMAL_SCRIPT
}
