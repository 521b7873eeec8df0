package io.github.bootimage.pgp;

import org.bouncycastle.bcpg.HashAlgorithmTags;

/** The digest of a signature (RFC 4880 §9.4). SHA-1 and MD5 are not offered: Maven Central rejects them. */
public enum SignatureHash {
    SHA256(HashAlgorithmTags.SHA256),
    SHA512(HashAlgorithmTags.SHA512);

    private final int tag;

    SignatureHash(int tag) {
        this.tag = tag;
    }

    int tag() {
        return tag;
    }
}
