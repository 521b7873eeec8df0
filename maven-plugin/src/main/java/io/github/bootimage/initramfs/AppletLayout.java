package io.github.bootimage.initramfs;

/** Where the applet symlinks go. */
public enum AppletLayout {
    /** Each applet in the directory BusyBox names ({@code bin}, {@code sbin}, {@code usr/bin}, ...). */
    OWN_DIRECTORIES,
    /** Every applet in {@code /bin}, as in the classic hand-made initramfs. */
    ALL_IN_BIN
}
