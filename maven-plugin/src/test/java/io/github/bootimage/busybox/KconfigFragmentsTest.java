package io.github.bootimage.busybox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.BootImageException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KconfigFragmentsTest {
    private static final String CONFIG = "#\n# Busybox version: 1.35.0\n#\nCONFIG_VI=y\n# CONFIG_STATIC is not set\n"
            + "CONFIG_EXTRA_CFLAGS=\"\"\nCONFIG_FEATURE_VI_MAX_LEN=4096\n";

    @Test
    void replacesInPlaceSwitchesOffAndAppendsNew() {
        Map<String, String> f = new TreeMap<>();
        f.put("CONFIG_VI", null);
        f.put("CONFIG_STATIC", "y");
        f.put("CONFIG_FEATURE_VI_MAX_LEN", "1024");
        f.put("CONFIG_BBCONFIG", "y");
        f.put("CONFIG_EXTRA_CFLAGS", "\"-O2\"");
        assertThat(KconfigFragments.apply(CONFIG, f)).isEqualTo("#\n# Busybox version: 1.35.0\n#\n"
                + "# CONFIG_VI is not set\nCONFIG_STATIC=y\nCONFIG_EXTRA_CFLAGS=\"-O2\"\n"
                + "CONFIG_FEATURE_VI_MAX_LEN=1024\nCONFIG_BBCONFIG=y\n");
    }

    @Test
    void nMeansOffAndValueOfReadsBack() {
        String out = KconfigFragments.apply(CONFIG, Map.of("CONFIG_VI", "n"));
        assertThat(out).contains("# CONFIG_VI is not set\n").doesNotContain("CONFIG_VI=");
        assertThat(KconfigFragments.valueOf(out, "CONFIG_VI")).isNull();
        assertThat(KconfigFragments.valueOf(out, "CONFIG_FEATURE_VI_MAX_LEN")).isEqualTo("4096");
        assertThat(KconfigFragments.valueOf(out, "CONFIG_STATIC")).isNull();
    }

    @Test
    void rejectsBadNamesAndValues() {
        assertThatThrownBy(() -> KconfigFragments.validate(Map.of("VI", "y")))
                .isInstanceOf(BootImageException.class).hasMessageContaining("CONFIG_VI");
        Map<String, String> multiLine = new HashMap<>();
        multiLine.put("CONFIG_X", "y\nCONFIG_Y=y");
        assertThatThrownBy(() -> KconfigFragments.validate(multiLine)).isInstanceOf(BootImageException.class);
    }

    @Test
    void requestAddsStaticByDefaultAndKeepsNullValues() {
        Map<String, String> f = new HashMap<>();
        f.put("CONFIG_VI", null);
        BusyboxRequest r = BusyboxRequest.of(java.nio.file.Path.of("x"), "AB", 1, java.time.Instant.EPOCH,
                java.nio.file.Path.of("c"), s -> { }).withFragments(f);
        assertThat(r.fragments()).containsEntry("CONFIG_STATIC", "y").containsEntry("CONFIG_VI", null);
        assertThat(r.sha256()).isEqualTo("ab");
    }
}
