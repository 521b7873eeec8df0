package io.github.bootimage.boot.grub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.HostCommand;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our eltorito.img against grub-mkimage's on the same modules, config and prefix. */
class CoreImageTest {
    private static final int CORE = CoreImage.CDBOOT_SIZE + CoreImage.DISKBOOT_SIZE;
    private static GrubPcFiles files;

    @BeforeAll
    static void load() throws Exception {
        files = GrubPcFiles.fromArchive(GrubPc.deb());
    }

    @Test
    void sameLayoutAndSameDecodedCoreAsGrubMkimage(@TempDir Path tmp) throws Exception {
        GrubPc.requireTool("grub-mkimage");
        byte[] ours = CoreImage.eltorito(files, GrubBios.CORE_MODULES, GrubBios.EARLY_CONFIG, GrubBios.PREFIX);
        Path cfg = Files.writeString(tmp.resolve("early.cfg"), GrubBios.EARLY_CONFIG);
        Path out = tmp.resolve("eltorito.img");
        List<String> cmd = new ArrayList<>(List.of("grub-mkimage", "-O", "i386-pc-eltorito", "-d",
                GrubPc.directory().toString(), "-p", GrubBios.PREFIX, "-c", cfg.toString(), "-o", out.toString()));
        cmd.addAll(GrubBios.CORE_MODULES);
        HostCommand.Result r = HostCommand.run(cmd.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.output()).isZero();
        byte[] theirs = Files.readAllBytes(out);

        assertThat(Arrays.copyOf(ours, CoreImage.CDBOOT_SIZE)).isEqualTo(Arrays.copyOf(theirs, CoreImage.CDBOOT_SIZE));
        int decompressorSize = files.get("lzma_decompress.img").length;
        // diskboot.img: only its sector count differs (our LZMA stream has another length).
        assertThat(without(ours, CoreImage.CDBOOT_SIZE + 508, 2, CORE)).isEqualTo(without(theirs, CoreImage.CDBOOT_SIZE + 508, 2, CORE));
        assertThat(le16(ours, CoreImage.CDBOOT_SIZE + 508)).isEqualTo((ours.length - CORE + 511) / 512);
        // lzma_decompress.img: only the compressed size differs; the uncompressed size is the same.
        byte[] ourDecompressor = Arrays.copyOfRange(ours, CORE, CORE + decompressorSize);
        byte[] theirDecompressor = Arrays.copyOfRange(theirs, CORE, CORE + decompressorSize);
        assertThat(without(ourDecompressor, CoreImage.COMPRESSED_SIZE, 4, decompressorSize))
                .isEqualTo(without(theirDecompressor, CoreImage.COMPRESSED_SIZE, 4, decompressorSize));
        assertThat(le32(ourDecompressor, CoreImage.COMPRESSED_SIZE)).isEqualTo(ours.length - CORE - decompressorSize);
        int size = le32(theirDecompressor, CoreImage.UNCOMPRESSED_SIZE);
        byte[] ourCore = GrubPc.unlzma(Arrays.copyOfRange(ours, CORE + decompressorSize, ours.length), size);
        byte[] theirCore = GrubPc.unlzma(Arrays.copyOfRange(theirs, CORE + decompressorSize, theirs.length), size);
        assertThat(ourCore).hasSize(size).isEqualTo(theirCore);
    }

    @Test
    void coreIsKernelImgThenTheModulesConfigAndPrefix() throws Exception {
        byte[] ours = CoreImage.eltorito(files, GrubBios.CORE_MODULES, GrubBios.EARLY_CONFIG, GrubBios.PREFIX);
        int decompressorSize = files.get("lzma_decompress.img").length;
        byte[] core = GrubPc.unlzma(Arrays.copyOfRange(ours, CORE + decompressorSize, ours.length),
                le32(ours, CORE + CoreImage.UNCOMPRESSED_SIZE));
        byte[] kernel = KernelImage.load(files.get("kernel.img")).image();
        assertThat(Arrays.copyOf(core, kernel.length)).isEqualTo(kernel);
        // kernel.img's sections sit at their link address - 0x9000: .text starts the image.
        assertThat(Arrays.copyOf(kernel, 16)).isEqualTo(Arrays.copyOfRange(files.get("kernel.img"), 0x80, 0x90));
        ModuleSection section = ModuleSection.decode(Arrays.copyOfRange(core, kernel.length, core.length));
        List<String> order = ModuleDependencies.parse(new String(files.get("moddep.lst"))).resolve(GrubBios.CORE_MODULES);
        assertThat(order).startsWith("biosdisk", "fshelp", "iso9660").contains("search", "extcmd", "search_fs_file");
        assertThat(order.indexOf("extcmd")).isLessThan(order.indexOf("search"));
        assertThat(section.objects()).hasSize(order.size() + 2);
        for (int i = 0; i < order.size(); i++) {
            byte[] mod = files.get(order.get(i) + ".mod");
            assertThat(section.objects().get(i).type()).isEqualTo(ModuleSection.Type.ELF);
            assertThat(Arrays.copyOf(section.objects().get(i).data(), mod.length)).as(order.get(i)).isEqualTo(mod);
        }
        assertThat(new String(section.objects().get(order.size()).data())).startsWith(GrubBios.EARLY_CONFIG + "\0");
        assertThat(section.objects().get(order.size() + 1).type()).isEqualTo(ModuleSection.Type.PREFIX);
        assertThat(new String(section.objects().get(order.size() + 1).data())).startsWith("/boot/grub\0");
    }

    @Test
    void sameBytesOnEveryBuild() throws Exception {
        byte[] a = GrubBios.build(files).eltorito();
        byte[] b = GrubBios.build(GrubPcFiles.fromArchive(GrubPc.deb())).eltorito();
        assertThat(a).isEqualTo(b);
        assertThat(Arrays.hashCode(a)).isEqualTo(Arrays.hashCode(b));
    }

    @Test
    void aCoreTooBigForTheRealModeLoaderFailsClearly() throws Exception {
        List<String> all = files.runtimeFiles().keySet().stream().filter(n -> n.endsWith(".mod"))
                .map(n -> n.substring(0, n.length() - 4)).toList();
        assertThatThrownBy(() -> CoreImage.eltorito(files, all, GrubBios.EARLY_CONFIG, GrubBios.PREFIX))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("too big for GRUB's real-mode loader and El Torito")
                .hasMessageContaining("at most 454656 bytes")
                .hasMessageContaining("<biosBootloader>isolinux</biosBootloader>");
    }

    private static byte[] without(byte[] b, int at, int n, int length) {
        byte[] copy = Arrays.copyOf(b, length);
        Arrays.fill(copy, at, at + n, (byte) 0);
        return copy;
    }

    private static int le16(byte[] b, int at) {
        return Short.toUnsignedInt(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(at));
    }

    private static int le32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }
}
