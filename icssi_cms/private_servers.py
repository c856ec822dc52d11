"""PostgreSQL and Redis servers of a run's own, on free ports, for `make fault-test`:
it restarts and stops them, so it must never touch the machine's shared servers."""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from icssi_cms.load_testing import free_port


def postgres_bin(tool):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"))
    return found[-1] if found else shutil.which(tool)


class PrivatePostgres:
    """initdb + pg_ctl in a temporary folder, run as the postgres user when root."""

    def __init__(self):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="icssi-pg-"))
        self.data = self.directory / "data"

    def as_postgres(self, *command):
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, text=True)

    def ctl(self, *args):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory}"
        self.as_postgres(
            postgres_bin("pg_ctl"), "-D", str(self.data), "-w", "-l",
            str(self.directory / "server.log"), "-o", options, *args,
        )  # fmt: skip

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def __enter__(self):
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self.as_postgres(
            postgres_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"
        )
        self.ctl("start")
        return self

    def restart(self):
        self.ctl("-m", "fast", "restart")

    def __exit__(self, *exc):
        try:
            self.ctl("-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(50):
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
