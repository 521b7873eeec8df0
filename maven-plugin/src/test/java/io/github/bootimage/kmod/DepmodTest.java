package io.github.bootimage.kmod;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.testing.KernelModuleTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Our index files against the ones kmod's depmod writes for the whole Debian tree, restricted to our selection. */
class DepmodTest {
    @Test
    void indexFilesAgreeWithKmodForTheRescueSets() throws Exception {
        ModuleSelection selection = ModuleSelector.select(ModuleSelectorTest.debian(), ModuleSelectorTest.RESCUE);
        Map<String, byte[]> ours = Depmod.indexFiles(selection);
        Path reference = KernelModuleTrees.depmodReference().resolve("lib/modules").resolve(KernelModuleTrees.release());
        Set<String> names = selection.modules().keySet();

        for (String file : List.of("modules.alias", "modules.softdep", "modules.symbols")) {
            List<String> kmod = Files.readAllLines(reference.resolve(file), StandardCharsets.UTF_8);
            TreeSet<String> expected = new TreeSet<>();
            for (String line : kmod.subList(1, kmod.size())) {
                String[] words = line.split(" ");
                String module = file.equals("modules.softdep") ? words[1] : words[words.length - 1];
                if (names.contains(module)) {
                    expected.add(line);
                }
            }
            List<String> lines = text(ours.get(file));
            assertThat(lines.get(0)).as(file).isEqualTo(kmod.get(0));
            assertThat(lines.subList(1, lines.size())).as(file).hasSizeGreaterThan(10)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(ours.get("modules.builtin")).isEqualTo(Files.readAllBytes(reference.resolve("modules.builtin")));
    }

    @Test
    void modulesDepListsWhatKmodListsInALoadableOrder() throws Exception {
        ModuleSelection selection = ModuleSelector.select(ModuleSelectorTest.debian(), ModuleSelectorTest.RESCUE);
        Path reference = KernelModuleTrees.depmodReference().resolve("lib/modules").resolve(KernelModuleTrees.release());
        Map<String, List<String>> kmod = dep(Files.readAllLines(reference.resolve("modules.dep")));
        Map<String, List<String>> ours = dep(text(Depmod.indexFiles(selection).get("modules.dep")));
        assertThat(ours).hasSize(selection.modules().size());
        for (Map.Entry<String, List<String>> e : ours.entrySet()) {
            assertThat(new TreeSet<>(e.getValue())).as(e.getKey()).isEqualTo(new TreeSet<>(kmod.get(e.getKey())));
            // modprobe loads from the end: every module after the ones it needs
            List<String> loadOrder = new ArrayList<>(e.getValue());
            java.util.Collections.reverse(loadOrder);
            Set<String> loaded = new HashSet<>();
            for (String m : loadOrder) {
                assertThat(loaded).as("%s: needs of %s loaded first", e.getKey(), m).containsAll(ours.get(m));
                loaded.add(m);
            }
        }
    }

    private static Map<String, List<String>> dep(List<String> lines) {
        Map<String, List<String>> deps = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            String rest = line.substring(colon + 1).trim();
            deps.put(line.substring(0, colon), rest.isEmpty() ? List.of() : Arrays.asList(rest.split(" ")));
        }
        return deps;
    }

    private static List<String> text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
