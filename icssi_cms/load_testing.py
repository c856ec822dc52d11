"""What `make bench` and `make load-test` share: a free port, gunicorn started with
the site's configuration and waited for, and wrk's figures."""

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
def gunicorn(env, port, workers, ready_path="/health/"):
    """gunicorn with icssi_cms/gunicorn.conf.py on 127.0.0.1:`port`, until the block ends."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "icssi_cms" / "gunicorn.conf.py")]
        + ["icssi_cms.wsgi"],
        env={
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_ACCESS_LOG": "",
        },
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}{ready_path}")
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def wrk(url, seconds, connections, script=None):
    """wrk's report on `url` (text), with two threads."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if script:
        command += ["-s", str(script)]
    return subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout


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
