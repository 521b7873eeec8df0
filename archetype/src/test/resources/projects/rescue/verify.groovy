// The generated project booted, ran its hook script and showed its motd, on BIOS and UEFI.
def logs = []
new File(basedir.toString()).eachFileRecurse { f -> if (f.name in ['bios-cdrom.log', 'uefi-cdrom.log']) logs << f }
assert logs.size() == 2 : "boot logs not found under ${basedir}"
logs.each { log ->
    def text = log.getText('UTF-8')
    assert text.contains('rescue image: hooks ran') : "${log}: the S50hello.sh hook did not run"
    assert text.contains('Rescue image built with bootimage') : "${log}: /etc/motd was not shown"
}

// The project has its own Maven wrapper, pinned like ours, executable, and it runs: './mvnw -v' starts the
// pinned Maven (fetched once into ~/.m2/wrapper, where this build's own ./mvnw put it: no network here).
def props = new Properties()
new File(basedir.toString(), 'archetype.properties').withInputStream { props.load(it) }
def project = new File(basedir.toString(), 'project/' + props.artifactId)
def mvnw = new File(project, 'mvnw')
assert mvnw.isFile() && mvnw.canExecute() : "${mvnw} is missing or not executable"
def wrapper = new Properties()
new File(project, '.mvn/wrapper/maven-wrapper.properties').withInputStream { wrapper.load(it) }
assert wrapper.distributionUrl.endsWith('/apache-maven-3.9.11-bin.zip') : "wrapper pins ${wrapper.distributionUrl}"
assert wrapper.distributionSha256Sum ==~ /[0-9a-f]{64}/ : 'the wrapper pins no SHA-256 of Maven'
def readme = new File(project, 'README.md').getText('UTF-8')
assert readme.contains('./mvnw verify') && !(readme =~ /(?m)^\s+mvn /) : 'README.md should use ./mvnw'
def proc = new ProcessBuilder('./mvnw', '-v').directory(project).redirectErrorStream(true).start()
def out = proc.inputStream.getText('UTF-8')
assert proc.waitFor() == 0 : "./mvnw -v failed:\n${out}"
assert out.contains('Apache Maven 3.9.11') : "./mvnw -v ran another Maven:\n${out}"
true
