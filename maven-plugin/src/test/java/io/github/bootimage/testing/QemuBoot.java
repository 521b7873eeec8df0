package io.github.bootimage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.BootImageException;
import io.github.bootimage.qemu.AcceleratorChoice;
import io.github.bootimage.qemu.BootResult;
import io.github.bootimage.qemu.BootScript;
import io.github.bootimage.qemu.BootTarget;
import io.github.bootimage.qemu.BootTestRequest;
import io.github.bootimage.qemu.BootTester;
import io.github.bootimage.qemu.ExpectStep;
import io.github.bootimage.qemu.Firmware;
import io.github.bootimage.qemu.Medium;
import io.github.bootimage.qemu.OvmfLocator;
import io.github.bootimage.qemu.QemuHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One boot of one target in a test, through the plugin's own {@link BootTester}: its QEMU command line, its
 * console script and its killing of QEMU on every path. Aborts (skips) the test when QEMU, or OVMF for a UEFI
 * target, is not installed.
 */
public final class QemuBoot {
    /** Generous for software emulation on a loaded machine. */
    public static final Duration TIMEOUT = Duration.ofMinutes(3);

    private QemuBoot() {
    }

    /** Boots {@code kernel} + {@code initrd} directly (BIOS, medium kernel); logs and report go to {@code dir}. */
    public static BootResult kernel(Path kernel, Path initrd, String cmdline, BootScript script, Path dir) {
        return boot(new BootTarget(Firmware.BIOS, Medium.KERNEL), Optional.empty(), Optional.of(kernel),
                Optional.of(initrd), cmdline, script, dir);
    }

    /** Boots {@code image} as a CD-ROM or disk with the given firmware. */
    public static BootResult image(Firmware firmware, Medium medium, Path image, BootScript script, Path dir) {
        return boot(new BootTarget(firmware, medium), Optional.of(image), Optional.empty(), Optional.empty(), "",
                script, dir);
    }

    /** Boots {@code image} with more memory and extra QEMU arguments (disks, NICs, a QMP socket). */
    public static BootResult image(Firmware firmware, Medium medium, Path image, int memoryMib, List<String> extraArgs,
                                   BootScript script, Path dir) {
        QemuHost host = host(firmware);
        BootTestRequest request = new BootTestRequest(List.of(new BootTarget(firmware, medium)), Optional.of(image),
                Optional.empty(), Optional.empty(), "", memoryMib, 1, extraArgs, script, dir, "test", 1);
        try {
            return new BootTester(host, line -> { }).runAll(request).results().get(0);
        } catch (BootImageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Waits for each text in turn (literally, not a regex) and types the line after it; then QEMU must exit. */
    public static BootScript untilPoweroff(String... expectThenSend) {
        return new BootScript(steps(expectThenSend), TIMEOUT);
    }

    /** Waits for the text, then stops QEMU: for a guest that never powers off (a boot loader). */
    public static BootScript untilText(String text) {
        return BootScript.untilLastStep(steps(text));
    }

    /** Asserts that the boot passed (else fails with the tester's message: step, reason, console tail, log). */
    public static String passedConsole(BootResult result) {
        assertThat(result.passed()).as("%s", result.failure().map(f -> f.message()).orElse("")).isTrue();
        return result.console();
    }

    /** Pairs of (text, line to send); an odd last element is a text with nothing sent. */
    private static List<ExpectStep> steps(String... expectThenSend) {
        List<ExpectStep> steps = new ArrayList<>();
        for (int i = 0; i < expectThenSend.length; i += 2) {
            String text = expectThenSend[i];
            Optional<String> send = i + 1 < expectThenSend.length
                    ? Optional.of(expectThenSend[i + 1]) : Optional.empty();
            steps.add(new ExpectStep("expect '" + text + "'" + send.map(l -> ", then send '" + l + "'").orElse(""),
                    Optional.of(Pattern.compile(Pattern.quote(text))), TIMEOUT, send, Optional.empty()));
        }
        return steps;
    }

    private static BootResult boot(BootTarget target, Optional<Path> image, Optional<Path> kernel,
                                   Optional<Path> initrd, String cmdline, BootScript script, Path dir) {
        QemuHost host = host(target.firmware());
        BootTestRequest request = new BootTestRequest(List.of(target), image, kernel, initrd, cmdline, 512, 1,
                List.of(), script, dir, "test", 1);
        try {
            return new BootTester(host, line -> { }).runAll(request).results().get(0);
        } catch (BootImageException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * The host every test boot uses: QEMU from the PATH, the accelerator chosen as the plugin chooses it
     * ({@code -Dbootimage.accel=auto|kvm|tcg}, default auto), OVMF where the distribution installs it.
     */
    public static QemuHost host(Firmware firmware) {
        try {
            QemuHost host = QemuHost.discover("qemu-system-x86_64", System.getenv("PATH"),
                    AcceleratorChoice.parse(System.getProperty("bootimage.accel", "auto")),
                    new OvmfLocator(Path.of("/"), Optional.empty(), Optional.empty()));
            if (firmware.isUefi()) {
                host.ovmf().locate(firmware);
            }
            return host;
        } catch (BootImageException e) {
            return HostTools.missing(e.getMessage(), firmware.isUefi() ? "qemu-system-x86 ovmf" : "qemu-system-x86");
        }
    }
}
