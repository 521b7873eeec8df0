/**
 * Boot loaders: the one boot-menu model and its renderings for ISOLINUX (syslinux 6 {@code isolinux.cfg}
 * directives: SERIAL, DEFAULT, PROMPT, TIMEOUT, SAY, LABEL, KERNEL, INITRD, APPEND) and GRUB 2
 * ({@code grub.cfg}: serial, terminal_input/output, menuentry, linux, initrd).
 */
package io.github.bootimage.boot;
