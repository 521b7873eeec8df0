// The second project got deploy-nginx's published files from the server, by coordinates and with credentials:
// its ISO carries the published initramfs, and the downloaded ISO matches the signed checksum list.
import java.nio.file.Files

def nginx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../deploy-nginx/Nginx.groovy'))
nginx.stop(new File(basedir, 'target/nginx'))

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itCommon, 'ItSupport.groovy'))

def published = new File(basedir, '../deploy-nginx/target/nginx/www/repo/io/github/bootimage/its/deploy-nginx/1.0')
def local = new File(localRepositoryPath, 'io/github/bootimage/its/deploy-nginx/1.0')
def initramfs = 'deploy-nginx-1.0-initramfs.cpio.zst'
assert new File(local, initramfs).bytes == new File(published, initramfs).bytes
assert new File(local, '_remote.repositories').text.contains("${initramfs}>it-nginx=")

// The ISO built here boots the published initramfs (read back with xorriso, not our reader).
def iso = new File(basedir, 'target/consume-deployed-1.0.iso')
def extracted = new File(basedir, 'target/initrd.img')
extracted.delete()
its.run(['xorriso', '-osirrox', 'on', '-indev', iso.path, '-extract', '/boot/initrd.img', extracted.path], basedir)
assert Arrays.equals(Files.readAllBytes(extracted.toPath()), new File(published, initramfs).bytes)
assert !new File(basedir, 'target/consume-deployed-1.0-initramfs.cpio.zst').exists()
assert new File(basedir, 'bootimage.lock').text.contains('io.github.bootimage.its:deploy-nginx:1.0:cpio.zst:initramfs')

// dependency:copy fetched the ISO, its signature and the checksum list: all check out.
def dir = new File(basedir, 'target/published')
def env = its.gpgWithKey(basedir, new File(basedir, 'rsa.pub.asc'))
its.run(['gpg', '--batch', '--verify', 'deploy-nginx-1.0.iso.asc', 'deploy-nginx-1.0.iso'], dir, env)
def sums = new File(dir, 'deploy-nginx-1.0-checksums.txt').readLines()
def isoLine = sums.find { it.endsWith('  deploy-nginx-1.0.iso') }
assert isoLine != null
new File(dir, 'iso.sha256').text = isoLine + '\n'
its.run(['sha256sum', '--strict', '-c', 'iso.sha256'], dir)

// Every download went through the server with credentials.
def access = new File(basedir, 'target/nginx/logs/access.log').readLines()
['deploy-nginx-1.0.iso', initramfs].each { name ->
    assert access.any { it.contains(' deployer [') && it.contains("GET /repo/io/github/bootimage/its/deploy-nginx/1.0/$name ") && it =~ /" 200 / } :
            "no authenticated GET of $name:\n${access.join('\n')}"
}
true
