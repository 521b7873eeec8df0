package io.github.bootimage.qemu;

import java.nio.file.Path;
import java.util.List;

/** The results of a boot test, in target order, and where the JUnit XML report was written. */
public record BootTestReport(List<BootResult> results, Path junitXml) {
    public BootTestReport {
        results = List.copyOf(results);
    }
}
