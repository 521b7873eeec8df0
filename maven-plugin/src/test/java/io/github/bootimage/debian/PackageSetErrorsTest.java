package io.github.bootimage.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.inputs.InputLog;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.inputs.InputSettings;
import io.github.bootimage.inputs.LockMode;
import io.github.bootimage.io.Sha256;
import io.github.bootimage.testing.HostTools;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs with the real archive: a corrupt .deb in the cache, a pinned version gone, a frozen lock. */
class PackageSetErrorsTest {
    private static final List<String> SET = List.of("dosfstools");

    private static List<UnpackedPackage> prepare(Path cache, Path lock, LockMode mode) throws Exception {
        InputResolver r = new InputResolver(new InputSettings(cache, false, mode, lock, null, null, null,
                InputLog.silent()));
        return PackageSet.prepare(new PackageRequest(SET, false, PackageRequest.DEFAULT_OMITTED, "amd64"), r,
                new AptIndex(), InputLog.silent(), 2);
    }

    /** A private cache holding the .debs of the set, copied from the shared test cache. */
    private static Path privateCache(Path dir) throws Exception {
        HostTools.require("apt-get");
        List<UnpackedPackage> shared = prepare(PackageSetTest.CACHE, dir.resolve("shared.lock"), LockMode.NORMAL);
        Path cache = dir.resolve("cache");
        for (UnpackedPackage p : shared) {
            String sha = p.pkg().sha256();
            Path to = cache.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
            Files.createDirectories(to.getParent());
            Files.copy(PackageSetTest.CACHE.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha), to);
        }
        return cache;
    }

    @Test
    void corruptDebInTheCacheIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path cache = privateCache(dir);
        Path lock = dir.resolve("bootimage.lock");
        String sha = prepare(PackageSetTest.CACHE, dir.resolve("shared.lock"), LockMode.NORMAL).stream()
                .filter(p -> p.pkg().name().equals("dosfstools")).findFirst().orElseThrow().pkg().sha256();
        Path deb = cache.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
        try (FileChannel ch = FileChannel.open(deb, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x55, 0x55, 0x55, 0x55}), Files.size(deb) / 2);
        }
        assertThatThrownBy(() -> prepare(cache, lock, LockMode.NORMAL)).hasMessageContaining(
                "dosfstools: the cached .deb " + deb + " is unusable: ").hasMessageContaining("Delete the file and build again");
        assertThat(lock).doesNotExist();
        try (Stream<Path> tmp = Files.list(cache.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
        Files.delete(deb); // as the message says: then it is fetched again
        assertThat(prepare(cache, lock, LockMode.NORMAL)).isNotEmpty();
        assertThat(lock).exists();
    }

    @Test
    void pinnedVersionGoneSaysHowToUpdateTheLock(@TempDir Path dir) throws Exception {
        Path cache = privateCache(dir);
        Path lock = dir.resolve("bootimage.lock");
        prepare(cache, lock, LockMode.NORMAL);
        String text = Files.readString(lock);
        Matcher m = Pattern.compile("\\[package dosfstools]\\n(?:.*\\n)*?sha256 = (\\S+)\\n(?:.*\\n)*?version = (\\S+)\\n")
                .matcher(text);
        assertThat(m.find()).isTrue();
        String gone = m.group(2) + "~gone1";
        String fake = Sha256.of("not in the archive");
        String edited = text.substring(0, m.start()) + m.group().replace(m.group(1), fake)
                .replace("version = " + m.group(2), "version = " + gone).replace("=" + m.group(2), "=" + gone)
                + text.substring(m.end());
        Files.writeString(lock, withDigest(edited));
        assertThatThrownBy(() -> prepare(cache, lock, LockMode.FROZEN)).hasMessageContaining(
                "(pinned in bootimage.lock) is no longer in the apt archive").hasMessageContaining(
                "-Dbootimage.lock.update");
        assertThat(Files.readString(lock)).isEqualTo(withDigest(edited));
        assertThat(prepare(cache, lock, LockMode.UPDATE)).isNotEmpty();
        assertThat(Files.readString(lock)).isEqualTo(text);
    }

    @Test
    void frozenLockRefusesAnotherRequest(@TempDir Path dir) throws Exception {
        Path cache = privateCache(dir);
        Path lock = dir.resolve("bootimage.lock");
        prepare(cache, lock, LockMode.NORMAL);
        String before = Files.readString(lock);
        InputResolver r = new InputResolver(new InputSettings(cache, false, LockMode.FROZEN, lock, null, null, null,
                InputLog.silent()));
        assertThatThrownBy(() -> PackageSet.prepare(new PackageRequest(List.of("dosfstools", "gdisk"), false,
                PackageRequest.DEFAULT_OMITTED, "amd64"), r, new AptIndex(), InputLog.silent(), 2))
                .hasMessageContaining("<packages> changed since").hasMessageContaining("-Dbootimage.lock.frozen");
        assertThat(Files.readString(lock)).isEqualTo(before);
    }

    /** The [packages] digest over the members, as the lock's format defines it. */
    private static String withDigest(String lockText) {
        Matcher m = Pattern.compile("\\[package (\\S+)]\\n(?:.*\\n)*?sha256 = (\\S+)\\n(?:.*\\n)*?version = (\\S+)\\n")
                .matcher(lockText);
        StringBuilder lines = new StringBuilder();
        while (m.find()) {
            lines.append(m.group(1)).append(' ').append(m.group(3)).append(' ').append(m.group(2)).append('\n');
        }
        return lockText.replaceFirst("(\\[packages]\\n(?:.*\\n)*?sha256 = )\\S+", "$1" + Sha256.of(lines.toString()));
    }
}
