// A jar keeps no file modes, so the generated mvnw would not be executable: make it so (owner, group, others
// may run it, as git checks it out).
def mvnw = new File(request.outputDirectory, request.artifactId + '/mvnw')
if (!mvnw.setExecutable(true, false)) {
    throw new IllegalStateException("cannot make ${mvnw} executable")
}
