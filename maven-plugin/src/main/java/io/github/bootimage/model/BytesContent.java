package io.github.bootimage.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small generated content (configuration files, scripts). Equal when the bytes are equal. */
public final class BytesContent implements Content {
    private final byte[] bytes;

    public BytesContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static BytesContent utf8(String text) {
        return new BytesContent(text.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesContent other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "BytesContent[" + bytes.length + " bytes]";
    }
}
