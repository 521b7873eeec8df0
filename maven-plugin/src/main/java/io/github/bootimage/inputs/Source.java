package io.github.bootimage.inputs;

import java.net.URI;
import java.nio.file.Path;

/** Where an input's bytes come from: exactly one of these. */
public sealed interface Source {

    /** The key of this request in {@code bootimage.lock}, e.g. {@code deb linux-image-amd64}. */
    String lockKey();

    /** Whether the bytes come from outside the machine (and so must be pinned by a SHA-256). */
    default boolean remote() {
        return true;
    }

    /** A file on this machine. */
    record LocalFile(Path file) implements Source {
        @Override
        public String lockKey() {
            return "file " + file;
        }

        @Override
        public boolean remote() {
            return false;
        }
    }

    /** An HTTP(S) download. */
    record Url(URI uri) implements Source {
        @Override
        public String lockKey() {
            return "url " + uri;
        }
    }

    /** Maven coordinates {@code g:a:v[:type[:classifier]]}, resolved by an {@link ArtifactFetcher}. */
    record MavenArtifact(ArtifactCoordinates coordinates) implements Source {
        @Override
        public String lockKey() {
            return "artifact " + coordinates;
        }
    }

    /** A Debian package from the host's apt archive; {@code version} is null when not pinned. */
    record DebianPackage(String name, String version) implements Source {
        /** Parses {@code name} or {@code name=version}. */
        public static DebianPackage parse(String spec) {
            int eq = spec.indexOf('=');
            return eq < 0 ? new DebianPackage(spec.trim(), null)
                    : new DebianPackage(spec.substring(0, eq).trim(), spec.substring(eq + 1).trim());
        }

        @Override
        public String lockKey() {
            return "deb " + this;
        }

        @Override
        public String toString() {
            return version == null ? name : name + "=" + version;
        }
    }
}
