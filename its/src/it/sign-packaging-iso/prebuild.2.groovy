// Second build from scratch: keep build 1's log, drop everything it built.
new File(basedir, 'target').deleteDir()
true
