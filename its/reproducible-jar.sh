#!/usr/bin/env bash
# Builds the plugin jar twice - in two directories, with different TZ, locale and umask (022 vs 002:
# plexus-archiver applies umask 022 in reproducible mode, so group-write differences vanish; an umask that
# removes read access, such as 077, still shows in the jar) - and fails unless both jars are byte-identical.
# Usage: its/reproducible-jar.sh (from anywhere; needs the dependencies in ~/.m2, i.e. one build before).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() { # $1 = directory name, rest = env
  local dir="$work/$1"; shift
  mkdir -p "$dir"
  (cd "$top" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$dir")
  (cd "$dir" && env "$@" bash -c 'umask "$UMASK_FOR_BUILD"; ./mvnw -B -q -o -pl maven-plugin -DskipTests package')
  sha256sum "$dir"/maven-plugin/target/bootimage-maven-plugin-*.jar | cut -d' ' -f1
}

a=$(build first TZ=UTC LC_ALL=C UMASK_FOR_BUILD=022)
b=$(build second-build-dir TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 UMASK_FOR_BUILD=002)
echo "first:  $a"
echo "second: $b"
if [ "$a" != "$b" ]; then
  echo "The plugin jar is not reproducible (see diffoscope on the two jars)." >&2
  exit 1
fi
echo "The plugin jar is byte-identical across both builds."
