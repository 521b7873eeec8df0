// Signing in packaging iso: every published file has an .asc that a real gpg accepts, SHA256SUMS checks,
// a rebuild signs to the same bytes, and the key never reaches the log.
import java.nio.file.Files

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itCommon, 'ItSupport.groovy'))

def fingerprint = '73BE26181CD195306701D49D13409F41C394A785'
def repo = new File(localRepositoryPath, 'io/github/bootimage/its/sign-packaging-iso/1.0')
def base = 'sign-packaging-iso-1.0'
def published = ["${base}.iso", "${base}-initramfs.cpio.zst", "${base}.pom", "${base}-checksums.txt"]
published.each {
    assert new File(repo, it).isFile() : "$it not installed"
    assert new File(repo, it + '.asc').isFile() : "$it.asc not installed"
}

// A fresh keyring with only the public key: gpg must report a good signature by that key for every file.
def env = its.gpgWithKey(basedir, new File(basedir, 'ed25519.pub.asc'))
published.each {
    def status = its.run(['gpg', '--batch', '--status-fd', '1', '--verify', it + '.asc', it], repo, env)
    assert status.contains("[GNUPG:] VALIDSIG $fingerprint 2026-01-01 1767225600") : "gpg on $it.asc:\n$status"
}

// SHA256SUMS lists the image files under their published names.
def sums = new File(repo, "${base}-checksums.txt").readLines()
assert sums*.split('  ')*.getAt(1).sort() == ["${base}-initramfs.cpio.zst", "${base}.iso"]
assert its.run(['sha256sum', '--strict', '-c', "${base}-checksums.txt"], repo).readLines().every { it.endsWith(': OK') }

// Build 2 started from an empty target/: same images, so the same signature bytes.
def rebuilt = new File(basedir, 'target/bootimage-sign')
published.each {
    def again = new File(rebuilt, it.replace("${base}-checksums.txt", 'SHA256SUMS') + '.asc')
    assert again.isFile() : "build 2 did not write $again"
    assert Arrays.equals(Files.readAllBytes(again.toPath()), Files.readAllBytes(new File(repo, it + '.asc').toPath())) :
            "$again differs from build 1"
}
def asc = new File(repo, "${base}.iso.asc").text
assert !asc.contains('Version:') && !asc.contains('\r')

// The key and its passphrase never reach the log.
def log = new File(basedir, 'build.log').text
assert log.contains("Signing with key $fingerprint")
assert !log.contains('test-passphrase') && !log.contains('lIYEXgvhABYJKwYBBAHaRw8BAQdAQtyHSjVkdMkdqDfhbn13q0w')
true
