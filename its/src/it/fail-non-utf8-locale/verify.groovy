// Under a non-UTF-8 locale the UTF-8 overlay name cannot be decoded: a clear error, no mangled archive.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('cannot be decoded') && log.contains('LC_ALL=C.UTF-8') : log
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.cpio') } : target.list()
true
