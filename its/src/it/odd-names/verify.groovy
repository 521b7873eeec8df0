// Odd names on the ISO: Rock Ridge (xorriso, isoinfo -R, bsdtar) and Joliet (isoinfo -J) read them back
// exactly, and the bytes xorriso extracts equal the sources.
import java.nio.file.*

def target = new File(basedir, 'target')
def iso = new File(target, 'odd-names-1.0.iso')
assert iso.isFile()
def run = { List<String> cmd ->
    def p = cmd.execute(['LC_ALL=C.UTF-8', 'LANG=C.UTF-8'], target)
    def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "$cmd failed: ${err.toString('UTF-8')}"
    out.toString('UTF-8')
}
def src = basedir.toPath().resolve('src/main/iso')
def expected = []
Files.walk(src).withCloseable { s ->
    s.filter { Files.isRegularFile(it) }.each { expected << '/' + src.relativize(it).toString() }
}
assert expected.size() == 11

def rr = run(['isoinfo', '-R', '-f', '-i', iso.path]).readLines() as Set
// 7-Zip reads the Joliet tree (isoinfo -J cannot print UTF-8).
def joliet = run(['7z', 'l', '-slt', '-ba', iso.path]).readLines().findAll { it.startsWith('Path = ') }
        .collect { '/' + it.substring(7) } as Set
def xorr = run(['xorriso', '-indev', iso.path, '-find', '/', '-type', 'f']).readLines()
        .findAll { it.startsWith("'") }.collect { it[1..-2].replace("'\"'\"'", "'") } as Set
def bsd = run(['bsdtar', '-tf', iso.path]).readLines().collect { '/' + it.replaceAll('/$', '') } as Set
def missing = [:]
expected.each { name ->
    if (!rr.contains(name)) missing["isoinfo -R $name"] = true
    if (!xorr.contains(name)) missing["xorriso $name"] = true
    if (!bsd.contains(name)) missing["bsdtar $name"] = true
    // Joliet allows 64 UCS-2 characters per name component (Joliet spec, 103 with mkisofs -joliet-long).
    if (name.split('/').every { it.length() <= 64 } && !joliet.contains(name)) missing["joliet $name"] = true
}
// Joliet's 64-character limit: the long name is cut, keeping its extension.
def longName = expected.find { it.length() > 65 }
assert joliet.contains(longName.substring(0, 61) + '.txt') : "Joliet: $joliet"
assert missing.isEmpty() : "names not read back: ${missing.keySet()}\nRR: $rr\nJoliet: $joliet\nxorriso: $xorr"

// Contents: extract with xorriso and compare with the sources.
def out = new File(target, 'extracted')
run(['xorriso', '-osirrox', 'on', '-indev', iso.path, '-extract', '/', out.path])
expected.each { name ->
    def a = src.resolve(name.substring(1))
    def b = out.toPath().resolve(name.substring(1))
    assert Files.isRegularFile(b) : "not extracted: $name"
    assert Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)) : "content differs: $name"
}
// The plain ISO 9660 names of the three clashing files are distinct (mangling resolved, nothing dropped).
def plain = run(['isoinfo', '-f', '-i', iso.path]).readLines().findAll { it.startsWith('/CLASH/') }
assert plain.size() == 3 && plain.toSet().size() == 3 : plain
true
