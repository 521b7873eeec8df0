// After both builds: stop the server first (this hook runs on every path), then check that the deploy without
// credentials failed with the server's 401 and published nothing.
def nginx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, 'Nginx.groovy'))
nginx.stop(new File(basedir, 'target/nginx'))
def snapshot = new File(basedir, 'target/published.txt')
assert snapshot.isFile() : 'build 1 did not get to verify.1.groovy: see above'

def root = new File(basedir, 'target/nginx/www/repo')
def lines = []
root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    lines << "${f.path.substring(root.path.length())} ${f.length()} ${f.lastModified()}"
}
assert lines.sort().join('\n') == snapshot.text : 'build 2 changed the repository'

def log = new File(basedir, 'build.log').text
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') && it.contains('deploy') }
assert error != null && error.contains('401') && error.contains('127.0.0.1') : error

// The server saw build 2's uploads and refused them all (nginx answers 401 before reading a body, then may
// take the rest of the ISO's body on that connection for a bad request: 400).
def access = new File(basedir, 'target/nginx/logs/access.log').readLines()
def build2 = access.drop(new File(basedir, 'target/access-lines.txt').text as int)
assert build2.any { it.contains('"PUT /repo/') && it =~ /" 401 / } : build2.join('\n')
assert build2.every { it =~ /" 40[01] / } : build2.join('\n')
true
