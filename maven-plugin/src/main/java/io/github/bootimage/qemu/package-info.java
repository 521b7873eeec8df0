/**
 * Booting images in QEMU: firmware discovery (SeaBIOS; OVMF from the edk2 project, with Secure Boot via the
 * SMM build and Microsoft-enrolled variables), the qemu-system-x86_64 command line (QEMU System Emulation
 * User's Guide, "Invocation"), the serial console with an expect-style script, and JUnit XML reports in
 * the Ant/Surefire format.
 *
 * <p>Entry points: {@link io.github.bootimage.qemu.BootTester} for the headless {@code boot-test} goal,
 * {@link io.github.bootimage.qemu.InteractiveRun} for {@code run}. Every QEMU started here is killed on every
 * path, including JVM shutdown.
 */
package io.github.bootimage.qemu;
