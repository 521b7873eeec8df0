// A missing kernel file is named with the parameter and how to fix it; no ISO is left behind.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /kernel: file .*does\/not\/exist does not exist/ : log
assert log.contains('Fix <file>')
def target = new File(basedir, 'target')
assert !target.exists() || !target.listFiles().any { it.name.endsWith('.iso') || it.name.contains('.tmp') } : target.list()
true
