// Three builds in one project (build.log holds all three, in order): resolve and lock, then offline with a
// frozen lock from the cache, then a lock update.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD') }
assert builds.size() == 3 : "expected three builds in build.log, got ${builds.size()}"
builds.each { assert it.contains('BUILD SUCCESS') }

def lock = new File(basedir, 'bootimage.lock')
assert lock.isFile()
// The lock is meant to be committed and shared: readable by everyone, like any source file.
assert java.nio.file.Files.getPosixFilePermissions(lock.toPath())
        .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
def text = lock.text
assert text.startsWith('# bootimage.lock')
assert text =~ /(?m)^\[.*busybox-static.*\]$/ : text
assert text =~ /(?m)^\s*sha256 = [0-9a-f]{64}$/ : text
assert text =~ /(?m)^\s*version = \S+/ : text

// 1 resolved and locked busybox-static.
assert builds[0] =~ /busybox: locked deb busybox-static -> busybox-static \S+, sha256 [0-9a-f]{64}/ : builds[0]
// 2 ran offline and frozen: nothing resolved, nothing downloaded, the lock untouched.
assert !builds[1].contains('apt-get download') && !builds[1].contains(': locked ')
assert builds[1] =~ /Initramfs \(.*\) (up to date|written)/
// 3 re-resolved to the same package: the lock did not change.
assert !builds[2].contains(': locked ') : 'the archive did not change, so the lock must not either'
assert new File(basedir, 'target/offline-warm-cache-1.0-initramfs.cpio').isFile()
true
