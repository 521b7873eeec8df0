/**
 * OpenPGP for the build: deterministic detached signatures and checksum files for published images, and the
 * check of an upstream detached signature against a pinned public key ({@code DetachedSignatureCheck}, RFC 4880
 * §11.1 transferable public keys). All OpenPGP code of the project lives here, on Bouncy Castle's Bc operators.
 *
 * <ul>
 *   <li>RFC 4880 §5.2 (version 4 signature packet; §5.2.3.4 creation time, §5.2.3.6 key expiration,
 *       §5.2.3.21 key flags), §5.2.1 signature type 0x00 (binary document), §6.2 ASCII armor.</li>
 *   <li>RFC 9580 §5.2.3 (version 6 signatures carry a random salt: never byte-reproducible),
 *       §5.2.3.35 issuer fingerprint.</li>
 *   <li>GNU coreutils {@code sha256sum} check-file format: {@code <64 lowercase hex><2 spaces><name>\n}.</li>
 * </ul>
 *
 * <p>RSA (PKCS#1 v1.5) and EdDSA (RFC 8032) signatures are functions of key and message only, so with a fixed
 * creation time and no armor {@code Version:} header a rebuild gives byte-identical {@code .asc} files. DSA and
 * ECDSA draw a random nonce per signature; they are refused unless the caller allows randomised signatures.
 * Nothing here reads a clock or the environment; keys and passphrases never appear in messages.
 */
package io.github.bootimage.pgp;
