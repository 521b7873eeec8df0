// Builds this project a second time, in another directory, with another TZ, locale (and Java locale), umask,
// input mtimes, file creation order, one compression thread, and JDK 25 instead of the JDK of the first build,
// then compares the outputs byte for byte.
import java.nio.file.*
import java.nio.file.attribute.FileTime
import java.security.MessageDigest

def outputs = ['reproducible-1.0.iso', 'reproducible-1.0-initramfs.cpio.gz',
               'reproducible-1.0-initramfs.cpio.zst', 'reproducible-1.0-initramfs.cpio.xz']
def first = basedir.toPath().resolve('target')
outputs.each { assert Files.isRegularFile(first.resolve(it)) : "first build made no $it" }

def jdk25 = Paths.get('/usr/lib/jvm/temurin-25-jdk-amd64')
def otherJdk = Files.isExecutable(jdk25.resolve('bin/java')) ? jdk25 : Paths.get(System.getProperty('java.home'))
println "second build: JDK ${otherJdk} (first: ${System.getProperty('java.home')})"

// The copy: another path, sources created in reverse order with other mtimes, under umask 077 (cp applies it).
def copy = basedir.toPath().resolveSibling(basedir.name + ' second copy')
if (Files.exists(copy)) {
    ['rm', '-rf', copy.toString()].execute().waitFor()
}
def sources = []
Files.walk(basedir.toPath()).withCloseable { s ->
    s.filter { Files.isRegularFile(it) && !basedir.toPath().relativize(it).startsWith('target') }.each { sources << it }
}
def sh = { String script, Map env = [:] ->
    def pb = new ProcessBuilder('bash', '-c', script).redirectErrorStream(true)
    pb.environment().putAll(env)
    def p = pb.start()
    def out = p.inputStream.text
    [p.waitFor(), out]
}
sources.sort().reverse().each { src ->
    def dst = copy.resolve(basedir.toPath().relativize(src).toString())
    // Arguments go through the environment, which keeps the path's spaces out of the script.
    def r = sh('umask 077; mkdir -p "$(dirname "$DST")" && cp "$SRC" "$DST"', [SRC: src.toString(), DST: dst.toString()])
    assert r[0] == 0 : r[1]
    Files.setLastModifiedTime(dst, FileTime.fromMillis(981173106000L)) // 2001-02-03
}

def itTarget = basedir.toPath().parent.parent // its/target
def settings = itTarget.resolve('it/interpolated-settings.xml')
if (!Files.isRegularFile(settings)) {
    settings = Files.walk(itTarget).withCloseable { s -> s.filter { it.fileName.toString() == 'interpolated-settings.xml' }.findFirst().orElse(null) }
}
assert settings != null : 'cannot find the IT settings file'
def mvn = Paths.get(System.getProperty('maven.home'), 'bin', 'mvn')
def env = [JAVA_HOME: otherJdk.toString(), PATH: otherJdk.resolve('bin').toString() + ':' + System.getenv('PATH'),
           TZ: 'Pacific/Kiritimati', LC_ALL: 'C', LANG: 'C',
           MAVEN_OPTS: '-Duser.language=tr -Duser.country=TR -Duser.timezone=Pacific/Kiritimati',
           MVN: mvn.toString(), SETTINGS: settings.toString(), REPO: localRepositoryPath.toString(),
           CACHE: itTarget.resolve('bootimage-cache').toString(), DIR: copy.toString()]
def second = sh('umask 077; cd "$DIR" && exec "$MVN" -B -V -o -s "$SETTINGS" -Dmaven.repo.local="$REPO" '
        + '-Dbootimage.cacheDirectory="$CACHE" -Dbootimage.threads=1 -Dbootimage.bootTest.skip package', env)
new File(basedir, 'second-build.log').text = second[1]
assert second[0] == 0 : "the second build failed:\n${second[1]}"
assert second[1].contains('1 threads')
// Maven's -V banner shows what the second build ran with.
if (otherJdk == jdk25) {
    assert second[1] =~ /Java version: 25/ : 'the second build did not run on JDK 25'
}
assert second[1] =~ /Default locale: tr_TR/

def sha = { Path p -> MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(p)).encodeHex().toString() }
def differ = outputs.findAll { sha(first.resolve(it)) != sha(copy.resolve('target').resolve(it)) }
if (differ) {
    def report = new StringBuilder()
    differ.each { name ->
        def a = first.resolve(name).toString(), b = copy.resolve('target').resolve(name).toString()
        def hasDiffoscope = sh('command -v diffoscope')[0] == 0
        def r = hasDiffoscope ? sh('diffoscope --text - "$A" "$B" | head -200', [A: a, B: b])
                              : sh('cmp -l "$A" "$B" | head -40; echo "(install diffoscope for a structured diff)"', [A: a, B: b])
        report << "\n== $name differs:\n" << r[1]
    }
    assert false : "not reproducible: ${differ}${report}"
}
println "reproducible: ${outputs.collect { it + ' ' + sha(first.resolve(it)) }.join(', ')}"
true
