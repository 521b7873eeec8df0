package io.github.bootimage.model;

import io.github.bootimage.BootImageException;
import java.io.IOException;

/**
 * A {@link Content} no longer holds the number of bytes planned when the tree was built: an input was
 * modified during the build. Writers report it with the path of the entry in the image.
 */
public final class ContentChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long planned;
    private final long found;

    public ContentChangedException(Content content, long planned, long found) {
        super(content + " holds " + (found > planned ? "more than " + planned : found + " instead of " + planned)
                + " bytes");
        this.planned = planned;
        this.found = found;
    }

    /**
     * The one message for a changed input: which entry of which image, planned and found sizes, what to do.
     *
     * @param path  the entry's path in the image
     * @param image what was being written, e.g. "the ISO image"
     */
    public BootImageException at(Object path, String image) {
        return new BootImageException(path + " changed while " + image + " was written: planned " + planned
                + " bytes, " + (found > planned ? "found more" : "read " + found)
                + ". Do not modify inputs during the build.", this);
    }

    public long planned() {
        return planned;
    }

    /** The bytes found; above {@link #planned()} only says "more". */
    public long found() {
        return found;
    }
}
