"""The site as production runs it, for tests: gunicorn with the production settings,
and nginx in front with the configuration we ship (deploy/nginx.conf). Everything
listens on 127.0.0.1 on free ports and is stopped by the fixture that started it."""

import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
HOST = "icssi.example"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process=None, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server stopped with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing listens on port {port}")


def manage(env, *args, stdin=None, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def production_env(directory, **extra):
    """A production environment on an SQLite file and a media folder in `directory`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="icssi_cms.settings.production",
        SECRET_KEY="serving-tests-" + "s" * 50,
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        SQLITE_PATH=str(Path(directory) / "site.sqlite3"),
        MEDIA_ROOT=str(Path(directory) / "media"),
        STATIC_ROOT=str(ROOT / "collected_static"),
        PAGE_CACHE_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    env.update(extra)
    return env


def build_site(directory, env):
    """Migrate, seed, groups and static files, as docs/deploy.md orders them."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_seed_content")
    manage(env, "setup_groups", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def copy_site(template, directory):
    """A fresh copy of a site built by build_site (see the production_site fixture)."""
    shutil.copytree(template, directory, dirs_exist_ok=True)
    return Path(directory)


class Gunicorn:
    def __init__(self, env, workers=2):
        self.port = free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_ACCESS_LOG": "",
        }
        self.log = Path(env["SQLITE_PATH"]).with_suffix(f".gunicorn-{self.port}.log")

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "icssi_cms/gunicorn.conf.py",
                "icssi_cms.wsgi",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, self.process)
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def output(self):
        return self.log.read_text(errors="replace")


def self_signed_certificate(directory):
    cert, key = Path(directory) / "cert.pem", Path(directory) / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def render_nginx_conf(directory, upstream_ports, media_root, http_port, https_port):
    """deploy/nginx.conf with only its CHANGE lines set for this machine."""
    directory = Path(directory)
    cert, key = self_signed_certificate(directory)
    servers = "\n".join(f"        server 127.0.0.1:{port};" for port in upstream_ports)
    replacements = [
        (r"user www-data;.*", "user root;"),
        (r"pid /run/nginx-icssi.pid;.*", f"pid {directory}/nginx.pid;"),
        (r"error_log \S+ warn;.*", f"error_log {directory}/error.log warn;"),
        (r"access_log \S+;.*", f"access_log {directory}/access.log;"),
        (r" *server 127\.0\.0\.1:8000;.*", servers),
        (r"listen 80;.*", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl http2;.*", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (r"ssl_certificate /\S+;.*", f"ssl_certificate {cert};"),
        (r"ssl_certificate_key /\S+;.*", f"ssl_certificate_key {key};"),
        (r"alias /srv/icssi/media/;.*", f"alias {media_root}/;"),
    ]
    text = NGINX_CONF.read_text()
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, f"deploy/nginx.conf no longer has one line matching {pattern}"
    # Temporary files of this instance in its own folder.
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        text = text.replace(
            "http {\n", f"http {{\n    {kind}_temp_path {directory}/{kind}_temp;\n", 1
        )
    path = directory / "nginx.conf"
    path.write_text(text)
    return path


class Nginx:
    def __init__(self, directory, upstream_ports, media_root):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.http_port, self.https_port = free_port(), free_port()
        self.conf = render_nginx_conf(
            self.directory, upstream_ports, media_root, self.http_port, self.https_port
        )

    def check(self):
        return subprocess.run(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-t", "-c", str(self.conf)],
            capture_output=True,
            text=True,
        )

    def __enter__(self):
        result = subprocess.run(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(self.conf)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        wait_for_port(self.https_port)
        return self

    def __exit__(self, *exc):
        pid = int((self.directory / "nginx.pid").read_text())
        os.kill(pid, signal.SIGQUIT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)


class Visitor:
    """One visitor talking HTTPS to nginx from its own loopback address
    (127.0.0.0/8 is all this machine's), keeping cookies like a browser."""

    def __init__(self, port, address="127.0.0.1", https=True):
        self.port, self.address, self.https = port, address, https
        self.cookies = SimpleCookie()

    def request(self, method, path, body=None, headers=None, form=None):
        context = ssl._create_unverified_context()  # our own self-signed certificate
        if self.https:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, context=context, source_address=(self.address, 0)
            )
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, source_address=(self.address, 0)
            )
        headers = {"Host": HOST, **(headers or {})}
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(header)
        connection.close()
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path, form, **kwargs):
        """POST a form the way a browser does: with the CSRF token from the page."""
        page = self.get(path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if match:
            form = {"csrfmiddlewaretoken": match.group(1), **form}
        headers = {"Referer": f"https://{HOST}{path}", **kwargs.pop("headers", {})}
        return self.request("POST", path, form=form, headers=headers, **kwargs)
