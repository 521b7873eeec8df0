package io.github.bootimage.debian;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bootimage.testing.HostTools;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our order of Debian versions against dpkg's own ({@code dpkg --compare-versions}). */
class DebianVersionTest {
    private static final List<String> VERSIONS = List.of("1.0", "1.0-0", "1.00", "1.0~rc1", "1.0~~", "1.0a", "1.0+b1",
            "1.0-1", "1.0-1+deb12u1", "1.0-1~bpo12", "1:0.9", "2:1.02.185-2~", "2:1.02.185-2", "0.9.git20220301-2",
            "1.47.0-2+b2", "1.47.0-2", "2.36-9+deb12u14", "2.36-9+deb12u7", "10", "9", "1.2.3", "1.2.10", "a", "A", "+");

    @Test
    void ordersAsDpkg() throws Exception {
        HostTools.require("dpkg");
        for (String a : VERSIONS) {
            for (String b : VERSIONS) {
                int ours = Integer.signum(DebianVersion.parse(a).compareTo(DebianVersion.parse(b)));
                int dpkg = dpkgLess(a, b) ? -1 : dpkgLess(b, a) ? 1 : 0;
                assertThat(ours).as(a + " vs " + b).isEqualTo(dpkg);
            }
        }
    }

    private static boolean dpkgLess(String a, String b) throws Exception {
        try {
            HostTools.run(null, "dpkg", "--compare-versions", a, "lt", b);
            return true;
        } catch (java.io.IOException failed) {
            return false;
        }
    }

    @Test
    void relationsAcceptTheirVersions() {
        Relation r = Relation.parse("libc6 (>= 2.34)");
        assertThat(r.name()).isEqualTo("libc6");
        assertThat(r.accepts(DebianVersion.parse("2.36-9"))).isTrue();
        assertThat(r.accepts(DebianVersion.parse("2.33"))).isFalse();
        assertThat(Relation.parse("python3:any").archQualifier()).isEqualTo("any");
        assertThat(Relation.parse("foo (<< 2)").accepts(null)).isFalse();
        assertThat(Relation.parseField("a | b (= 1), c")).hasSize(2).first().asList().hasSize(2);
    }
}
