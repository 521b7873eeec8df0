package io.github.bootimage.kmod;

import java.util.List;

/**
 * What the build reads from one module file.
 *
 * @param info     its {@code .modinfo}
 * @param symbols  the symbols it exports ({@code __ksymtab_strings}), for {@code modules.symbols}
 * @param size     its uncompressed size: the bytes that go into the image
 */
public record ModuleData(ModInfo info, List<String> symbols, long size) {
    public ModuleData {
        symbols = List.copyOf(symbols);
    }
}
