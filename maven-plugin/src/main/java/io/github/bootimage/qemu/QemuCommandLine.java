package io.github.bootimage.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the qemu-system-x86_64 argument list for a launch. */
public final class QemuCommandLine {
    /** Where the guest's serial console goes and whether a window opens. */
    public enum Console {
        /** Serial on stdin/stdout pipes for the expect script; no window, no monitor, no reboot loops. */
        PIPES,
        /** Serial (multiplexed with the monitor: Ctrl-A x quits) on the user's terminal, no window. */
        TERMINAL,
        /** Serial on the terminal and QEMU's graphical window. */
        TERMINAL_AND_WINDOW
    }

    private QemuCommandLine() {
    }

    /**
     * @param firmware the OVMF code and this run's own writable copy of the variables (UEFI targets only)
     */
    public static List<String> build(QemuHost host, QemuLaunch launch, Optional<OvmfFiles> firmware,
                                     Console console) {
        List<String> args = new ArrayList<>();
        args.add(host.qemu().toString());
        args.addAll(List.of("-accel", host.accelerator().qemuName()));
        if (host.accelerator() == Accelerator.KVM) {
            args.addAll(List.of("-cpu", "host"));
        }
        args.addAll(List.of("-m", Integer.toString(launch.memoryMib()), "-smp", Integer.toString(launch.cpus())));
        firmware(args, launch.target().firmware(), firmware);
        medium(args, launch);
        console(args, console);
        if (console != Console.PIPES && launch.target().medium() == Medium.KERNEL) {
            // With panic=-1 a panicking kernel reboots at once; without this QEMU would boot it again, forever.
            args.add("-no-reboot");
        }
        args.addAll(launch.extraArgs());
        return args;
    }

    private static void firmware(List<String> args, Firmware fw, Optional<OvmfFiles> files) {
        if (fw == Firmware.UEFI_SECUREBOOT) {
            // The Secure Boot build of OVMF keeps its variables in SMM: it needs q35 with SMM and a flash that
            // only SMM may write, or it refuses to start.
            args.addAll(List.of("-machine", "q35,smm=on", "-global", "driver=cfi.pflash01,property=secure,value=on"));
        }
        if (fw.isUefi()) {
            OvmfFiles f = files.orElseThrow(() -> new IllegalArgumentException(fw.id() + " needs OVMF files"));
            args.addAll(List.of("-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + escape(f.code())));
            args.addAll(List.of("-drive", "if=pflash,format=raw,unit=1,file=" + escape(f.varsTemplate())));
        }
    }

    private static void medium(List<String> args, QemuLaunch launch) {
        switch (launch.target().medium()) {
            case CDROM:
                args.addAll(List.of("-cdrom", launch.image().orElseThrow().toString(), "-boot", "d"));
                break;
            case DISK:
                // snapshot=on: writes go to a temporary overlay, the built image stays as it was built.
                args.addAll(List.of("-drive", "file=" + escape(launch.image().orElseThrow())
                        + ",format=raw,if=virtio,snapshot=on"));
                break;
            case KERNEL:
                args.addAll(List.of("-kernel", launch.kernel().orElseThrow().toString()));
                launch.initrd().ifPresent(i -> args.addAll(List.of("-initrd", i.toString())));
                args.addAll(List.of("-append", launch.effectiveCmdline()));
                break;
            default:
                throw new IllegalStateException(launch.target().medium().name());
        }
    }

    private static void console(List<String> args, Console console) {
        switch (console) {
            case PIPES:
                // -no-reboot: a reboot (panic=-1, reboot -f) ends QEMU instead of looping through the firmware.
                // -nic none: the default NIC's PXE ROM only slows down the firmware's boot order here.
                args.addAll(List.of("-display", "none", "-serial", "stdio", "-monitor", "none",
                        "-no-reboot", "-nic", "none"));
                break;
            case TERMINAL:
                args.addAll(List.of("-display", "none", "-serial", "mon:stdio"));
                break;
            case TERMINAL_AND_WINDOW:
                args.addAll(List.of("-serial", "mon:stdio"));
                break;
            default:
                throw new IllegalStateException(console.name());
        }
    }

    /** QEMU's option syntax separates key=value pairs with commas; a comma inside a value is written twice. */
    static String escape(Path path) {
        return path.toString().replace(",", ",,");
    }
}
