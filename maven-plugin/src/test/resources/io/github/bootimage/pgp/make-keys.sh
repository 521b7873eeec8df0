#!/bin/sh
# Makes the armored test keys next to this script with GnuPG (run once; the outputs are committed).
# Made with gpg (GnuPG) 2.2.40 on Debian 12. Every key is created at 2020-01-01T00:00:00Z (faked clock)
# and protected with the passphrase "test-passphrase" (except unprotected.*).
set -eu
cd "$(dirname "$0")"
home=$(mktemp -d)
trap 'gpgconf --homedir "$home" --kill all; rm -rf "$home"' EXIT
pass=test-passphrase
g() { gpg --homedir "$home" --batch --quiet --faked-system-time 20200101T000000! \
      --pinentry-mode loopback --passphrase "$pass" "$@"; }

make() { # name algo usage expire
  g --quick-gen-key "bootimage test $1 <$1@bootimage.invalid>" "$2" "$3" "$4"
  fpr=$(g --with-colons --list-keys "$1@bootimage.invalid" | awk -F: '/^fpr/ {print $10; exit}')
  echo "$fpr" > "$1.fpr"
}
export_key() {
  g --armor --export-secret-keys "$1@bootimage.invalid" > "$1.sec.asc"
  g --armor --export "$1@bootimage.invalid" > "$1.pub.asc"
}

make rsa rsa2048 sign never;          export_key rsa
make ed25519 ed25519 sign never;      export_key ed25519
make ecdsa nistp256 sign never;       export_key ecdsa
make expired ed25519 sign 1y;         export_key expired
make revoked ed25519 sign never
# gpg wrote a revocation certificate at key generation; its armor line starts with ':' against accidents.
sed 's/^:-----/-----/' "$home/openpgp-revocs.d/$(cat revoked.fpr).rev" > "$home/revoke.asc"
g --import "$home/revoke.asc"
export_key revoked

# Primary key for certification only, plus a signing subkey (the key an offline-primary setup uses).
make subkey ed25519 cert never
g --quick-add-key "$(cat subkey.fpr)" ed25519 sign never
g --with-colons --list-keys subkey@bootimage.invalid | awk -F: '/^fpr/ {print $10}' | sed -n 2p > subkey.sub.fpr
export_key subkey

# Unprotected key (no passphrase).
pass=''
make unprotected ed25519 sign never;  export_key unprotected
