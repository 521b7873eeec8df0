// A frozen lock without bootimage.lock: the unlocked Debian package is an error that says how to lock it,
// and the build wrote no lock file.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('busybox-static') && log.contains('and the lock is frozen (-Dbootimage.lock.frozen)') : log
assert log.contains('-Dbootimage.lock.update')
assert !new File(basedir, 'bootimage.lock').exists()
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.cpio') } : target.list()
true
