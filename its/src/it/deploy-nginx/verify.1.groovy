// After the deploy with credentials: every file arrived under its Maven 2 layout path with the built bytes,
// its signature verifies with a real gpg, SHA256SUMS checks; then a snapshot of the repository for build 2.
import java.nio.file.Files
import java.security.MessageDigest

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itCommon, 'ItSupport.groovy'))

def root = new File(basedir, 'target/nginx/www/repo')
def dir = new File(root, 'io/github/bootimage/its/deploy-nginx/1.0')
def base = 'deploy-nginx-1.0'
def files = ["${base}.iso", "${base}-initramfs.cpio.zst", "${base}.pom", "${base}-checksums.txt"]*.toString()
// Maven uploads .sha1 and .md5 for each file, but not for the signatures.
def expected = files.collectMany { f -> [f, f + '.sha1', f + '.md5', f + '.asc'] }
assert dir.list().sort() == expected.sort()
def metadata = new File(root, 'io/github/bootimage/its/deploy-nginx/maven-metadata.xml')
assert metadata.isFile() && new File(metadata.path + '.sha1').isFile()
def xml = new groovy.xml.XmlSlurper().parse(metadata)
assert xml.groupId == 'io.github.bootimage.its' && xml.artifactId == 'deploy-nginx'
assert xml.versioning.release == '1.0' && xml.versioning.versions.version*.text() == ['1.0']

// The bytes on the server are the bytes built (and the .sha1 next to them is right).
def target = new File(basedir, 'target')
[("${base}.iso"): new File(target, "${base}.iso"),
 ("${base}-initramfs.cpio.zst"): new File(target, "${base}-initramfs.cpio.zst"),
 ("${base}.pom"): new File(basedir, 'pom.xml')].each { name, built ->
    def deployed = new File(dir, name)
    assert Arrays.equals(Files.readAllBytes(deployed.toPath()), Files.readAllBytes(built.toPath())) : name
    def sha1 = MessageDigest.getInstance('SHA-1').digest(deployed.bytes).encodeHex().toString()
    assert new File(dir, name + '.sha1').text.trim() == sha1
}

// A real gpg with only the public key accepts every signature; sha256sum -c accepts the list.
def env = its.gpgWithKey(basedir, new File(basedir, 'rsa.pub.asc'))
files.each {
    def status = its.run(['gpg', '--batch', '--status-fd', '1', '--verify', it + '.asc', it], dir, env)
    assert status.contains('[GNUPG:] VALIDSIG 103798DF507373106D527B442EC8C94E0B8574FF 2026-01-01') : status
}
assert its.run(['sha256sum', '--strict', '-c', "${base}-checksums.txt"], dir).readLines().size() == 2

// Every upload was authenticated; install was skipped, so the image exists only on the server.
def access = new File(basedir, 'target/nginx/logs/access.log').readLines()
def puts = access.findAll { it.contains('"PUT ') }
assert puts.size() == expected.size() + 3 && puts.every { it.contains(' deployer [') && it =~ /" 20[14] / }
assert !new File(localRepositoryPath, 'io/github/bootimage/its/deploy-nginx/1.0').exists()

// Neither the repository password nor the key's passphrase reaches the log.
def log = new File(basedir, 'build.log').text
assert log.contains('Signing with key 103798DF507373106D527B442EC8C94E0B8574FF')
assert !log.contains('deploy-secret') && !log.contains('test-passphrase')

// What build 2 must leave as it is.
def snapshot = new File(basedir, 'target/published.txt')
snapshot.text = root.path.length().with { n ->
    def lines = []
    root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        lines << "${f.path.substring(n)} ${f.length()} ${f.lastModified()}"
    }
    lines.sort().join('\n')
}
new File(basedir, 'target/access-lines.txt').text = access.size().toString()
true
