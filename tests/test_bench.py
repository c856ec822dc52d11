"""`manage.py bench --compare-bakerydemo`: what can be checked without running it."""

import hashlib
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from icssi_cms.management.commands.bench import Command, rotating_script, server_memory


def test_compare_bakerydemo_says_why_it_skips_without_a_checkout(tmp_path):
    out = StringIO()
    call_command("bench", "--compare-bakerydemo", str(tmp_path / "absent"), stdout=out)
    assert f"skipped (no {tmp_path / 'absent'}/.venv/bin/gunicorn)" in out.getvalue()


def test_memory_is_read_for_a_process_and_its_children():
    child = subprocess.Popen(["sleep", "30"])
    try:
        memory = server_memory(os.getpid())
    finally:
        child.kill()
        child.wait()
    assert child.pid in memory
    rss, pss, private = memory[os.getpid()]
    assert rss >= pss >= private > 0


def test_wrk_script_asks_for_each_page_in_turn():
    script = rotating_script(["/en/", "/en/news/"])
    assert 'paths = {"/en/", "/en/news/"}' in script
    assert "paths[count % #paths + 1]" in script


def test_production_install_falls_back_to_this_interpreter_and_says_so(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "unbuildable"\nversion = "0"\n'
        'dependencies = ["no-such-package-icssi-bench==0.0.0"]\n'
    )
    out = StringIO()
    python = Command(stdout=out).production_python(tmp_path)
    assert python == Path(sys.executable)
    assert "not made (" in out.getvalue()
    assert "test tools and all" in out.getvalue()


def test_production_install_is_reused_while_pyproject_is_unchanged(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    venv = tmp_path / ".bench" / "production-venv"
    venv.mkdir(parents=True)
    digest = hashlib.sha256((tmp_path / "pyproject.toml").read_bytes()).hexdigest()
    (venv / "pyproject.sha256").write_text(digest)
    out = StringIO()
    assert Command(stdout=out).production_python(tmp_path) == venv / "bin" / "python"
    assert "Installing" not in out.getvalue()
