// The user's init is /init (kept executable), configured entries are in the archive with their modes,
// owners and device numbers, and the boot test saw the init's marker.
def target = new File(basedir, 'target')
def cpioFile = new File(target, 'custom-init-1.0-initramfs.cpio')
assert cpioFile.isFile()
def p = ['bash', '-c', "cpio -itvn --quiet < '$cpioFile'"].execute()
def out = new StringBuilder(), err = new StringBuilder()
p.waitForProcessOutput(out, err)
assert p.exitValue() == 0 : err
def listing = out.toString()
def line = { String name -> listing.readLines().find { it.endsWith(' ' + name) || it.contains(' ' + name + ' -> ') } }
assert line('init') =~ /^-rwxr-xr-x\s+1\s+0\s+0\s/ : line('init')
// /init is the user's file (BusyBox init's inittab may stay, for an init that ends with exec /sbin/init).
def init = ['bash', '-c', "cpio -i --quiet --to-stdout init < '$cpioFile'"].execute().text
assert init == new File(basedir, 'src/main/initramfs/init').text
assert line('etc/greeting') =~ /^-rw-r--r--\s+1\s+0\s+0\s/
assert line('etc/secret') =~ /^-rw-------\s+1\s+1000\s+100\s/ : line('etc/secret')
assert line('dev/ttyS0') =~ /^crw--w----\s+1\s+0\s+0\s+4,\s+64\s/ : line('dev/ttyS0')
assert line('dev/vda') =~ /^brw-------\s+1\s+0\s+0\s+254,\s+0\s/ : line('dev/vda')
assert line('mnt/data') =~ /^drwx------\s/ : line('mnt/data')
assert line('etc/greeting.link') =~ /^lrwxrwxrwx .* etc\/greeting.link -> greeting$/
// bsdtar agrees on the device numbers.
def b = ['bash', '-c', "bsdtar -tvf '$cpioFile' dev/ttyS0"].execute().text
assert b =~ /^crw--w----.* 4,\s*64 / : b

def console = new File(target, 'bootimage/boot-test').listFiles().find { it.name.endsWith('.log') }
assert console != null
def text = console.text
assert text.contains('custom init: HELLO-FROM-CUSTOM-INIT')
assert text =~ /crw--w----\s+1\s+0\s+0\s+4,\s+64 .*\/dev\/ttyS0/
assert text =~ /-rw-------\s+1\s+1000\s+100\s.*\/etc\/secret/
true
