// The generated help goal lists the plugin's goals with their parameters.
def log = new File(basedir, 'build.log').text
assert log.contains('bootimage:help')
assert log.contains('BUILD SUCCESS')
