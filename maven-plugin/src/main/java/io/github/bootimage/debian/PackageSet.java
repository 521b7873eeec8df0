package io.github.bootimage.debian;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.ContentCache;
import io.github.bootimage.inputs.InputLog;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.inputs.LockEntry;
import io.github.bootimage.inputs.PinnedPackages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The image's packages from request to unpacked trees: the closure from {@code bootimage.lock} (or resolved over
 * the apt index and locked), each .deb from the content cache (or fetched), each {@code data.tar} unpacked into
 * the cache once. Packages come out in name order, so the tree they make never depends on timing.
 */
public final class PackageSet {
    /** The input name of the packages in messages and {@code bootimage.lock}. */
    public static final String INPUT = "packages";

    private PackageSet() {
    }

    /** Resolves, fetches and unpacks; {@code threads} unpack in parallel (the result does not depend on it). */
    public static List<UnpackedPackage> prepare(PackageRequest request, InputResolver resolver, AptIndex apt,
                                                InputLog log, int threads) throws BootImageException {
        PinnedPackages pinned = resolver.packages();
        Optional<List<LockEntry>> locked = pinned.locked(INPUT, request.describe());
        List<LockEntry> members;
        if (locked.isPresent()) {
            members = locked.get();
        } else {
            List<BinaryPackage> closure = ClosureResolver.resolve(apt.load(), request, apt);
            members = new ArrayList<>();
            for (BinaryPackage p : closure) {
                if (p.sha256() == null || p.size() < 0) {
                    throw new BootImageException(INPUT + ": the archive index has no SHA256/Size for " + p
                            + "; it cannot be pinned. Run 'apt-get update'.");
                }
                members.add(PinnedPackages.member(INPUT, p.name(), p.version().toString(), p.fileName(), p.sha256(),
                        p.size()));
            }
            log.info(INPUT + ": " + request.specs().size() + " requested, " + members.size() + " in the closure");
        }
        Map<String, Path> debs = pinned.fetch(INPUT, members, locked.isPresent());
        List<UnpackedPackage> unpacked = unpack(members, debs, resolver.cache(), threads);
        if (locked.isEmpty()) {
            pinned.record(INPUT, request.describe(), members); // only once every .deb is verified and unpacked
        }
        return unpacked;
    }

    private static List<UnpackedPackage> unpack(List<LockEntry> members, Map<String, Path> debs, ContentCache cache,
                                                int threads) throws BootImageException {
        DebUnpacker unpacker = new DebUnpacker(cache);
        List<LockEntry> sorted = members.stream().sorted(java.util.Comparator.comparing(LockEntry::packageName)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<DataEntry>>> jobs = new ArrayList<>();
            for (LockEntry m : sorted) {
                jobs.add(pool.submit(() -> unpacker.unpack(m.packageName(), debs.get(m.sha256()), m.sha256())));
            }
            List<UnpackedPackage> result = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                LockEntry m = sorted.get(i);
                BinaryPackage pkg = new BinaryPackage(m.packageName(), DebianVersion.parse(m.version()), "", Map.of(),
                        m.fileName(), m.size(), m.sha256());
                result.add(new UnpackedPackage(pkg, await(jobs.get(i)), cache::pathOf));
            }
            return result;
        } finally {
            pool.shutdownNow();
            awaitTermination(pool); // a failed unpack returns only when no other one still writes to the cache
        }
    }

    private static void awaitTermination(ExecutorService pool) throws BootImageException {
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new BootImageException(INPUT + ": unpacking did not stop in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException(INPUT + ": interrupted", e);
        }
    }

    private static List<DataEntry> await(Future<List<DataEntry>> job) throws BootImageException {
        try {
            return job.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BootImageException b) {
                throw b;
            }
            throw new BootImageException(INPUT + ": unpacking failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootImageException(INPUT + ": interrupted", e);
        }
    }
}
