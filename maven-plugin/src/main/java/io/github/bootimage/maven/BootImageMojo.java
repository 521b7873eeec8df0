package io.github.bootimage.maven;

import io.github.bootimage.BootImageException;
import io.github.bootimage.build.Fingerprint;
import io.github.bootimage.build.UpToDate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: {@code bootimage.skip} and the goal's own skip switch, the up-to-date check, and turning
 * the core's {@link BootImageException} and {@link IOException} into Maven's exceptions, once.
 */
abstract class BootImageMojo extends AbstractMojo {
    /** Skips every bootimage goal. */
    @Parameter(property = "bootimage.skip", defaultValue = "false")
    boolean skipAll;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Its id names the up-to-date state, so several executions each keep their own. */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution execution;

    /** The goal's own skip switch, e.g. {@code bootimage.iso.skip}, or null when it has none. */
    abstract String skipSwitch();

    /** Whether the goal's own skip switch (or another reason of its own) is set. */
    abstract boolean skip();

    /** The goal's work, once it is not skipped. */
    abstract void build() throws BootImageException, IOException, MojoExecutionException, MojoFailureException;

    /** Called instead of {@link #build()} when skipped: a goal removes what would now be stale. */
    void skipped() throws IOException {
    }

    /** True when a core error means "the thing under test failed" (boot test) rather than "the build broke". */
    boolean errorsAreFailures() {
        return false;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            if (skipAll || skip()) {
                String which = skipSwitch() == null ? "bootimage.skip" : skipSwitch() + " / bootimage.skip";
                getLog().info("Skipping bootimage:" + goal() + " (" + which + ").");
                skipped();
                return;
            }
            build();
        } catch (BootImageException e) {
            if (errorsAreFailures()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("bootimage:" + goal() + ": " + e, e);
        }
    }

    /**
     * Runs {@code work} unless {@code output} is up to date: built by this plugin's code from a request with the
     * same fingerprint (configuration and the content of every input file).
     *
     * @param verified files whose SHA-256 the inputs layer has just checked (see {@link ProjectInputs#verified()})
     * @return true if the work ran
     */
    boolean unlessUpToDate(String what, Path output, Map<Path, String> verified, UpToDate.Inputs request,
            UpToDate.Work work) throws BootImageException, IOException {
        Path dir = Files.createDirectories(ImageFiles.workDir(project).resolve(goal()));
        long start = System.nanoTime();
        boolean ran = new UpToDate(dir, executionId()).run(what, output, f -> {
            f.verified(verified).addCode(Fingerprint.codeLocation(BootImageMojo.class), PluginCoordinates.load().version());
            request.addTo(f);
        }, getLog()::info, work);
        if (!ran) {
            getLog().debug("Up-to-date check took " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        }
        return ran;
    }

    private String executionId() {
        return execution == null ? "default-" + goal() : execution.getExecutionId();
    }

    String goal() {
        return execution != null ? execution.getGoal()
                : getClass().getSimpleName().replaceFirst("Mojo$", "").toLowerCase(java.util.Locale.ROOT);
    }
}
