// Goals bound by hand in a pom project: the minimal /init of the classic recipe, booted with
// qemu -kernel/-initrd; the ISO is attached with classifier iso.
def target = new File(basedir, 'target')
def initrd = new File(target, 'classic-initramfs-1.0-initramfs.cpio.gz')
assert initrd.isFile() : "no initramfs in $target"
def iso = new File(target, 'classic-initramfs-1.0.iso')
assert iso.isFile() && iso.length() > 1_000_000

// The minimal init is a shell script that mounts and execs /bin/sh; all applets are in /bin.
def list = ['bash', '-c', "gzip -dc '$initrd' | cpio -it --quiet"].execute()
def names = list.text.readLines()
assert list.waitFor() == 0
assert names.contains('init') && names.contains('bin/sh') && names.contains('dev/console')
assert !names.contains('etc/inittab') : 'minimal init must not ship an inittab'
assert !names.any { it.startsWith('usr/sbin/') }
def init = ['bash', '-c', "cd '$target' && gzip -dc '$initrd' | cpio -i --quiet --to-stdout init"].execute()
def script = init.text
assert init.waitFor() == 0
assert script.startsWith('#!/bin/sh') && script.contains('exec /bin/sh') : script

// <modules>: ext4 and virtio_blk with their dependencies from the kernel's package, indexes for modprobe, and
// the init loads drivers before the shell (modprobe at its /bin path, as the kernel's request_module needs it).
def release = names.find { it ==~ /lib\/modules\/[^\/]+/ }?.substring('lib/modules/'.length())
assert release : 'no lib/modules/<release> in the initramfs'
['kernel/fs/ext4/ext4.ko', 'kernel/fs/jbd2/jbd2.ko', 'kernel/crypto/crc32c_generic.ko',
 'kernel/drivers/block/virtio_blk.ko', 'modules.dep', 'modules.alias', 'modules.softdep', 'modules.symbols',
 'modules.builtin'].each { assert names.contains("lib/modules/$release/$it".toString()) : it }
assert names.contains('etc/mdev.conf')
assert script.contains('echo /bin/modprobe > /proc/sys/kernel/modprobe') && script.contains('modalias') : script

def log = new File(basedir, 'build.log').text
assert log =~ /Kernel modules: \d+ of \d+ for kernel \Q$release\E \(ext4, virtio_blk\)/ : log
assert log.contains('bios-kernel')
def reports = new File(target, 'bootimage/boot-test').listFiles().findAll { it.name.startsWith('TEST-') }
assert reports && reports[0].text.contains('testcase') && !reports[0].text.contains('<failure')

// Outside packaging iso the ISO is an attached artifact with classifier iso.
def repo = new File(localRepositoryPath, 'io/github/bootimage/its/classic-initramfs/1.0')
assert new File(repo, 'classic-initramfs-1.0-iso.iso').isFile()
assert new File(repo, 'classic-initramfs-1.0-initramfs.cpio.gz').isFile()
assert new File(repo, 'classic-initramfs-1.0.pom').isFile()
true
