// A dynamically linked binary as BusyBox: the message says why it cannot work and what to use instead.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('/bin/ls') && log.contains('is dynamically linked') : log
assert log.contains('busybox-static') && log.contains('CONFIG_STATIC=y')
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.cpio') } : target.list()
true
