// Starts the repository server and hands its port to the builds as -Ddeploy.port (deploy.properties).
def nginx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, 'Nginx.groovy'))
int port = nginx.start(new File(basedir, 'target/nginx'))
new File(basedir, 'deploy.properties').text = "deploy.port=$port\n"
println "nginx repository on http://127.0.0.1:$port/repo/"
true
