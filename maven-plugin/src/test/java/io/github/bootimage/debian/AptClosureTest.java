package io.github.bootimage.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bootimage.testing.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our closure against apt's own choice for the same index: {@code apt-get install --simulate
 * --no-install-recommends} with a dpkg status that holds only the omitted packages (at a version above any in
 * the archive, without dependencies), i.e. what apt would add to a system where nothing else is installed.
 */
class AptClosureTest {
    private static final Pattern INST = Pattern.compile("^Inst (\\S+?)(?::\\S+)? \\((\\S+) ", Pattern.MULTILINE);
    private static PackageIndex index;
    private static Path status;

    @BeforeAll
    static void index(@TempDir Path dir) throws Exception {
        HostTools.require("apt-get");
        index = new AptIndex().load();
        StringBuilder sb = new StringBuilder();
        for (String name : new TreeSet<>(PackageRequest.DEFAULT_OMITTED)) {
            BinaryPackage p = index.get(name).orElseThrow();
            sb.append("Package: ").append(name).append("\nStatus: install ok installed\nVersion: 99:0\n")
                    .append("Architecture: ").append(p.architecture()).append('\n');
            if (p.fields().containsKey("Provides")) {
                sb.append("Provides: ").append(p.fields().get("Provides")).append('\n');
            }
            sb.append('\n');
        }
        status = Files.writeString(dir.resolve("status"), sb.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "e2fsprogs", "cryptsetup", "mdadm", "lvm2", "ntfs-3g", "openssh-client", "curl", "bsd-mailx",
        "e2fsprogs dosfstools parted gdisk cryptsetup lvm2 mdadm gddrescue smartmontools ntfs-3g", "vim-tiny less"})
    void sameClosureAsApt(String packages) throws Exception {
        List<String> specs = List.of(packages.split(" "));
        Set<String> ours = new TreeSet<>();
        for (BinaryPackage p : ClosureResolver.resolve(index,
                new PackageRequest(specs, false, PackageRequest.DEFAULT_OMITTED, "amd64"), new AptIndex())) {
            ours.add(p.name() + "=" + p.version());
        }
        assertEquals(apt(specs), ours);
        assertTrue(ours.stream().anyMatch(s -> s.startsWith(specs.get(0) + "=")));
    }

    private static Set<String> apt(List<String> specs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "--simulate", "--no-install-recommends",
                "-o", "Dir::State::status=" + status, "-o", "Debug::NoLocking=1", "-o", "APT::Get::Show-Versions=0"));
        cmd.addAll(specs);
        String out = HostTools.run(null, cmd.toArray(String[]::new));
        Set<String> result = new TreeSet<>();
        Matcher m = INST.matcher(out);
        while (m.find()) {
            result.add(m.group(1) + "=" + m.group(2));
        }
        return result;
    }
}
