package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.busybox.Applets;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.qemu.QemuLaunch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error messages name the parameter (as the POM spells it), its property and the value, and say how to fix it. */
@MojoTest
class MessagesTest {
    private static final String DEFAULTS = "classpath:/mojo/defaults/pom.xml";

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "boot-test", pom = DEFAULTS)
    @MojoParameter(name = "memory", value = "8")
    void bootTestMemoryNamesParameterPropertyAndValue(BootTestMojo mojo) {
        assertThatThrownBy(() -> mojo.request(2)).isInstanceOf(BootImageException.class)
                .hasMessage("<memory>8</memory> (-Dbootimage.bootTest.memory=8) must be at least 16 (MiB)");
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = DEFAULTS)
    @MojoParameter(name = "parallel", value = "0")
    void bootTestParallelNamesParameterAndProperty(BootTestMojo mojo) {
        assertThatThrownBy(() -> mojo.request(2)).hasMessageContaining("<parallel>0</parallel>")
                .hasMessageContaining("-Dbootimage.bootTest.parallel=0");
    }

    @Test
    @InjectMojo(goal = "run", pom = DEFAULTS)
    @MojoParameter(name = "cpus", value = "0")
    void runCpusNamesParameterAndProperty(RunMojo mojo) {
        assertThatThrownBy(() -> mojo.launch(4)).isInstanceOf(BootImageException.class)
                .hasMessage("<cpus>0</cpus> (-Dbootimage.run.cpus=0) must be at least 1");
    }

    @Test
    void aMissingKernelFileNamesKernelFileAndNoMavenPackage() {
        QemuLaunch launch = new QemuLaunch(new BootTarget(Firmware.BIOS, Medium.KERNEL), Optional.empty(),
                Optional.of(dir.resolve("bzImage")), Optional.of(dir.resolve("initrd")), "", 512, 1, List.of());
        assertThatThrownBy(launch::validate).hasMessageContaining("<kernelFile>")
                .hasMessageContaining("bootimage.kernelFile").hasMessageContaining(dir.resolve("bzImage").toString())
                .hasMessageNotContaining("mvn package").hasMessageNotContaining("<kernel>");
    }

    @Test
    void aMissingInitrdFileNamesInitrdFile() throws Exception {
        Path kernel = Files.writeString(dir.resolve("bzImage"), "k");
        QemuLaunch launch = new QemuLaunch(new BootTarget(Firmware.BIOS, Medium.KERNEL), Optional.empty(),
                Optional.of(kernel), Optional.of(dir.resolve("initrd")), "", 512, 1, List.of());
        assertThatThrownBy(launch::validate).hasMessageContaining("<initrdFile>")
                .hasMessageContaining("bootimage.initrdFile").hasMessageNotContaining("<initrd>");
    }

    @Test
    void aMissingLinksFileNamesBusyboxLinks() {
        assertThatThrownBy(() -> Applets.fromLinksFile(dir.resolve("busybox.links")))
                .hasMessageContaining("<busyboxLinks>").hasMessageNotContaining("appletLinks");
    }

    @Test
    void aFileEntryWithoutSourceSaysSo() throws Exception {
        InitramfsEntry entry = new InitramfsEntry();
        set(entry, "type", "file");
        set(entry, "path", "/etc/shadow");
        assertThatThrownBy(entry::toEntry).isInstanceOf(MojoExecutionException.class)
                .hasMessage("initramfs <entry> /etc/shadow: a file needs <source> (the file to copy; relative paths "
                        + "start at the project directory).");
    }

    @Test
    void severalInitramfsArchivesAreNamed() throws Exception {
        MavenProject project = new MavenProject();
        Build build = new Build();
        build.setDirectory(dir.toString());
        build.setFinalName("rescue-1.0");
        project.setBuild(build);
        assertThat(ImageFiles.findInitramfs(project)).isEmpty();
        Files.writeString(dir.resolve("rescue-1.0-initramfs.cpio.gz"), "");
        assertThat(ImageFiles.findInitramfs(project)).contains(dir.resolve("rescue-1.0-initramfs.cpio.gz"));
        Files.writeString(dir.resolve("rescue-1.0-initramfs.cpio.zst"), "");
        assertThatThrownBy(() -> ImageFiles.findInitramfs(project)).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("rescue-1.0-initramfs.cpio.gz, rescue-1.0-initramfs.cpio.zst")
                .hasMessageContaining("mvn clean package");
    }

    @Test
    @InjectMojo(goal = "iso", pom = DEFAULTS)
    @MojoParameter(name = "kernelPath", value = "boot/vmlinuz")
    void aRelativeKernelPathIsNamed(IsoMojo mojo) {
        assertThatThrownBy(mojo::validate).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("<kernelPath>boot/vmlinuz</kernelPath> must be an absolute path");
    }

    @Test
    @InjectMojo(goal = "iso", pom = DEFAULTS)
    @MojoParameter(name = "bios", value = "false")
    void hybridWithoutBiosWarns(IsoMojo mojo) throws Exception {
        List<String> warnings = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        mojo.validate();
        assertThat(warnings).singleElement().asString().startsWith("<hybrid> is ignored because <bios> is false");
    }

    private static void set(Object target, String field, Object value) throws Exception {
        var f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
