// Helpers shared by the post-build scripts. A script loads this class through the scriptVariables entry
// itCommon (its/pom.xml), since invoker clones only the selected projects:
//   def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itCommon, 'ItSupport.groovy'))

class ItSupport {
    /** Runs a command in dir (stderr merged into stdout), asserts exit code 0 and returns the output. */
    static String run(List command, File dir, Map<String, String> env = [:]) {
        def pb = new ProcessBuilder(command*.toString()).directory(dir).redirectErrorStream(true)
        pb.environment().putAll(env)
        def p = pb.start()
        def out = p.inputStream.text
        assert p.waitFor() == 0 : "${command.join(' ')} failed:\n$out"
        out
    }

    /**
     * A fresh gpg home under basedir/target/gnupg (mode 700, as gpg wants) holding only publicKey; returns the
     * environment for gpg commands that use it.
     */
    static Map<String, String> gpgWithKey(File basedir, File publicKey) {
        def home = new File(basedir, 'target/gnupg')
        home.mkdirs()
        [home.&setReadable, home.&setWritable, home.&setExecutable].each { it(false, false); it(true, true) }
        def env = [GNUPGHOME: home.path, LC_ALL: 'C']
        run(['gpg', '--batch', '--import', publicKey.path], basedir, env)
        // gpg may start an agent for this home; it must not outlive the build
        Runtime.runtime.addShutdownHook(new Thread({
            def p = new ProcessBuilder('gpgconf', '--kill', 'all').redirectErrorStream(true)
            p.environment().putAll(env)
            p.start().waitFor()
        }))
        env
    }
}
