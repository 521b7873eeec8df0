package io.github.bootimage.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportWriterTest {
    @TempDir
    Path dir;

    /** Parses a report with the JDK's DOM parser, an independent reader of our XML. */
    static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    @Test
    void oneTestcasePerTargetWithConsoleAndFailure() throws Exception {
        Path xml = dir.resolve("TEST-bootimage.boot-test.xml");
        BootTarget bios = new BootTarget(Firmware.BIOS, Medium.CDROM);
        BootTarget uefi = new BootTarget(Firmware.UEFI, Medium.DISK);
        List<BootResult> results = List.of(
                new BootResult(bios, Optional.empty(), Duration.ofMillis(5300), "SeaBIOS <&> \u0001\n/ # ",
                        dir.resolve("bios-cdrom.log")),
                new BootResult(uefi, Optional.of(new BootFailure(BootFailure.Kind.KERNEL_PANIC, "step 1/4",
                        "boot target uefi-disk failed at step 1/4: kernel panic\nlast lines")), Duration.ofSeconds(9),
                        "Kernel panic - not syncing", dir.resolve("uefi-disk.log")));
        QemuHost host = new QemuHost(Path.of("/usr/bin/qemu-system-x86_64"), Accelerator.TCG,
                new OvmfLocator(dir, Optional.empty(), Optional.empty()));
        JUnitReportWriter.write(xml, "bootimage.boot-test", host, results);

        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("14.300");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("name")).isEqualTo("bios-cdrom");
        assertThat(first.getElementsByTagName("failure").getLength()).isZero();
        assertThat(first.getElementsByTagName("system-out").item(0).getTextContent())
                .isEqualTo("SeaBIOS <&> \uFFFD\n/ # ");
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("KERNEL_PANIC");
        assertThat(failure.getAttribute("message")).isEqualTo("boot target uefi-disk failed at step 1/4: kernel panic");
        assertThat(failure.getTextContent()).contains("last lines");
    }
}
