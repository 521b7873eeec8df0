#!/usr/bin/env bash
# bootimage benchmark: our writers against the tools users would otherwise script, on the same inputs.
#
# Usage: its/benchmarks/run.sh [--quick] [--rounds N] [--no-build] [--no-boot]
#   (default)   full run, 3 rounds (about 15 min expected on an idle 2-core machine; 23 min at load 13
#               without boot and heap): BusyBox tree, the Debian kernel's /lib/modules
#               (~400 MB, ~4,000 files), 100,000 generated small files, compressors on kernel/fs (~40 MB),
#               ISO vs xorriso, boot ISO vs grub-mkrescue (build time, size, QEMU BIOS boot to a marker),
#               a 4 GiB ISO of generated content built with -Xmx256m (heap independent of image size), and
#               the time our goals take in a second `mvn package` with nothing changed (the packaging-iso IT).
#   --quick     tiny inputs (BusyBox tree, 2,000 small files), 1 round, no kernel, no QEMU: < 1 min; for CI,
#               to check that the benchmark still runs.
#   --rounds N  rounds per measurement (tools alternate inside each round; the table shows medians).
#   --no-build  reuse maven-plugin/target (classes, test classes, jar) and the saved classpath.
#   --no-boot   skip grub-mkrescue and the QEMU boots.
#   --only LIST only these parts of the full run, comma-separated: cpio,iso,compress,boot,heap,uptodate
#   --table     only print the table of the last (possibly interrupted) run's results.tsv.
#   --jmh [RE]  instead: the JMH micro-benchmarks of the hot paths (bench.HotPaths: cpio, deflate block, ISO, FAT;
#               bench.Compressors: each compressor on one core), in-memory input, no JVM start in the figures;
#               RE selects benchmarks (JMH's regex, e.g. 'HotPaths.iso'); more JMH options in $JMH_ARGS.
#               --quick runs them too, one short iteration each, to check that they still run.
#
# Ours runs as `java -Xmx256m -cp <test classpath> io.github.bootimage.bench.BenchMain ...` (JVM start
# included in every figure); peers run as the shell pipelines users write. Wall time and peak RSS come from
# /usr/bin/time. Inputs are cached in $BOOTIMAGE_BENCH_CACHE (default ~/.cache/bootimage-bench); outputs and
# the raw measurements (results.tsv) go to its/target/benchmarks. The page cache is warm (each tree is read
# once before its group); the load average is printed, since the machine may be shared.
#
# Host tools: java 17, cpio, bsdtar (libarchive-tools), pigz, gzip, zstd, xz-utils, xorriso, GNU time (time),
# apt-get + dpkg-deb (Debian packages: busybox-static, linux-image-amd64, isolinux, syslinux-common), and for the
# boot part grub-mkrescue (grub-common grub-pc-bin grub-efi-amd64-bin mtools) and qemu-system-x86_64.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
QUICK=0; ROUNDS=; BUILD=1; BOOT=1; TABLE_ONLY=0; ONLY=; JMH=0; JMH_RE=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-boot) BOOT=0 ;;
    --table) TABLE_ONLY=1 ;;
    --jmh) JMH=1; if [ $# -gt 1 ] && [[ "$2" != --* ]]; then JMH_RE="$2"; shift; fi ;;
    --only) ONLY="$2"; shift ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$ROUNDS" ] || ROUNDS=$([ $QUICK = 1 ] && echo 1 || echo 3)
[ $QUICK = 1 ] && BOOT=0

CACHE="${BOOTIMAGE_BENCH_CACHE:-$HOME/.cache/bootimage-bench}"
WORK="$ROOT/its/target/benchmarks"
OUT="$WORK/out"
RESULTS="$WORK/results.tsv"
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx256m}"
export LC_ALL=C
mkdir -p "$CACHE" "$OUT"

need() {
  for t in "$@"; do
    command -v "$t" >/dev/null || { echo "missing host tool: $t (see the top of $0 for the Debian packages)" >&2; exit 1; }
  done
}
need java cpio bsdtar pigz gzip zstd xz xorriso apt-get dpkg-deb find sort
[ -x /usr/bin/time ] || { echo "missing GNU time (apt-get install time)" >&2; exit 1; }
[ $BOOT = 0 ] || need grub-mkrescue qemu-system-x86_64 mformat

QEMU_PID=
# a QEMU we started never outlives the script, whichever way it ends
trap '[ -z "$QEMU_PID" ] || kill "$QEMU_PID" 2>/dev/null || true' EXIT
log() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- our code: the test classpath
if [ $TABLE_ONLY = 0 ] && { [ $BUILD = 1 ] || [ ! -f "$WORK/classpath.txt" ]; }; then
  log "building the plugin (package, no tests) and saving the test classpath"
  (cd "$ROOT" && LC_ALL=C.UTF-8 ./mvnw -B -q -pl maven-plugin package -DskipTests \
     org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
     -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test)
fi
CP="$ROOT/maven-plugin/target/classes:$ROOT/maven-plugin/target/test-classes:$(cat "$WORK/classpath.txt")"
read -r -a OURS <<< "java $JAVA_OPTS -cp $CP io.github.bootimage.bench.BenchMain"
# xz -6 on 2 threads holds two LZMA2 encoders (~94 MiB each, as xz -6 in C) and up to 6 blocks of 24 MiB:
# bounded, but above 256 MiB, so the compressor runs get a 512 MiB heap.
read -r -a OURS_XZ <<< "java ${BENCH_JAVA_OPTS:--Xmx512m} -cp $CP io.github.bootimage.bench.BenchMain"
ours() { "${OURS[@]}" "$@"; }

# ---------------------------------------------------------------- inputs
# deb NAME -> directory holding the unpacked package (apt-get download checks it against the signed index)
deb() {
  local name="$1" real dir
  real="$name"
  if [ "$name" = linux-image-amd64 ]; then
    real=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*\)/\1/p' | head -1)
  fi
  dir="$CACHE/debs/$real"
  if [ ! -f "$dir/.done" ]; then
    log "fetching Debian package $real"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/root"
    (cd "$dir.tmp" && apt-get download -q "$real" >/dev/null 2>&1)
    dpkg-deb -x "$dir.tmp"/*.deb "$dir.tmp/root"
    rm -f "$dir.tmp"/*.deb && touch "$dir.tmp/.done" && rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  echo "$dir/root"
}

MARKER=BOOTIMAGE-BENCH-READY
busybox_tree() {
  local dir="$CACHE/busybox-tree" bb
  if [ ! -f "$dir/.done" ]; then
    bb="$(deb busybox-static)/bin/busybox"
    rm -rf "$dir" && mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,dev,etc,proc,sys,tmp,root,run}
    cp "$bb" "$dir/bin/busybox" && chmod 0755 "$dir/bin/busybox"
    "$bb" --list-full | while read -r applet; do
      [ -e "$dir/$applet" ] || ln -s /bin/busybox "$dir/$applet"
    done
    cat > "$dir/init" <<EOF
#!/bin/busybox sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t devtmpfs devtmpfs /dev
exec </dev/console >/dev/console 2>&1
echo $MARKER
/bin/busybox poweroff -f
EOF
    chmod 0755 "$dir/init"
    touch "$dir/.done"
  fi
  echo "$dir"
}

small_tree() {
  local count="$1" dir="$CACHE/small-$1"
  if [ ! -f "$dir.done" ]; then
    log "generating $count small files"
    rm -rf "$dir" && ours small-files "$dir" "$count" 2>/dev/null && touch "$dir.done"
  fi
  echo "$dir"
}

# ---------------------------------------------------------------- measuring
# run GROUP TOOL OUTPUT COMMAND...: one timed run; records seconds, peak RSS (KiB) and output size
run() {
  local group="$1" tool="$2" output="$3" secs rss user sys; shift 3
  rm -f "$output"
  if ! /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$WORK/cmd.log" 2>&1; then
    echo "FAILED: $group / $tool: $*" >&2; cat "$WORK/cmd.log" >&2; exit 1
  fi
  read -r secs rss user sys < <(tail -1 "$WORK/time.txt")
  local size=0; [ -f "$output" ] && size=$(stat -c %s "$output")
  # ours: also BenchMain's own "total" (from main() on: our class loading, cold JIT and work, not JVM start),
  # which is what a goal costs inside an already running Maven
  local inner=; [ "$tool" = ours ] && inner=$(awk '$1 == "total" {print $2}' "$WORK/cmd.log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$group" "$tool" "$secs" "$rss" "$size" \
    "$(echo "$user $sys" | awk '{print $1 + $2}')" "$inner" >> "$RESULTS"
  if [ "$tool" = ours ] && grep -q '^  ' "$WORK/cmd.log"; then
    sed "s|^|    [$group] |" "$WORK/cmd.log" >> "$WORK/phases.txt"
  fi
}
warm() { tar -cf - -C "$1" . > /dev/null 2>&1 || true; }

# cpio without compression: ours, GNU cpio, bsdtar, and cat of the same files (the floor)
bench_cpio() {
  local name="$1" dir="$2" r
  warm "$dir"
  for r in $(seq "$ROUNDS"); do
    run "cpio $name" ours "$OUT/ours.cpio" "${OURS[@]}" cpio "$dir" "$OUT/ours.cpio" none 2
    run "cpio $name" "find|sort|cpio" "$OUT/cpio.cpio" \
      bash -c "cd '$dir' && find . | sort | cpio -o -H newc --quiet > '$OUT/cpio.cpio'"
    run "cpio $name" "bsdtar newc" "$OUT/bsdtar.cpio" bsdtar --format newc -cf "$OUT/bsdtar.cpio" -C "$dir" .
    run "cpio $name" "cat files" "$OUT/cat.out" \
      bash -c "cd '$dir' && find . -type f -print0 | sort -z | xargs -0 cat > '$OUT/cat.out'"
  done
}

# compressed initramfs: ours (tree -> cpio -> compressor, 2 threads) against cpio | compressor pipelines
bench_compress() {
  local name="$1" dir="$2" r pipe
  pipe="cd '$dir' && find . | sort | cpio -o -H newc --quiet"
  warm "$dir"
  for r in $(seq "$ROUNDS"); do
    run "gzip $name" ours "$OUT/ours.gz" "${OURS[@]}" cpio "$dir" "$OUT/ours.gz" gzip 2
    run "gzip $name" "gzip -9" "$OUT/p.gz" bash -c "$pipe | gzip -9n > '$OUT/p.gz'"
    run "gzip $name" "pigz -9" "$OUT/p.pigz" bash -c "$pipe | pigz -9n > '$OUT/p.pigz'"
    run "zstd $name" ours "$OUT/ours.zst" "${OURS[@]}" cpio "$dir" "$OUT/ours.zst" zstd 2
    run "zstd $name" "zstd -19 -T0" "$OUT/p.zst" bash -c "$pipe | zstd -q -19 -T0 > '$OUT/p.zst'"
    run "xz $name" ours "$OUT/ours.xz" "${OURS_XZ[@]}" cpio "$dir" "$OUT/ours.xz" xz 2
    run "xz $name" "xz -6 -T0" "$OUT/p.xz" bash -c "$pipe | xz -6 -T0 --check=crc32 > '$OUT/p.xz'"
  done
}

bench_iso() {
  local name="$1" dir="$2" r
  warm "$dir"
  for r in $(seq "$ROUNDS"); do
    run "iso $name" ours "$OUT/ours.iso" "${OURS[@]}" iso "$dir" "$OUT/ours.iso"
    run "iso $name" "xorriso -R -J" "$OUT/xorriso.iso" \
      xorriso -as mkisofs -quiet -R -J -o "$OUT/xorriso.iso" "$dir"
  done
}

# a bootable ISO of the same kernel + initramfs: ours (ISOLINUX + shim/GRUB ESP, hybrid) vs grub-mkrescue
bench_boot() {
  local kernel initrd isolinux bios shim grub stage r overlay grubpc
  kernel=$(ls "$(deb linux-image-amd64)"/boot/vmlinuz-* | tail -1)
  isolinux="$(deb isolinux)/usr/lib/ISOLINUX"; bios="$(deb syslinux-common)/usr/lib/syslinux/modules/bios"
  shim="$(deb shim-signed)/usr/lib/shim/shimx64.efi.signed"
  grub="$(deb grub-efi-amd64-signed)/usr/lib/grub/x86_64-efi-signed/gcdx64.efi.signed"
  initrd="$WORK/initrd.img"
  ours cpio "$(busybox_tree)" "$initrd" gzip 2 2>/dev/null
  stage="$WORK/grub-stage"
  rm -rf "$stage" && mkdir -p "$stage/boot/grub"
  cp "$kernel" "$stage/boot/vmlinuz" && cp "$initrd" "$stage/boot/initrd.img"
  cat > "$stage/boot/grub/grub.cfg" <<'EOF'
set timeout=0
set default=0
menuentry "Linux" {
  linux /boot/vmlinuz quiet panic=-1 console=tty0 console=ttyS0,115200
  initrd /boot/initrd.img
}
EOF
  # GRUB for BIOS as well (biosBootloader grub): the same grub.cfg as grub-mkrescue's, nothing else in the overlay
  overlay="$WORK/grub-overlay"
  rm -rf "$overlay" && mkdir -p "$overlay/boot/grub" && cp "$stage/boot/grub/grub.cfg" "$overlay/boot/grub/"
  grubpc="$WORK/grub-pc-bin.tar"   # GRUB's i386-pc directory, as grub-pc-bin's .deb holds it
  tar -C "$(deb grub-pc-bin)" -cf "$grubpc" ./usr/lib/grub/i386-pc
  for r in $(seq "$ROUNDS"); do
    run "boot ISO build" ours "$OUT/boot-ours.iso" "${OURS[@]}" boot-iso "$kernel" "$initrd" "$isolinux/isolinux.bin" \
      "$bios/ldlinux.c32" "$isolinux/isohdpfx.bin" "$OUT/boot-ours.iso" "$shim" "$grub"
    run "boot ISO build" "ours, BIOS GRUB" "$OUT/boot-ours-grub.iso" "${OURS[@]}" boot-iso-grub "$kernel" "$initrd" \
      "$grubpc" "$shim" "$grub" "$overlay" "$OUT/boot-ours-grub.iso"
    run "boot ISO build" grub-mkrescue "$OUT/boot-grub.iso" grub-mkrescue -o "$OUT/boot-grub.iso" "$stage"
  done
  for r in $(seq "$ROUNDS"); do
    boot_time ours "$OUT/boot-ours.iso"
    boot_time "ours, BIOS GRUB" "$OUT/boot-ours-grub.iso"
    boot_time grub-mkrescue "$OUT/boot-grub.iso"
    boot_time ours "$OUT/boot-ours.iso" uefi
    boot_time "ours, BIOS GRUB" "$OUT/boot-ours-grub.iso" uefi
    boot_time grub-mkrescue "$OUT/boot-grub.iso" uefi
  done
}

# boot_time TOOL ISO [uefi]: seconds from QEMU start (BIOS or UEFI, CD-ROM, no KVM) to the marker on the serial console
boot_time() {
  local tool="$1" iso="$2" fw="${3:-bios}" log="$WORK/qemu.log" pid start now secs= firmware=()
  : > "$log"
  if [ "$fw" = uefi ]; then
    cp /usr/share/OVMF/OVMF_VARS_4M.fd "$WORK/vars.fd"
    firmware=(-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd
      -drive "if=pflash,format=raw,file=$WORK/vars.fd")
  fi
  # -accel tcg on purpose: both ISOs under the same, host-independent emulation (a KVM that opens but cannot
  # run guests would otherwise hang here); the plugin's own boots choose with bootimage.accel instead.
  qemu-system-x86_64 -accel tcg -m 512 "${firmware[@]}" -cdrom "$iso" -boot d -display none -monitor none \
    -serial "file:$log" \
    -no-reboot >/dev/null 2>&1 &
  pid=$!
  QEMU_PID=$pid
  start=$(date +%s.%N)
  for _ in $(seq 1800); do
    if grep -q "$MARKER" "$log" 2>/dev/null; then
      now=$(date +%s.%N); secs=$(echo "$now - $start" | bc -l 2>/dev/null || awk "BEGIN{print $now-$start}"); break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  QEMU_PID=
  [ -n "$secs" ] || { echo "QEMU did not reach $MARKER with $iso; serial log: $log" >&2; exit 1; }
  printf 'boot to marker (QEMU %s CD, TCG)\t%s\t%.2f\t0\t%s\t0\n' "${fw^^}" "$tool" "$secs" "$(stat -c %s "$iso")" >> "$RESULTS"
}

# a 4 GiB ISO (4 files of 1 GiB + 1 of 64 MiB, made on the fly) with a 256 MiB heap
bench_memory() {
  local files="$1" size="$2"
  run "lazy ISO $((files * size >> 20)) MiB, -Xmx256m" ours "$OUT/lazy.iso" "${OURS[@]}" lazy-iso "$files" "$size" "$OUT/lazy.iso"
  rm -f "$OUT/lazy.iso"
}

# A second `mvn package` with nothing changed: the time Maven spends in our goals (from the log's timestamps: each
# bootimage goal's "--- ... ---" line to the next goal or the end), against the first build of the same project.
# The project is the packaging-iso IT (initramfs + iso; boot test skipped); the plugin comes from the IT
# repository that `./mvnw verify` fills (invoker:install), put there again when the jar built here differs.
bench_uptodate() {
  local repo="$ROOT/its/target/local-repo" proj="$WORK/uptodate" settings="$WORK/uptodate-settings.xml" version r
  version=$(cd "$ROOT" && sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
  local jar="$ROOT/maven-plugin/target/bootimage-maven-plugin-$version.jar"
  if ! cmp -s "$jar" "$repo/io/github/bootimage/bootimage-maven-plugin/$version/bootimage-maven-plugin-$version.jar"
  then
    log "putting the plugin into the IT repository (invoker:install through the help-goal IT)"
    # Maven in a UTF-8 locale: the ITs hold file names that Java cannot handle under LC_ALL=C
    (cd "$ROOT" && LC_ALL=C.UTF-8 ./mvnw -B -q verify -pl its -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dinvoker.test=help-goal) > "$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log" >&2; exit 1; }
  fi
  rm -rf "$proj" && cp -r "$ROOT/its/src/it/packaging-iso" "$proj"
  sed -i "s/@project.version@/$version/" "$proj/pom.xml"
  sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$ROOT/its/src/it/settings.xml" > "$settings"
  package_once() { # LOG: one `mvn package`, its log with millisecond timestamps
    (cd "$proj" && LC_ALL=C.UTF-8 "$ROOT/mvnw" -B -s "$settings" -Dmaven.repo.local="$repo" \
      -Dbootimage.cacheDirectory="$ROOT/its/target/bootimage-cache" -Dbootimage.bootTest.skip \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS package) \
      > "$1" 2>&1 || { echo "FAILED: mvn package in $proj" >&2; tail -40 "$1" >&2; exit 1; }
  }
  goal_seconds() { # LOG -> seconds spent in bootimage goals
    awk '
      function t(s,   a) { split(s, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
      / --- | BUILD (SUCCESS|FAILURE)/ { now = t($1); if (inside) sum += now - since; inside = 0 }
      / --- bootimage:/ { inside = 1; since = now }
      END { printf "%.3f", sum }' "$1"
  }
  package_once "$WORK/uptodate-first.log"
  printf 'mvn package: bootimage goals\tfirst build\t%s\t0\t%s\t0\t\n' "$(goal_seconds "$WORK/uptodate-first.log")" \
    "$(stat -c %s "$proj/target/packaging-iso-1.0.iso")" >> "$RESULTS"
  for r in $(seq "$ROUNDS"); do
    package_once "$WORK/uptodate-again.log"
    grep -q "up to date" "$WORK/uptodate-again.log" || { echo "second build was not up to date" >&2; exit 1; }
    printf 'mvn package: bootimage goals\tnothing changed\t%s\t0\t%s\t0\t\n' \
      "$(goal_seconds "$WORK/uptodate-again.log")" "$(stat -c %s "$proj/target/packaging-iso-1.0.iso")" >> "$RESULTS"
  done
}

# ---------------------------------------------------------------- the table
table() {
echo
echo "bootimage benchmark: $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1), rounds: $ROUNDS," \
  "$(($(date +%s) - ${START:-$(date +%s)})) s; $(uptime | sed 's/.*load/load/')"
echo "Medians of wall time (JVM start included for ours); ratio = ours / peer (below 1: ours is faster);"
echo "in Maven = the same ratio for the work without starting a JVM (BenchMain's own clock from main(): class"
echo "loading, cold JIT and the work, as a goal inside a running Maven); on the ours row: those seconds."
echo "CPU s = user + system (median); size ratio = ours / peer; peak RSS from /usr/bin/time."
echo
awk -F'\t' '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    k = $1 SUBSEP $2
    if (!(k in secs)) { order[++n] = k; if (!($1 in seen)) { groups[++g] = $1; seen[$1] = 1 } }
    secs[k] = secs[k] " " $3; cpu[k] = cpu[k] " " $6; if ($4 + 0 > rss[k] + 0) rss[k] = $4; size[k] = $5
    if ($7 != "") inner[k] = inner[k] " " $7
  }
  END {
    printf "| %-36s | %-16s | %9s | %7s | %9s | %7s | %12s | %10s | %10s |\n", "work", "tool", "median s", "ratio", "in Maven", "CPU s", "output bytes", "size ratio", "peak RSS MB"
    printf "|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", "--------------------------------------", "------------------", "----------:", "--------:", "----------:", "--------:", "-------------:", "-----------:", "------------:"
    for (x = 1; x <= g; x++) {
      grp = groups[x]; o = grp SUBSEP "ours"; mo = (o in secs) ? median(secs[o]) : 0
      mi = (o in inner) ? median(inner[o]) : 0
      for (i = 1; i <= n; i++) {
        split(order[i], kk, SUBSEP); if (kk[1] != grp) continue
        m = median(secs[order[i]])
        ratio = (kk[2] == "ours" || m == 0 || mo == 0) ? "" : sprintf("%.2f", mo / m)
        sr = (kk[2] == "ours" || size[order[i]] == 0 || !(o in size)) ? "" : sprintf("%.3f", size[o] / size[order[i]])
        jr = mi == 0 ? "" : kk[2] == "ours" ? sprintf("(%.2f s)", mi) : m == 0 ? "" : sprintf("%.2f", mi / m)
        printf "| %-36s | %-16s | %9.2f | %7s | %9s | %7.2f | %12.0f | %10s | %10.0f |\n", grp, kk[2], m, ratio, jr, median(cpu[order[i]]), size[order[i]], sr, rss[order[i]] / 1024
      }
    }
  }' "$RESULTS" | tee "$WORK/table.md"
echo
echo "Phases of our runs (from BenchMain, last round): see $WORK/phases.txt"
}

if [ $TABLE_ONLY = 1 ]; then table; exit 0; fi

run_jmh() {
  local quick=(); [ $QUICK = 1 ] && quick=(-f 1 -wi 0 -i 1 -w 200ms -r 200ms)
  log "JMH micro-benchmarks${JMH_RE:+ matching $JMH_RE}"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of options
  java -cp "$CP" org.openjdk.jmh.Main "${JMH_RE:-io.github.bootimage.bench.}" "${quick[@]}" ${JMH_ARGS:-} \
    -rf text -rff "$WORK/jmh.txt" > "$WORK/jmh.log" 2>&1 || { tail -40 "$WORK/jmh.log" >&2; exit 1; }
  cat "$WORK/jmh.txt"
}
if [ $JMH = 1 ]; then run_jmh; exit 0; fi

# ---------------------------------------------------------------- the run
START=$(date +%s)
: > "$RESULTS"
: > "$WORK/phases.txt"
log "load before: $(uptime)"
BB=$(busybox_tree)
if [ $QUICK = 1 ]; then
  SMALL=$(small_tree 2000)
  bench_cpio busybox "$BB"; bench_cpio "2,000 small files" "$SMALL"
  bench_compress busybox "$BB"
  bench_iso busybox "$BB"; bench_iso "2,000 small files" "$SMALL"
  bench_memory 2 $((16 << 20))
  bench_uptodate
  run_jmh
else
  want() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
  MODULES=$(ls -d "$(deb linux-image-amd64)"/lib/modules/* | head -1)
  SMALL=$(small_tree 100000)
  if want cpio; then
    log "cpio"; bench_cpio busybox "$BB"; bench_cpio "modules" "$MODULES"; bench_cpio "100,000 small files" "$SMALL"
  fi
  if want iso; then
    log "iso"; bench_iso busybox "$BB"; bench_iso "modules" "$MODULES"; bench_iso "100,000 small files" "$SMALL"
  fi
  if want compress; then
    log "compressors"; bench_compress busybox "$BB"; bench_compress "modules/kernel/fs" "$MODULES/kernel/fs"
  fi
  if [ $BOOT = 1 ] && want boot; then log "boot"; bench_boot; fi
  if want heap; then log "heap"; bench_memory 4 $((1 << 30)); fi
  if want uptodate; then log "second mvn package"; bench_uptodate; fi
fi
log "load after: $(uptime)"

table
