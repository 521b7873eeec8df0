// Runs only where nginx (Debian: nginx-light or nginx) and openssl are installed (deploy-nginx fills its repository).
def found = { String name ->
    (System.getenv('PATH').split(':') + ['/usr/sbin', '/usr/bin']).any { new File(it, name).canExecute() }
}
found('nginx') && found('openssl')
