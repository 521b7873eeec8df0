package io.github.bootimage.qemu;

import io.github.bootimage.BootImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Boots every target of a request (several at once when allowed), writes the JUnit report, and fails with the
 * messages of the targets that failed.
 */
public final class BootTester {
    /** How often a long wait prints what it is waiting for. */
    static final Duration HEARTBEAT = Duration.ofSeconds(60);

    private final QemuHost host;
    private final Consumer<String> info;
    private final Duration heartbeat;

    /** @param info where progress lines go (the Maven log) */
    public BootTester(QemuHost host, Consumer<String> info) {
        this(host, info, HEARTBEAT);
    }

    BootTester(QemuHost host, Consumer<String> info, Duration heartbeat) {
        this.host = host;
        this.info = info;
        this.heartbeat = heartbeat;
    }

    /**
     * The configuration errors, found before anything boots: a file a medium needs is missing, or the firmware
     * of a UEFI target is not installed.
     */
    public void check(BootTestRequest request) throws BootImageException {
        for (BootTarget target : request.targets()) {
            request.launch(target).validate();
            if (target.firmware().isUefi()) {
                host.ovmf().locate(target.firmware());
            }
        }
    }

    /** Boots all targets, writes the report, and throws if any target failed. */
    public BootTestReport run(BootTestRequest request) throws BootImageException {
        BootTestReport report = runAll(request);
        List<BootResult> failed = report.results().stream().filter(r -> !r.passed()).toList();
        if (!failed.isEmpty()) {
            throw new BootImageException(failed.size() + " of " + report.results().size() + " boot targets failed ("
                    + failed.stream().map(r -> r.target().name()).collect(Collectors.joining(", "))
                    + "); report: " + report.junitXml() + "\n\n"
                    + failed.stream().map(r -> r.failure().orElseThrow().message())
                    .collect(Collectors.joining("\n\n")));
        }
        return report;
    }

    /** Boots all targets and writes the report; failures are in the results. */
    public BootTestReport runAll(BootTestRequest request) throws BootImageException {
        check(request);
        try {
            Files.createDirectories(request.reportsDir());
        } catch (IOException e) {
            throw new BootImageException("cannot create the boot test directory " + request.reportsDir(), e);
        }
        info.accept("Booting " + request.targets() + " with " + host.qemu() + ", " + host.accelerator().description()
                + ", " + Math.min(request.parallelism(), request.targets().size()) + " at a time");
        List<BootResult> results = bootAll(request);
        Path xml = request.reportsDir().resolve("TEST-" + request.suiteName() + ".xml");
        JUnitReportWriter.write(xml, request.suiteName(), host, results);
        return new BootTestReport(results, xml);
    }

    private List<BootResult> bootAll(BootTestRequest request) throws BootImageException {
        int threads = Math.min(request.parallelism(), request.targets().size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bootimage-boot");
            t.setDaemon(true);
            return t;
        });
        List<Future<BootResult>> futures = new ArrayList<>();
        try {
            for (BootTarget target : request.targets()) {
                TargetBoot boot = new TargetBoot(host, request.launch(target), request.script(), request.reportsDir(),
                        info, heartbeat);
                futures.add(pool.submit(() -> {
                    BootResult r = boot.run();
                    info.accept(resultLine(r));
                    return r;
                }));
            }
            List<BootResult> results = new ArrayList<>();
            for (Future<BootResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException("boot test interrupted; QEMU processes were stopped", e);
        } catch (ExecutionException e) {
            throw new BootImageException("boot test failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            // Interrupting the workers makes each TargetBoot leave its wait and kill its QEMU; wait for that.
            pool.shutdownNow();
            awaitWorkers(pool);
        }
    }

    /** Printed as each target ends, so that a long boot test shows its progress. */
    static String resultLine(BootResult r) {
        return String.format(Locale.ROOT, "  %-22s %s in %.1f s, log %s", r.target().name(),
                r.passed() ? "passed" : "FAILED (" + r.failure().orElseThrow().kind() + ")",
                r.duration().toMillis() / 1000.0, r.log());
    }

    /** Also after an interrupt: clear the flag while waiting (else the wait ends at once), then restore it. */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
