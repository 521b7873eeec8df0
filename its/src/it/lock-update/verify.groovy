// A stale lock (a version the archive dropped): a clear failure, then -Dbootimage.lock.update fixes the lock,
// then the fixed lock builds offline and frozen.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD') }
assert builds.size() == 3 : "expected three builds in build.log, got ${builds.size()}"
assert builds[0].contains('BUILD FAILURE')
assert builds[0].contains('busybox-static=1:0.0-stale') && builds[0].contains('is no longer in the apt archive') : builds[0]
assert builds[0].contains('-Dbootimage.lock.update')
assert builds[1].contains('BUILD SUCCESS')
assert builds[1] =~ /busybox: locked deb busybox-static -> busybox-static \S+, sha256 [0-9a-f]{64}/ : builds[1]
assert builds[2].contains('BUILD SUCCESS')
assert !builds[2].contains(': locked ') && !builds[2].contains('apt-get download')

def text = new File(basedir, 'bootimage.lock').text
assert !text.contains('0.0-stale') && !text.contains('0' * 64) : text
assert text =~ /(?m)^sha256 = [0-9a-f]{64}$/
assert new File(basedir, 'target/lock-update-1.0-initramfs.cpio').isFile()
true
