package io.github.bootimage.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bootimage.inputs.Input;
import io.github.bootimage.inputs.Source;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class InputSpecTest {
    private static final Path BASEDIR = Path.of("/project");
    private static final InputSpec DEFAULT_KERNEL = InputSpec.ofDeb("linux-image-amd64", "boot/vmlinuz-*");
    private final ProjectInputs inputs = new ProjectInputs(null, BASEDIR);

    private static InputSpec spec(String file, String url, String artifact, String deb) {
        InputSpec s = new InputSpec();
        s.setFile(file);
        s.setUrl(url);
        s.setArtifact(artifact);
        s.setDeb(deb);
        return s;
    }

    @Test
    void eachKind() throws Exception {
        assertThat(inputs.toInput("kernel", spec("vmlinuz", null, null, null), null).source())
                .isEqualTo(new Source.LocalFile(Path.of("/project/vmlinuz")));
        assertThat(inputs.toInput("kernel", spec(null, "https://e.org/k", null, null), null).source())
                .isEqualTo(new Source.Url(java.net.URI.create("https://e.org/k")));
        assertThat(inputs.toInput("kernel", spec(null, null, "g:a:1:deb:c", null), null).source().lockKey())
                .isEqualTo("artifact g:a:1:deb:c");
        assertThat(inputs.toInput("kernel", spec(null, null, null, "busybox-static=1:1.35.0-4"), null).source())
                .isEqualTo(new Source.DebianPackage("busybox-static", "1:1.35.0-4"));
        // <deb> next to <file> says the file is a .deb
        assertThat(inputs.toInput("kernel", spec("k.deb", null, null, "linux-image"), null).source())
                .isInstanceOf(Source.LocalFile.class);
    }

    @Test
    void defaultsAndInheritedPath() throws Exception {
        Input d = inputs.toInput("kernel", null, DEFAULT_KERNEL);
        assertThat(d.source()).isEqualTo(new Source.DebianPackage("linux-image-amd64", null));
        assertThat(d.path()).isEqualTo("boot/vmlinuz-*");
        Input cloud = inputs.toInput("kernel", spec(null, null, null, "linux-image-cloud-amd64"), DEFAULT_KERNEL);
        assertThat(cloud.path()).isEqualTo("boot/vmlinuz-*");
        assertThat(inputs.toInput("kernel", spec("bzImage", null, null, null), DEFAULT_KERNEL).path()).isNull();
    }

    @Test
    void errorsNameTheParameter() {
        assertThatThrownBy(() -> inputs.toInput("busybox", spec("a", "https://x/y", null, null), null))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("<busybox>: set exactly one of <file>, <url>, <artifact>, <deb> (got <file>, <url>). "
                        + "<deb> may be combined with <file> or <url> when that file is a .deb.");
        assertThatThrownBy(() -> inputs.toInput("busybox", null, null)).hasMessageStartingWith("<busybox> is required");
        InputSpec badSha = spec("a", null, null, null);
        badSha.setSha256("abc");
        assertThatThrownBy(() -> inputs.toInput("busybox", badSha, null)).hasMessageContaining("<busybox><sha256>");
        assertThatThrownBy(() -> inputs.toInput("kernel", spec(null, "ftp://x/y", null, null), null))
                .hasMessageContaining("<kernel><url>");
        assertThatThrownBy(() -> inputs.toInput("kernel", spec(null, null, "g:a", null), null))
                .hasMessageContaining("<kernel><artifact>");
    }

    @Test
    void nonProxyHosts() {
        assertThat(SettingsProxies.bypass("localhost|*.example.org", "deb.example.org")).isTrue();
        assertThat(SettingsProxies.bypass("localhost|*.example.org", "example.com")).isFalse();
        assertThat(SettingsProxies.bypass(null, "x")).isFalse();
    }
}
