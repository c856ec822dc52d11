"""`manage.py bench --compare-bakerydemo`: what can be checked without running it."""

import os
import subprocess
from io import StringIO

from django.core.management import call_command

from icssi_cms.management.commands.bench import rotating_script, server_memory


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
