package io.github.bootimage.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (FIPS 180-4) as lowercase hex, streamed: never a whole file in memory. */
public final class Sha256 {
    private static final int BUFFER = 1 << 16;

    private Sha256() {
    }

    /** A fresh digest; every Java platform has SHA-256. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Reads {@code in} to its end (it stays open). */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) >= 0;) {
            md.update(buf, 0, n);
        }
        return hex(md);
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Of the UTF-8 encoding of {@code text}. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Completes {@code md} (which is then reset) and formats the hash. */
    public static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest());
    }

    /** An output stream that hashes and counts what passes through it. */
    public static final class HashingOutputStream extends CountingOutputStream {
        private final MessageDigest md = digest();

        public HashingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            md.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            md.update(b, off, len);
        }

        /** The hash of everything written; call once, at the end. */
        public String hex() {
            return Sha256.hex(md);
        }
    }
}
