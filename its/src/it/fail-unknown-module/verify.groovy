// An unknown module is named with the closest names and where to look; no initramfs is left behind.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('<module>usb-storge</module>: kernel ') && log.contains('has no such module') : log
assert log =~ /closest names: [^\n]*usb_storage/ : log
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.contains('.cpio') || it.name.contains('.tmp') } : target.list()
true
