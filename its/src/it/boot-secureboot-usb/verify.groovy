// Secure Boot from CD-ROM and BIOS from the image as a disk both reached the shell; the kernel saw
// Secure Boot enabled.
def dir = new File(basedir, 'target/bootimage/boot-test')
def logs = dir.listFiles().collectEntries { [(it.name): it] }
assert logs['uefi-secureboot-cdrom.log'] && logs['bios-disk.log'] : dir.list()
assert logs['uefi-secureboot-cdrom.log'].text =~ /(?i)secure ?boot enabled/
def report = dir.listFiles().find { it.name.startsWith('TEST-') }.text
assert report.contains('uefi-secureboot-cdrom') && report.contains('bios-disk') && !report.contains('<failure')
true
