// Every compression: the host's own tool accepts each file, each one decompresses to the very same cpio
// as the uncompressed output, GNU cpio and bsdtar read that cpio, and the lz4 one booted.
def target = new File(basedir, 'target')
def run = { String cmd ->
    def p = ['bash', '-c', cmd].execute(null, target)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "$cmd failed: $err"
    out.toString()
}
def base = 'compressions-1.0-initramfs.cpio'
def plain = new File(target, base)
assert plain.isFile() && plain.length() % 512 == 0
// Build outputs are readable by everyone (not the 0600 of a temporary file).
def perms = java.nio.file.Files.getPosixFilePermissions(plain.toPath())
assert perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ) : perms
def tools = [
    '.gz'  : ['gzip -t', 'gzip -dc'],
    '.xz'  : ['xz -t', 'xz -dc'],
    '.zst' : ['zstd -q -t', 'zstd -q -dc'],
    '.lz4' : ['lz4 -q -t', 'lz4 -q -dc'],
    '.lzma': ['xz --format=lzma -t', 'xz --format=lzma -dc'],
    '.bz2' : ['bzip2 -t', 'bzip2 -dc'],
]
def plainSha = run("sha256sum $base").split(' ')[0]
tools.each { ext, t ->
    def f = new File(target, base + ext)
    assert f.isFile() : "no $f"
    assert f.length() < plain.length() : "$f is not smaller than the plain cpio"
    run("${t[0]} $base$ext")
    def sha = run("${t[1]} $base$ext | sha256sum").split(' ')[0]
    assert sha == plainSha : "$ext does not decompress to the plain cpio"
}
// Kernel requirements: xz with a CRC32 check, lz4 in the legacy frame.
assert run("xz --robot --list ${base}.xz").contains('CRC32')
def magic = new File(target, base + '.lz4').withInputStream { s -> (0..3).collect { String.format('%02x', s.read()) }.join() }
assert magic == '02214c18' : "lz4 is not the legacy frame: $magic"
def gz = new File(target, base + '.gz').bytes
assert gz[4] == 0 && gz[5] == 0 && gz[6] == 0 && gz[7] == 0 : 'gzip header mtime must be 0'

def cpio = run("cpio -itv --quiet < $base")
assert cpio =~ /(?m)^l.* bin\/sh -> .*busybox$/
assert cpio =~ /(?m)^c.* 5,\s+1 .* dev\/console$/
def bsd = run("bsdtar -tf $base").readLines()
assert bsd.contains('init') && bsd.contains('bin/busybox')

// Each execution attached its own artifact.
def log = new File(basedir, 'build.log').text
assert log.contains('bios-kernel')
['none', 'gzip', 'xz', 'zstd', 'lz4', 'lzma', 'bzip2'].each { assert log.contains("initramfs-$it") }
def reports = new File(target, 'bootimage/boot-test').listFiles().findAll { it.name.startsWith('TEST-') }
assert reports && !reports[0].text.contains('<failure')
true
