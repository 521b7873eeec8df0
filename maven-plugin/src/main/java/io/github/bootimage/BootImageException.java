package io.github.bootimage;

/**
 * The one checked exception of the image core. Its message says what was wrong, where (path, structure,
 * field) and how to fix it; the Maven layer converts it once into a build failure.
 */
public class BootImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public BootImageException(String message) {
        super(message);
    }

    public BootImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
