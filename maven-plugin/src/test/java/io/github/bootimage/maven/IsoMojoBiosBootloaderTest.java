package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** biosBootloader: the choice, and its default from the project's own menu files. */
class IsoMojoBiosBootloaderTest {
    @TempDir
    Path iso;

    @Test
    void defaultIsGrubOnlyWithAGrubCfgOfTheProjectAndNoIsolinuxCfg() throws Exception {
        assertThat(mojo(null).biosGrub()).as("no files of the project").isFalse();
        Files.createDirectories(iso.resolve("boot/grub"));
        Files.writeString(iso.resolve("boot/grub/grub.cfg"), "set timeout=0\n");
        assertThat(mojo(null).biosGrub()).as("only grub.cfg").isTrue();
        Files.createDirectories(iso.resolve("isolinux"));
        Files.writeString(iso.resolve("isolinux/isolinux.cfg"), "DEFAULT linux\n");
        assertThat(mojo(null).biosGrub()).as("grub.cfg and isolinux.cfg").isFalse();
        assertThat(mojo(" GRUB ").biosGrub()).as("set explicitly").isTrue();
        assertThat(mojo("isolinux").biosGrub()).isFalse();
    }

    @Test
    void anotherValueIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> mojo("syslinux").biosGrub()).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<biosBootloader>syslinux</biosBootloader>")
                .hasMessageContaining("-Dbootimage.iso.biosBootloader").hasMessageContaining("isolinux or grub");
    }

    private IsoMojo mojo(String biosBootloader) throws Exception {
        IsoMojo mojo = new IsoMojo(null, null);
        set(mojo, "biosBootloader", biosBootloader);
        set(mojo, "isoDirectory", new File(iso.toString()));
        return mojo;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = IsoMojo.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
