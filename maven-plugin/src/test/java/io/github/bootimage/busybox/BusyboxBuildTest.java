package io.github.bootimage.busybox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import io.github.bootimage.testing.DebianSources;
import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds BusyBox 1.35.0 from Debian's orig tarball (upstream's bytes) twice, in different directories and
 * at different times, plus one cache hit: the only two full compiles of the suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusyboxBuildTest {
    static final String SHA256 = "faeeb244c35a348a334f4a59e44626ee870fb07b6884d68c10ae8bc19f83a694";
    static final Instant EPOCH = Instant.parse("2026-11-24T00:00:00Z");

    Path tmp;
    Path tarball;
    Path cacheA;
    BusyboxResult first;
    BusyboxResult second;
    long firstMillis;
    List<String> firstLog = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void buildTwice(@TempDir Path dir) throws Exception {
        tmp = dir;
        HostTools.require("make", "gcc");
        tarball = DebianSources.busyboxOrig();
        cacheA = tmp.resolve("project-a/cache");
        long start = System.nanoTime();
        first = new BusyboxBuild(request(cacheA, firstLog::add)).build();
        firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("BusyBox first build: " + firstMillis + " ms");
        // Another directory (its path differs in length too) and a later wall clock; the epoch is pinned.
        second = new BusyboxBuild(request(tmp.resolve("elsewhere/deeper/project-b/cache"), s -> { })).build();
    }

    private BusyboxRequest request(Path cache, java.util.function.Consumer<String> log) {
        Map<String, String> fragments = new HashMap<>();
        fragments.put("CONFIG_VI", null);
        fragments.put("CONFIG_BBCONFIG", "y");
        return BusyboxRequest.of(tarball, SHA256, 2, EPOCH, cache, log).withFragments(fragments);
    }

    @Test
    void twoBuildsInDifferentDirectoriesAreByteIdentical() throws IOException {
        assertThat(first.cacheHit()).isFalse();
        assertThat(second.cacheHit()).isFalse();
        assertThat(firstLog).anyMatch(l -> l.contains("cache miss")).anyMatch(l -> l.contains("make -j2"));
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(Files.mismatch(first.binary(), second.binary())).isEqualTo(-1L);
        assertThat(Files.mismatch(first.links(), second.links())).isEqualTo(-1L);
    }

    @Test
    void fragmentsSwitchAppletsOffAndOn() throws IOException {
        List<String> links = Files.readAllLines(first.links());
        assertThat(links).contains("/bin/sh", "/bin/ls", "/bin/bbconfig", "/sbin/poweroff")
                .doesNotContain("/bin/vi");
    }

    @Test
    void theBinaryIsStaticAndLeaksNoBuildPathHostOrUser() throws Exception {
        String file = run("file", "-b", first.binary().toString());
        assertThat(file).contains("statically linked");
        String strings = run("strings", "-a", first.binary().toString());
        assertThat(strings).contains("BusyBox v1.35.0 (2026-11-24 00:00:00")
                .doesNotContain(tmp.toString()).doesNotContain("busybox-work").doesNotContain("/src/");
        String host = Files.readString(Path.of("/etc/hostname")).trim();
        String user = System.getProperty("user.name");
        // Short or common names ("vm", "root") occur in BusyBox anyway; check only distinctive ones.
        if (host.length() >= 6) {
            assertThat(strings).doesNotContain(host);
        }
        if (user.length() >= 6) {
            assertThat(strings).doesNotContain(user);
        }
    }

    @Test
    void aSecondBuildWithTheSameKeyIsACacheHitWithoutCompiling() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        BusyboxResult again = new BusyboxBuild(request(cacheA, log::add)).build();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("BusyBox cache hit: " + millis + " ms (first build " + firstMillis + " ms)");
        assertThat(again.cacheHit()).isTrue();
        assertThat(log).anyMatch(l -> l.contains("cache hit " + first.key()))
                .noneMatch(l -> l.contains("make -j"));
        assertThat(millis).isLessThan(firstMillis / 3);
        Path out = tmp.resolve("out");
        again.copyTo(out);
        assertThat(Files.mismatch(out.resolve("busybox"), first.binary())).isEqualTo(-1L);
        assertThat(Files.isExecutable(out.resolve("busybox"))).isTrue();
    }

    @Test
    void theSameEffectiveConfigFromAnotherRequestIsACacheHit() throws Exception {
        // The effective .config as a base config: another request, but kconfig yields the same config.
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        BusyboxRequest pinned = BusyboxRequest.of(tarball, SHA256, 2, EPOCH, cacheA, log::add)
                .withBaseConfig(first.config());
        BusyboxResult again = new BusyboxBuild(pinned).build();
        assertThat(again.cacheHit()).isTrue();
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(log).anyMatch(l -> l.contains("make oldconfig")).anyMatch(l -> l.contains("cache hit"))
                .noneMatch(l -> l.contains("make -j"));
    }

    @Test
    void aCompileErrorShowsTheLogTailAndItsPath() throws IOException {
        Path config = tmp.resolve("broken.config");
        Files.writeString(config, "CONFIG_EXTRA_CFLAGS=\"-fbootimage-no-such-option\"\n");
        BusyboxRequest broken = request(tmp.resolve("broken-cache"), s -> { }).withBaseConfig(config);
        assertThatThrownBy(() -> new BusyboxBuild(broken).build()).isInstanceOf(BootImageException.class)
                .hasMessageContaining("Last lines of the build log")
                .hasMessageContaining("-fbootimage-no-such-option")
                .hasMessageContaining("Full build log: " + tmp.resolve("broken-cache"))
                .satisfies(e -> {
                    String m = e.getMessage();
                    Path log = Path.of(m.substring(m.lastIndexOf("Full build log: ") + 16).trim());
                    assertThat(log).isRegularFile();
                    assertThat(m.lines().count()).isLessThan(MakeRunner.TAIL_LINES + 5);
                });
    }

    @Test
    void aMissingToolchainNamesThePackages() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty-path"));
        BusyboxRequest noTools = request(tmp.resolve("no-tools"), s -> { }).withSearchPath(empty.toString());
        assertThatThrownBy(() -> new BusyboxBuild(noTools).build()).isInstanceOf(BootImageException.class)
                .hasMessageContaining("missing make, gcc").hasMessageContaining("build-essential")
                .hasMessageContaining("glibc-static").hasMessageContaining("base-devel");
    }

    @Test
    void theInitramfsBootsWithTheConfiguredApplets() throws Exception {
        String console = BusyboxBoot.boot(first, tmp.resolve("boot"));
        assertThat(console).contains("BOOTIMAGE-BUSYBOX-OK", "HAVE-ls", "HAVE-bbconfig", "MISSING-vi",
                "CONFIG_STATIC=y", "# CONFIG_VI is not set");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return out;
    }
}
