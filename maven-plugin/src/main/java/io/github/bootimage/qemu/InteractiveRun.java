package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Boots the image for a person at the terminal, as the classic recipe does by hand: the serial console on the
 * terminal (Ctrl-A x quits QEMU), a window only on request. QEMU is killed if Maven is stopped.
 */
public final class InteractiveRun {
    private final QemuHost host;
    private final Consumer<String> info;

    public InteractiveRun(QemuHost host, Consumer<String> info) {
        this.host = host;
        this.info = info;
    }

    /**
     * @param workDir where this run's copy of the OVMF variables goes
     * @return QEMU's exit code
     */
    public int run(QemuLaunch launch, boolean window, Path workDir) throws BootImageException {
        launch.validate();
        Path vars = workDir.resolve("run-" + launch.target().name() + ".OVMF_VARS.fd");
        Process qemu = null;
        try {
            Optional<OvmfFiles> firmware = Optional.empty();
            if (launch.target().firmware().isUefi()) {
                OvmfFiles installed = host.ovmf().locate(launch.target().firmware());
                Files.createDirectories(workDir);
                Files.copy(installed.varsTemplate(), vars, StandardCopyOption.REPLACE_EXISTING);
                vars.toFile().setWritable(true, true);
                firmware = Optional.of(new OvmfFiles(installed.code(), vars));
            }
            List<String> command = QemuCommandLine.build(host, launch, firmware, window
                    ? QemuCommandLine.Console.TERMINAL_AND_WINDOW : QemuCommandLine.Console.TERMINAL);
            info.accept("Starting " + String.join(" ", command));
            info.accept("QEMU: " + host.accelerator().description() + "; quit with Ctrl-A x");
            qemu = QemuProcesses.start(new ProcessBuilder(command).inheritIO());
            return qemu.waitFor();
        } catch (IOException e) {
            throw new BootImageException("cannot start QEMU (" + host.qemu() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException("interrupted; QEMU was stopped", e);
        } finally {
            if (qemu != null) {
                QemuProcesses.kill(qemu);
            }
            try {
                Files.deleteIfExists(vars);
            } catch (IOException ignored) {
                // a leftover variables copy under target/ does no harm
            }
        }
    }
}
