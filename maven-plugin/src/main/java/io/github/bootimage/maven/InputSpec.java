package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.ArtifactCoordinates;
import io.github.bootimage.inputs.Input;
import io.github.bootimage.inputs.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The shape of every input parameter, e.g. {@code <kernel><deb>linux-image-amd64</deb></kernel>}: exactly one
 * of {@code file}, {@code url}, {@code artifact} ({@code g:a:v[:type[:classifier]]}), {@code deb}
 * ({@code name} or {@code name=version}); {@code deb} may accompany {@code file}/{@code url} to say the file is
 * that package's .deb. Optional {@code path} (file inside a .deb/tar/cpio, may be a glob) and {@code sha256}
 * (of the fetched file).
 */
public class InputSpec {
    private String file;
    private String url;
    private String artifact;
    private String deb;
    private String path;
    private String sha256;

    public InputSpec() {
    }

    /** A default such as {@code InputSpec.ofDeb("busybox-static", "bin/busybox")}. */
    public static InputSpec ofDeb(String deb, String path) {
        InputSpec s = new InputSpec();
        s.deb = deb;
        s.path = path;
        return s;
    }

    public static InputSpec ofFile(String file) {
        InputSpec s = new InputSpec();
        s.file = file;
        return s;
    }

    public boolean isEmpty() {
        return blank(file) && blank(url) && blank(artifact) && blank(deb) && blank(path) && blank(sha256);
    }

    /** Validates and converts; errors name the Mojo parameter. Relative files start at {@code basedir}. */
    Input toInput(String parameter, Path basedir) throws MojoExecutionException {
        List<String> set = new ArrayList<>();
        addIf(set, file, "<file>");
        addIf(set, url, "<url>");
        addIf(set, artifact, "<artifact>");
        boolean debArchive = !blank(deb) && (!blank(file) || !blank(url));
        if (!blank(deb) && !debArchive) {
            set.add("<deb>");
        }
        if (set.size() != 1) {
            throw new MojoExecutionException("<" + parameter + ">: set exactly one of <file>, <url>, <artifact>, <deb>"
                    + (set.isEmpty() ? " (none is set)" : " (got " + String.join(", ", set) + ")")
                    + ". <deb> may be combined with <file> or <url> when that file is a .deb.");
        }
        try {
            return new Input(parameter, source(parameter, basedir), blank(path) ? null : path.trim(),
                    blank(sha256) ? null : sha256);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<" + parameter + "><sha256>: '" + sha256
                    + "' is not a SHA-256 (64 hex digits, as printed by sha256sum)", e);
        }
    }

    private Source source(String parameter, Path basedir) throws MojoExecutionException {
        if (!blank(file)) {
            return new Source.LocalFile(basedir.resolve(file.trim()).normalize());
        }
        if (!blank(url)) {
            try {
                URI uri = new URI(url.trim());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new URISyntaxException(url, "only http and https are supported");
                }
                return new Source.Url(uri);
            } catch (URISyntaxException e) {
                throw new MojoExecutionException("<" + parameter + "><url>: '" + url + "' is not an http(s) URL: "
                        + e.getMessage(), e);
            }
        }
        if (!blank(artifact)) {
            try {
                return new Source.MavenArtifact(ArtifactCoordinates.parse(artifact));
            } catch (BootImageException e) {
                throw new MojoExecutionException("<" + parameter + "><artifact>: " + e.getMessage(), e);
            }
        }
        Source.DebianPackage d = Source.DebianPackage.parse(deb);
        if (d.name().isEmpty() || d.name().contains(" ") || (d.version() != null && d.version().isEmpty())) {
            throw new MojoExecutionException("<" + parameter + "><deb>: '" + deb
                    + "' must be a Debian package name or name=version, e.g. busybox-static");
        }
        return d;
    }

    private static void addIf(List<String> set, String value, String element) {
        if (!blank(value)) {
            set.add(element);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getArtifact() {
        return artifact;
    }

    public void setArtifact(String artifact) {
        this.artifact = artifact;
    }

    public String getDeb() {
        return deb;
    }

    public void setDeb(String deb) {
        this.deb = deb;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb, "file", file);
        append(sb, "url", url);
        append(sb, "artifact", artifact);
        append(sb, "deb", deb);
        append(sb, "path", path);
        append(sb, "sha256", sha256);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String element, String value) {
        if (!blank(value)) {
            sb.append('<').append(element).append('>').append(value).append("</").append(element).append('>');
        }
    }
}
