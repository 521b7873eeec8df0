package io.github.bootimage.pgp;

/** What to do with a key whose signatures differ on every run (DSA, ECDSA, version 6 salted signatures). */
public enum RandomizedSignatures {
    /** Fail: the build would not be byte-reproducible. */
    REFUSE,
    /** Sign anyway; the caller warns that {@code .asc} files change on every build. */
    ALLOW
}
