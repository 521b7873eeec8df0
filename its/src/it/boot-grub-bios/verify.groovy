// The recipe's grub.cfg (plus two serial lines and an insmod in the entry) boots with GRUB on BIOS and with
// shim + GRUB on UEFI, each to the shell, from CD and from the image as a disk, and with Secure Boot.
def log = new File(basedir, 'build.log').text
assert log =~ /Writing ISO \[BIOS: GRUB\] \[UEFI: shim \+ GRUB\] \[hybrid\]: .*boot-grub-bios-1\.0\.iso/ : "ISO line"
assert !log.contains('The BIOS GRUB (grubPc) is GRUB') : 'same GRUB version, no warning'
def dir = new File(basedir, 'target/bootimage/boot-test')
def logs = dir.listFiles().collectEntries { [(it.name): it.text] }
def targets = ['bios-cdrom', 'bios-disk', 'uefi-cdrom', 'uefi-disk', 'uefi-secureboot-cdrom']
targets.each { assert logs["${it}.log"] : "no console log of $it in ${dir.list()}" }
['bios-cdrom', 'bios-disk'].each {
    def console = logs["${it}.log"]
    // GRUB's own line when it boots an entry (its greeting comes before grub.cfg turns the serial line on)
    assert console.contains("Booting `Linux'") : "$it: GRUB booted the entry"
    assert !console.contains('ISOLINUX') : "$it: ISOLINUX ran"
    // regexp.mod is not in the core: insmod read it from /boot/grub/i386-pc/ on the ISO.
    assert console.contains('regexp loaded on i386-pc') : "$it: insmod regexp"
}
assert logs['uefi-secureboot-cdrom.log'] =~ /(?i)secure ?boot enabled/
def report = dir.listFiles().find { it.name.startsWith('TEST-') }.text
targets.each { assert report.contains(it) : "report lacks $it" }
assert !report.contains('<failure') : report
def lock = new File(basedir, 'bootimage.lock').text
assert lock.contains('grub-pc-bin') && !lock.contains('isolinux')
true
