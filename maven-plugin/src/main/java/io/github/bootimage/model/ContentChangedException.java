package io.github.bootimage.model;

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

    public long planned() {
        return planned;
    }

    /** The bytes found; above {@link #planned()} only says "more". */
    public long found() {
        return found;
    }
}
