// The generated project booted, ran its hook script and showed its motd, on BIOS and UEFI.
def logs = []
new File(basedir.toString()).eachFileRecurse { f -> if (f.name in ['bios-cdrom.log', 'uefi-cdrom.log']) logs << f }
assert logs.size() == 2 : "boot logs not found under ${basedir}"
logs.each { log ->
    def text = log.getText('UTF-8')
    assert text.contains('rescue image: hooks ran') : "${log}: the S50hello.sh hook did not run"
    assert text.contains('Rescue image built with bootimage') : "${log}: /etc/motd was not shown"
}
true
