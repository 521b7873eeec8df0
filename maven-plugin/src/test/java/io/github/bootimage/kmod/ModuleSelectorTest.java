package io.github.bootimage.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.KernelModuleTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Selection and closure over Debian's real module tree, compared with kmod's modprobe on the same tree. */
class ModuleSelectorTest {
    static final List<String> RESCUE = List.of("storage", "usb", "filesystems", "network");

    private static ModuleTree tree;

    /** One indexed tree for the class: the .modinfo it has read stays read. */
    static synchronized ModuleTree debian() throws Exception {
        if (tree == null) {
            tree = ModuleTree.open(KernelModuleTrees.debian(), KernelModuleTrees.release());
        }
        return tree;
    }

    @Test
    void kernelReleaseComesFromTheBzImageHeader() throws Exception {
        assertThat(KernelRelease.of(DebianPackages.kernel())).isEqualTo(KernelModuleTrees.release());
    }

    @Test
    void closureOfTheRescueSetsEqualsKmodShowDepends() throws Exception {
        ModuleTree tree = debian();
        ModuleSelection selection = ModuleSelector.select(tree, RESCUE);
        List<String> roots = new ArrayList<>();
        selection.reasons().forEach((name, why) -> {
            if (why.startsWith("set ")) {
                roots.add(name);
            }
        });
        // kmod 30 honours only a module's first softdep= line (btrfs has four); we honour all of them, so the
        // aliases of the others are asked of kmod too.
        selection.modules().values().forEach(m -> {
            List<String> lines = m.data().info().softdep();
            for (String extra : lines.subList(Math.min(1, lines.size()), lines.size())) {
                roots.addAll(List.of(extra.replace("pre:", "").replace("post:", "").trim().split("\\s+")));
            }
        });
        Path reference = KernelModuleTrees.depmodReference();
        TreeSet<String> kmod = new TreeSet<>(KernelModuleTrees.showDepends(reference, roots));
        TreeSet<String> ours = new TreeSet<>();
        selection.modules().values().forEach(s -> ours.add(s.file().installedPath()));
        TreeSet<String> onlyOurs = new TreeSet<>(ours);
        onlyOurs.removeAll(kmod);
        TreeSet<String> onlyKmod = new TreeSet<>(kmod);
        onlyKmod.removeAll(ours);
        assertThat(onlyOurs).as("selected by us, not by kmod").isEmpty();
        assertThat(onlyKmod).as("selected by kmod, not by us").isEmpty();
        assertThat(ours).hasSizeGreaterThan(250);
    }

    @Test
    void ext4BringsItsDependenciesAndTheCrc32cSoftdep() throws Exception {
        ModuleSelection s = ModuleSelector.select(debian(), List.of("ext4"));
        assertThat(s.modules().keySet()).containsExactlyInAnyOrder("ext4", "jbd2", "mbcache", "crc16",
                "crc32c_generic", "crc32c_intel");
        assertThat(s.reasons()).containsEntry("ext4", "requested").containsEntry("jbd2", "depends of ext4")
                .containsEntry("crc32c_generic", "softdep of ext4");
    }

    @Test
    void dashAndUnderscoreAreTheSameAndGlobsSelectByPath() throws Exception {
        ModuleTree tree = debian();
        assertThat(ModuleSelector.select(tree, List.of("usb-storage")).modules())
                .isEqualTo(ModuleSelector.select(tree, List.of("usb_storage")).modules());
        ModuleSelection glob = ModuleSelector.select(tree, List.of("kernel/drivers/usb/storage/**"));
        assertThat(glob.modules()).containsKeys("usb_storage", "uas", "ums_realtek", "usbcore", "scsi_mod");
        assertThat(ModuleSelector.select(tree, List.of("dm-*")).modules()).containsKeys("dm_mod", "dm_crypt");
    }

    @Test
    void builtinModulesAreSatisfiedWithoutAFile() throws Exception {
        ModuleSelection s = ModuleSelector.select(debian(), List.of("af_packet", "ext4"));
        assertThat(s.builtin()).containsExactly("af_packet");
        assertThat(s.modules()).doesNotContainKey("af_packet");
    }

    @Test
    void setNamesAreNoModuleNames() throws Exception {
        ModuleTree tree = debian();
        for (ModuleSet set : ModuleSet.values()) {
            assertThat(tree.module(set.id())).as(set.id()).isEmpty();
        }
        assertThat(ModuleSelector.select(tree, List.of("all")).modules()).hasSameSizeAs(tree.modules());
    }

    @Test
    void anUnknownModuleFailsWithTheClosestNames() {
        assertThatThrownBy(() -> ModuleSelector.select(debian(), List.of("nvmee")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("<module>nvmee</module>")
                .hasMessageContaining("no such module").hasMessageContaining("closest names: nvme");
        assertThatThrownBy(() -> ModuleSelector.select(debian(), List.of("usbstorage")))
                .hasMessageContaining("usb_storage");
    }

    @Test
    void aGlobMatchingNothingFails() throws Exception {
        assertThatThrownBy(() -> ModuleSelector.select(debian(), List.of("kernel/drivers/usb/storgae/**")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("matches no module of kernel "
                        + KernelModuleTrees.release());
    }

    @Test
    void modulesOfAnotherReleaseFailNamingBoth() throws Exception {
        Path cloud = KernelModuleTrees.of("linux-image-6.1.0-57-cloud-amd64");
        String release = KernelModuleTrees.release();
        ModuleTree mismatched = ModuleTree.open(cloud, release);
        assertThatThrownBy(() -> ModuleSelector.select(mismatched, List.of("xfs")))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("built for kernel release " + cloud.getFileName())
                .hasMessageContaining("the kernel is release " + release);
    }

    @Test
    void theOrderOfEntriesDoesNotChangeTheIndexFiles() throws Exception {
        ModuleTree tree = debian();
        Map<String, byte[]> a = Depmod.indexFiles(ModuleSelector.select(tree, List.of("ext4", "nvme", "usb")));
        Map<String, byte[]> b = Depmod.indexFiles(ModuleSelector.select(debian(), List.of("usb", "nvme", "ext4")));
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }
}
