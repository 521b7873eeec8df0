package io.github.bootimage.qemu;

import java.nio.file.Path;
import java.util.Objects;

/** A matching pair of OVMF flash images: the read-only code and the template of the variable store. */
public record OvmfFiles(Path code, Path varsTemplate) {
    public OvmfFiles {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(varsTemplate, "varsTemplate");
    }
}
