package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.inputs.Input;
import io.github.bootimage.inputs.InputResolver;
import io.github.bootimage.inputs.ResolvedInput;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.plugin.MojoExecutionException;

/** The inputs of one project, as a Mojo sees them: from a parameter to a verified local file. */
public final class ProjectInputs {
    private final InputResolver resolver;
    private final Path basedir;
    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    ProjectInputs(InputResolver resolver, Path basedir) {
        this.resolver = resolver;
        this.basedir = basedir;
    }

    /** The resolver behind it, for inputs that are more than one file (the image's packages). */
    public InputResolver resolver() {
        return resolver;
    }

    /** The verified file for a parameter, see {@link #resolveInput}. Read it; never modify it. */
    public Path resolve(String parameter, InputSpec spec, InputSpec defaultSpec) throws MojoExecutionException {
        return resolveInput(parameter, spec, defaultSpec).file();
    }

    /**
     * Resolves {@code spec}, or {@code defaultSpec} when the user left the parameter out. A user's bare
     * {@code <deb>} without {@code <path>} takes the default's path (so {@code <kernel><deb>linux-image-cloud-amd64
     * </deb></kernel>} still means {@code boot/vmlinuz-*}).
     *
     * @param parameter the Mojo parameter, e.g. {@code kernel}; used in messages and bootimage.lock
     */
    public ResolvedInput resolveInput(String parameter, InputSpec spec, InputSpec defaultSpec)
            throws MojoExecutionException {
        Input input = toInput(parameter, spec, defaultSpec);
        try {
            ResolvedInput resolved = resolver.resolve(input);
            verified.put(resolved.file(), resolved.sha256());
            return resolved;
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * The archive an input's file comes from, e.g. the kernel's .deb for {@code <kernel><deb>linux-image-amd64</deb>
     * </kernel>} (the input without its {@code <path>}).
     */
    public ResolvedInput resolveArchive(String parameter, InputSpec spec, InputSpec defaultSpec)
            throws MojoExecutionException {
        Input input = toInput(parameter, spec, defaultSpec);
        try {
            return resolver.resolve(new Input(input.name(), input.source(), null, input.sha256()));
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The directory of the archive's entries below {@code prefix}, unpacked once into the cache. */
    public Path unpack(ResolvedInput archive, String prefix) throws MojoExecutionException {
        try {
            return resolver.unpack(archive, prefix);
        } catch (BootImageException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The SHA-256 of every file resolved so far, checked against its pin: no need to read them again. */
    public Map<Path, String> verified() {
        return Map.copyOf(verified);
    }

    /** Validates a parameter without fetching anything (call it before any I/O). */
    public Input toInput(String parameter, InputSpec spec, InputSpec defaultSpec) throws MojoExecutionException {
        InputSpec effective = spec == null || spec.isEmpty() ? defaultSpec : spec;
        if (effective == null || effective.isEmpty()) {
            throw new MojoExecutionException("<" + parameter + "> is required, e.g. <" + parameter
                    + "><deb>package</deb><path>file/in/package</path></" + parameter + "> or <" + parameter
                    + "><file>/path/to/file</file></" + parameter + ">");
        }
        Input input = effective.toInput(parameter, basedir);
        if (effective != defaultSpec && defaultSpec != null && input.path() == null
                && input.source() instanceof io.github.bootimage.inputs.Source.DebianPackage
                && defaultSpec.getPath() != null) {
            return new Input(input.name(), input.source(), defaultSpec.getPath(), input.sha256());
        }
        return input;
    }
}
