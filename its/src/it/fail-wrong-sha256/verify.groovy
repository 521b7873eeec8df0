// A SHA-256 mismatch names the input, the file, the expected and the actual hash; nothing is written.
import java.security.MessageDigest
def log = new File(basedir, 'build.log').text
def actual = MessageDigest.getInstance('SHA-256').digest(new File(basedir, 'src/busybox').bytes).encodeHex().toString()
assert log.contains('BUILD FAILURE')
assert log.contains('busybox: SHA-256 mismatch for ') : log
assert log.contains('expected: ' + 'ab' * 32)
assert log.contains('actual:   ' + actual)
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.cpio') } : target.list()
true
