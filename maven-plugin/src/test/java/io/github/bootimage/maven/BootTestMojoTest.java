package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.qemu.BootScript;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.BootTestRequest;
import io.github.bootimage.qemu.ExpectStep;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class BootTestMojoTest {
    private static final String POM = "classpath:/mojo/boot-test/pom.xml";
    private static final String DEFAULTS = "classpath:/mojo/defaults/pom.xml";

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    void mapsEveryParameterIntoTheRequest(BootTestMojo mojo) throws Exception {
        BootTestRequest r = mojo.request(8);

        assertThat(r.targets()).containsExactly(new BootTarget(Firmware.UEFI_SECUREBOOT, Medium.CDROM),
                new BootTarget(Firmware.BIOS, Medium.DISK), new BootTarget(Firmware.UEFI, Medium.KERNEL));
        assertThat(r.image()).contains(Path.of("/images/rescue.iso"));
        assertThat(r.kernel()).contains(Path.of("/images/vmlinuz"));
        assertThat(r.initrd()).contains(Path.of("/images/initrd.cpio.gz"));
        assertThat(r.cmdline()).isEqualTo("console=ttyS0 rdinit=/init");
        assertThat(r.memoryMib()).isEqualTo(768);
        assertThat(r.cpus()).isEqualTo(2);
        assertThat(r.extraArgs()).containsExactly("-rtc", "base=utc");
        assertThat(r.reportsDir()).isEqualTo(Path.of("/out/boot-test"));
        assertThat(r.parallelism()).isEqualTo(3);
        List<ExpectStep> steps = r.script().steps();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).expect().orElseThrow().pattern()).isEqualTo("READY");
        assertThat(steps.get(0).send()).contains("uname -r");
        assertThat(steps.get(0).timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(steps.get(1).send()).isEmpty();
        assertThat(steps.get(1).timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(steps.get(2).send()).contains("poweroff -f");
        assertThat(r.script().exitTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = DEFAULTS)
    @MojoParameter(name = "kernelVersion", value = "6.1.0-56-amd64")
    void defaultsAreBiosAndUefiCdromWithTheShellScript(BootTestMojo mojo) throws Exception {
        BootTestRequest r = mojo.request(2);

        assertThat(r.targets()).isEqualTo(BootTarget.DEFAULTS);
        assertThat(r.parallelism()).isEqualTo(1);
        assertThat(mojo.request(8).parallelism()).isEqualTo(4);
        BootScript script = r.script();
        assertThat(script.steps().get(0).expect().orElseThrow().pattern()).isEqualTo(BootScript.PROMPT);
        assertThat(script.steps().get(0).timeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(r.memoryMib()).isEqualTo(512);
        assertThat(r.cmdline()).isEmpty();
        assertThat(r.reportsDir().toString().replace('\\', '/')).endsWith("target/bootimage/boot-test");
        assertThat(r.image().orElseThrow().toString()).endsWith(".iso");
        assertThat(script.steps().get(0).send()).contains("uname -r");
        assertThat(script.steps().get(1).expectedGroup()).contains("6.1.0-56-amd64");
        assertThat(script.steps().get(2).send()).contains(BootScript.POWEROFF);
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    void unknownFirmwareIsAConfigurationError(BootTestMojo mojo) {
        mojo.targets = List.of(new Target("efi", "cdrom"));
        assertThatThrownBy(() -> mojo.request(2)).isInstanceOf(BootImageException.class)
                .hasMessageContaining("unknown firmware 'efi'").hasMessageContaining("uefi-secureboot");
    }

    /** The image and QEMU do not exist: only an early skip keeps execute() from failing. */
    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "qemu", value = "/nonexistent/qemu-system-x86_64")
    @MojoParameter(name = "skip", value = "true")
    void bootTestSkip(BootTestMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "qemu", value = "/nonexistent/qemu-system-x86_64")
    @MojoParameter(name = "skipITs", value = "true")
    void skipITs(BootTestMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "qemu", value = "/nonexistent/qemu-system-x86_64")
    @MojoParameter(name = "skipTests", value = "true")
    void skipTests(BootTestMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "qemu", value = "/nonexistent/qemu-system-x86_64")
    @MojoParameter(name = "skipAll", value = "true")
    void bootimageSkip(BootTestMojo mojo) throws Exception {
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "qemu", value = "/nonexistent/qemu-system-x86_64")
    void withoutSkipAMissingQemuFailsWithPackagesAndSkipHint(BootTestMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("apt-get install qemu-system-x86")
                .hasMessageContaining("-Dbootimage.bootTest.skip");
    }

    /** A host or configuration problem is not a failed test: MojoExecutionException, before anything boots. */
    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "accel", value = "hvf")
    void anUnknownAcceleratorIsAConfigurationError(BootTestMojo mojo) {
        mojo.qemu = "/bin/true";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown accelerator 'hvf'").hasMessageContaining("bootimage.accel");
    }

    /** OVMF that is not there: found before anything boots, and a build error, not a failed boot. */
    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    @MojoParameter(name = "accel", value = "tcg")
    void missingOvmfIsAConfigurationError(BootTestMojo mojo, @TempDir Path dir) throws Exception {
        mojo.qemu = "/bin/true";
        mojo.image = Files.writeString(dir.resolve("image.iso"), "").toFile();
        mojo.targets = List.of(new Target("uefi", "cdrom"));
        mojo.ovmfCode = dir.resolve("OVMF_CODE_4M.fd").toFile();
        mojo.ovmfVars = dir.resolve("OVMF_VARS_4M.fd").toFile();
        mojo.reportsDirectory = dir.resolve("reports").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("OVMF_CODE_4M.fd");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "boot-test", pom = POM)
    void anUnknownFirmwareFailsTheExecutionNotTheTest(BootTestMojo mojo) {
        mojo.targets = List.of(new Target("efi", "cdrom"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("unknown firmware 'efi'");
    }

    @Test
    @InjectMojo(goal = "run", pom = DEFAULTS)
    @MojoParameter(name = "firmware", value = "uefi")
    @MojoParameter(name = "medium", value = "kernel")
    @MojoParameter(name = "initrdFile", value = "/images/initrd.img")
    void runMapsItsOptionsAndUsesAllCoresByDefault(RunMojo mojo) throws Exception {
        var launch = mojo.launch(6);
        assertThat(launch.target()).isEqualTo(new BootTarget(Firmware.UEFI, Medium.KERNEL));
        assertThat(launch.memoryMib()).isEqualTo(4096);
        assertThat(launch.cpus()).isEqualTo(6);
        assertThat(launch.kernel()).isEqualTo(Optional.of(Path.of("/images/vmlinuz")));
        assertThat(launch.extraArgs()).isEmpty();
    }
}
