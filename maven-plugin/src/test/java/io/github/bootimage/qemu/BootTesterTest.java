package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.BootFixtures;
import io.github.bootimage.testing.DebianPackages;
import io.github.bootimage.testing.HostTools;
import io.github.bootimage.testing.QemuBoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Real boots in QEMU of fixtures made by independent tools (GNU cpio, xorriso, mkfs.vfat + mtools): each test
 * is one run of the tester, slow under software emulation, so the set is kept small.
 */
class BootTesterTest {
    private static final Duration BOOT = Duration.ofSeconds(300);
    private static final Duration STEP = Duration.ofSeconds(60);
    private static QemuHost host;
    private final List<String> logLines = new ArrayList<>();

    @BeforeAll
    static void host() throws Exception {
        HostTools.require("qemu-system-x86_64", "cpio", "gzip", "apt-get", "dpkg-deb");
        host = QemuBoot.host(Firmware.BIOS);
    }

    private BootTester tester() {
        return new BootTester(host, logLines::add);
    }

    private static Path reports(String name) {
        return Path.of("target", "boot-test-it", name).toAbsolutePath();
    }

    private static BootTestRequest kernelRequest(String name, Path initrd, BootScript script) throws IOException {
        return new BootTestRequest(List.of(new BootTarget(Firmware.BIOS, Medium.KERNEL)), Optional.empty(),
                Optional.of(DebianPackages.kernel()), Optional.of(initrd), "", 512, 1, List.of(), script,
                reports(name), "bootimage." + name, 1);
    }

    @Test
    void kernelMediumBootsToTheShellAndChecksTheRelease() throws Exception {
        Path initrd = BootFixtures.initramfs("shell", BootFixtures.SHELL_INIT);
        BootTestReport report = tester().run(kernelRequest("kernel",
                initrd, BootScript.defaults(Optional.of(BootFixtures.kernelRelease()), BOOT, STEP)));

        BootResult r = report.results().get(0);
        assertThat(r.passed()).isTrue();
        assertThat(r.console()).contains(BootFixtures.MARKER).contains(BootFixtures.kernelRelease());
        assertThat(Files.readString(r.log())).contains(BootFixtures.MARKER);
        assertThat(logLines.get(0)).contains(host.accelerator().description());
    }

    @Test
    void hybridIsoBootsAsCdromAndDiskWithBiosUefiAndSecureBoot() throws Exception {
        HostTools.require("xorriso", "mkfs.vfat", "mmd", "mcopy");
        Path iso = BootFixtures.hybridIso();
        String before = sha256(iso);
        List<BootTarget> targets = List.of(new BootTarget(Firmware.BIOS, Medium.CDROM),
                new BootTarget(Firmware.UEFI, Medium.CDROM), new BootTarget(Firmware.UEFI_SECUREBOOT, Medium.CDROM),
                new BootTarget(Firmware.BIOS, Medium.DISK), new BootTarget(Firmware.UEFI, Medium.DISK));
        BootTestRequest request = new BootTestRequest(targets, Optional.of(iso), Optional.empty(), Optional.empty(),
                "", 512, 1, List.of(), BootScript.defaults(Optional.of(BootFixtures.kernelRelease()), BOOT, STEP),
                reports("iso"), "bootimage.iso", 2);

        BootTestReport report = tester().runAll(request);

        assertThat(report.results()).allSatisfy(r -> assertThat(r.failure()).as(r.target().name()).isEmpty());
        assertThat(console(report, "uefi-secureboot-cdrom")).contains("Secure boot enabled");
        assertThat(console(report, "uefi-cdrom")).doesNotContain("Secure boot enabled");
        assertThat(console(report, "bios-cdrom")).contains("ISOLINUX");
        assertThat(sha256(iso)).as("disk boots use a snapshot").isEqualTo(before);
        for (BootTarget t : targets) {
            assertThat(reports("iso").resolve(t.name() + ".log")).content().contains(BootFixtures.MARKER);
            assertThat(reports("iso").resolve(t.name() + ".OVMF_VARS.fd")).doesNotExist();
        }
        Element suite = JUnitReportWriterTest.parse(report.junitXml()).getDocumentElement();
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).containsExactlyElementsOf(targets.stream().map(BootTarget::name).toList());
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(report.junitXml().getFileName().toString()).isEqualTo("TEST-bootimage.iso.xml");
    }

    @Test
    void initWithoutMarkerFailsWithinItsTimeoutWithTheConsoleTailAndNoQemuLeft() throws Exception {
        Path initrd = BootFixtures.initramfs("silent", BootFixtures.SILENT_INIT);
        BootScript script = new BootScript(List.of(ExpectStep.expect(BootFixtures.MARKER, Duration.ofSeconds(40))),
                STEP);
        long start = System.nanoTime();

        assertThatThrownBy(() -> tester().run(kernelRequest("silent", initrd, script)))
                .isInstanceOf(BootImageException.class)
                .hasMessageContaining("boot target bios-kernel failed at step 1/1")
                .hasMessageContaining("within 40 s")
                .hasMessageContaining("fixture init: sleeping")
                .hasMessageContaining(reports("silent").resolve("bios-kernel.log").toString())
                .hasMessageContaining("last 40 console lines");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40 + 30));
        assertThat(qemuProcessesUsing(initrd)).isEmpty();
        assertThat(QemuProcesses.live()).isEmpty();
    }

    @Test
    void initThatExitsIsReportedAsKernelPanic() throws Exception {
        Path initrd = BootFixtures.initramfs("exiting", BootFixtures.EXITING_INIT);
        BootTestReport report = tester().runAll(kernelRequest("panic", initrd,
                BootScript.defaults(Optional.empty(), BOOT, STEP)));

        BootFailure failure = report.results().get(0).failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(BootFailure.Kind.KERNEL_PANIC);
        assertThat(failure.message()).contains("kernel panic: ").contains("Attempted to kill init");
        assertThat(qemuProcessesUsing(initrd)).isEmpty();
    }

    private static String console(BootTestReport report, String target) {
        return report.results().stream().filter(r -> r.target().name().equals(target)).findFirst().orElseThrow()
                .console();
    }

    private static List<String> qemuProcessesUsing(Path file) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("qemu-system-x86_64") && c.contains(file.toString()))
                .collect(Collectors.toList());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
