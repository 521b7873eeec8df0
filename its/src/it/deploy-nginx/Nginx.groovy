// A private Maven repository for the ITs: Debian's nginx on 127.0.0.1 with WebDAV PUT under /repo/ and
// HTTP Basic auth on every request. One process (master_process off) running as the build user, all its
// files under one prefix directory; wrapped in `timeout` so that it dies even if nothing stops it.
// Used by deploy-nginx (read-write) and consume-deployed (serving what deploy-nginx published).

class Nginx {
    static final String USER = 'deployer'
    static final String PASSWORD = 'deploy-secret'

    /**
     * Starts nginx with its config and logs under prefix, serving root (the repository is root/repo/),
     * by default prefix/www; returns the port.
     */
    static int start(File prefix, File root = new File(prefix, 'www')) {
        stop(prefix)
        ['tmp', 'logs'].each { new File(prefix, it).mkdirs() }
        new File(root, 'repo').mkdirs()
        int port = freePort()
        def hash = run(['openssl', 'passwd', '-apr1', PASSWORD]).trim()
        new File(prefix, 'htpasswd').text = "${USER}:${hash}\n"
        new File(prefix, 'nginx.conf').text = config(port, root)
        def log = new File(prefix, 'logs/nginx.out')
        def process = new ProcessBuilder('timeout', '1800', executable(), '-p', prefix.path + '/', '-c', 'nginx.conf',
                '-e', 'logs/error.log').redirectErrorStream(true).redirectOutput(log).start()
        for (int i = 0; i < 200; i++) {
            if (!process.alive) {
                throw new IllegalStateException("nginx exited with ${process.exitValue()}: ${log.text}")
            }
            try {
                new Socket('127.0.0.1', port).close()
                return port
            } catch (IOException notYet) {
                Thread.sleep(50)
            }
        }
        process.destroy()
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:$port within 10 s: ${log.text}")
    }

    /** Stops the nginx started under prefix, if it runs. */
    static void stop(File prefix) {
        def pidFile = new File(prefix, 'nginx.pid')
        if (!pidFile.isFile()) {
            return
        }
        def pid = pidFile.text.trim() as long
        ProcessHandle.of(pid).ifPresent { handle ->
            if (handle.info().command().orElse('').endsWith('nginx')) {
                handle.destroy()
                handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS)
            }
        }
        pidFile.delete()
    }

    static String config(int port, File root) {
        """\
daemon off;
master_process off;
pid nginx.pid;
error_log logs/error.log info;
events { worker_connections 64; }
http {
    access_log logs/access.log;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    client_max_body_size 0;
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:${port};
        root "${root.absolutePath}";
        location /repo/ {
            auth_basic "bootimage IT repository";
            auth_basic_user_file htpasswd;
            dav_methods PUT;
            create_full_put_path on;
            dav_access user:rw group:r all:r;
            autoindex on;
        }
    }
}
"""
    }

    /** Debian installs it in /usr/sbin, which a normal user's PATH may lack. */
    static String executable() {
        new File('/usr/sbin/nginx').canExecute() ? '/usr/sbin/nginx' : 'nginx'
    }

    static int freePort() {
        def socket = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))
        try {
            return socket.localPort
        } finally {
            socket.close()
        }
    }

    static String run(List<String> command) {
        def p = new ProcessBuilder(command).redirectErrorStream(true).start()
        def out = p.inputStream.text
        if (p.waitFor() != 0) {
            throw new IllegalStateException("${command[0]} failed: $out")
        }
        out
    }
}
