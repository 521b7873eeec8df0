// Packaging iso: the ISO is the main artifact, the initramfs is attached, both are installed,
// and the boot test ran on BIOS and UEFI.
def target = new File(basedir, 'target')
def iso = new File(target, 'packaging-iso-1.0.iso')
assert iso.isFile() && iso.length() > 1_000_000
assert new File(target, 'packaging-iso-1.0-initramfs.cpio.zst').isFile()
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Scanning for projects/).findAll { it.contains('BUILD') }
assert builds.size() == 2 && builds.every { it.contains('BUILD SUCCESS') }
// The second package with nothing changed reuses both images.
assert builds[1] =~ /Initramfs \(.*\) up to date, not rebuilt/ : builds[1]
assert builds[1] =~ /ISO .* up to date, not rebuilt/ : builds[1]
assert !builds[1].contains('Writing ')
assert log.contains('bios-cdrom') && log.contains('uefi-cdrom')
def report = target.toPath().resolve('bootimage/boot-test').toFile().listFiles().find { it.name.startsWith('TEST-') }
assert report != null && report.text.contains('testcase')
def repo = new File(localRepositoryPath, 'io/github/bootimage/its/packaging-iso/1.0')
assert new File(repo, 'packaging-iso-1.0.iso').isFile()
assert new File(repo, 'packaging-iso-1.0-initramfs.cpio.zst').isFile()
// The lock file pins every Debian input.
def lock = new File(basedir, 'bootimage.lock').text
['linux-image', 'busybox-static', 'isolinux', 'syslinux-common', 'shim-signed', 'grub-efi-amd64-signed'].each {
    assert lock.contains(it) : "bootimage.lock lacks $it"
}
true
