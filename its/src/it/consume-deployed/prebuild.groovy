// Serves what deploy-nginx published (its repository directory) on a new port, with the same Basic auth.
def producer = new File(basedir, '../deploy-nginx')
def published = new File(producer, 'target/nginx/www')
assert new File(published, 'repo/io/github/bootimage/its/deploy-nginx/1.0').isDirectory() :
        'run deploy-nginx first (-Dinvoker.test=deploy-nginx,consume-deployed)'
def nginx = new GroovyClassLoader(getClass().classLoader).parseClass(new File(producer, 'Nginx.groovy'))
int port = nginx.start(new File(basedir, 'target/nginx'), published)
new File(basedir, 'deploy.properties').text = "deploy.port=$port\n"
println "nginx serving deploy-nginx's repository on http://127.0.0.1:$port/repo/"
true
