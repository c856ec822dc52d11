"""What `make bench`, `make load-test` and the serving tests share: a free port,
gunicorn started with the site's configuration and waited for, nginx in front with
the configuration we ship (deploy/nginx.conf), a visitor from an address of its
own, and wrk's figures."""

import contextlib
import http.client
import os
import re
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
# The name the site answers to behind nginx in tests and load tests.
HOST = "icssi.example"


def wait_for(url, seconds=30):
    """Until `url` answers (any HTTP status); RuntimeError after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own server on loopback
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answered at {url}")


@contextlib.contextmanager
def gunicorn(env, port, workers, ready_path="/health/", python=sys.executable):
    """gunicorn with icssi_cms/gunicorn.conf.py on 127.0.0.1:`port`, until the block
    ends; `python` is the virtualenv's interpreter that runs it."""
    command = [str(python), "-m", "gunicorn", "-c", str(ROOT / "icssi_cms" / "gunicorn.conf.py")]
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESS_LOG": "",
    }
    with server(
        command + ["icssi_cms.wsgi"], env, ROOT, f"http://127.0.0.1:{port}{ready_path}"
    ) as process:
        yield process


@contextlib.contextmanager
def server(command, env, cwd, ready_url):
    """`command` running in `cwd` once `ready_url` answers, until the block ends."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the server, below
    # The application's own log (a JSON line per request) with gunicorn's, out of the way.
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            # A loaded machine may take a while to import the site in each worker.
            wait_for(ready_url, seconds=120)
        except RuntimeError:
            log.seek(0)
            raise RuntimeError(
                f"{shlex.join(command)} did not start: {log.read().decode()[-2000:]}"
            ) from None
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def wrk(url, seconds, connections, script=None):
    """wrk's report on `url` (text), with two threads."""
    command = wrk_command(url, seconds, connections, script)
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def wrk_command(url, seconds, connections, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if script:
        command += ["-s", str(script)]
    return command + [url]


def parse_wrk(output):
    """Requests per second, p50 and p99 latency (ms), non-2xx/3xx answers and socket
    errors from wrk's report."""

    def milliseconds(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]) if "50" in latency else None,
        "p99": milliseconds(latency["99"]) if "99" in latency else None,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "none",
    }


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
        extra = kwargs.pop("headers", {})
        page = self.get(path, headers=extra)  # the same Host as the POST
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if match:
            form = {"csrfmiddlewaretoken": match.group(1), **form}
        headers = {"Referer": f"https://{HOST}{path}", **extra}
        return self.request("POST", path, form=form, headers=headers, **kwargs)
