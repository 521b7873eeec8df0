package io.github.bootimage.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a regular file, read lazily so that writers can stream them: an image never holds file
 * data in memory. The size is known up front because every format we write stores it before the data.
 */
public interface Content {
    long size();

    InputStream open() throws IOException;
}
