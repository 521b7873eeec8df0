// An unknown compression names the parameter and lists every valid one.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains("Unknown compression 'brotli'") : log
assert log.contains('none, gzip, xz, zstd, lz4, lzma, bzip2')
assert log.contains('compression')
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.cpio') } : target.list()
true
