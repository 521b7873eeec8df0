/**
 * Kernel modules for an image: which modules, their dependency closure, and the index files the on-target
 * {@code modprobe} reads. Knows nothing of Maven or of image formats; callers add the result to a
 * {@link io.github.bootimage.model.FileTree}.
 *
 * <p>Typical use (the initramfs, the live root and the package layer use the same calls):
 * <pre>{@code
 * ModuleTree tree = ModuleTree.open(dir.resolve("lib/modules/" + release), release);
 * ModuleSelection selection = ModuleSelector.select(tree, List.of("storage", "ext4"));
 * new KernelModules(selection, Firmware.none()).addTo(fileTree);
 * }</pre>
 *
 * <p>Specs and sources followed:
 * <ul>
 *   <li>System V ABI, ELF (gABI 4.1, "Sections"): the section header table and {@code .shstrtab}.</li>
 *   <li>Linux 6.1 {@code include/linux/module.h}, {@code scripts/mod/modpost.c}: the {@code .modinfo} section,
 *       NUL-separated {@code key=value} ({@code name}, {@code depends}, {@code softdep}, {@code alias},
 *       {@code firmware}, {@code vermagic}); {@code __ksymtab_strings}: names of exported symbols.</li>
 *   <li>Linux {@code Documentation/x86/boot.rst} (boot protocol 2.0+): {@code kernel_version} at 0x20E, a
 *       pointer (minus 0x200) to the version string whose first word is the release.</li>
 *   <li>kmod 30 {@code depmod(8)}, {@code modules.dep(5)}, {@code modprobe.d(5)}: the text formats of
 *       {@code modules.dep}, {@code modules.alias}, {@code modules.softdep}, {@code modules.symbols}.</li>
 *   <li>BusyBox 1.35 {@code modutils/modprobe.c}: reads {@code modules.dep} (the whole dependency list of each
 *       module, loaded last to first), {@code modules.alias}, {@code modules.symbols}, {@code modules.builtin};
 *       it ignores softdeps, which the kernel's {@code request_module} then loads through the aliases.</li>
 * </ul>
 */
package io.github.bootimage.kmod;
