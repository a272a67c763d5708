"""Small messages of the CLI, each as a user meets it (subprocess)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "partygraph.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def test_messages_build_of_nothing_says_so_once_and_writes_nothing(tmp_path):
    proc = pg("build", "nosuch.txt", "--output", "out.ttl", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == ["partygraph: nosuch.txt: no such file or folder",
                                        "partygraph: nothing could be built; out.ttl not written"]
    assert not list(tmp_path.iterdir())


def test_messages_viz_unknown_province_is_an_error(tmp_path):
    graph = FIXTURES / "viz_small.ttl"
    proc = pg("viz", graph, "--province", "Atlantis", "--output", "x.html", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "partygraph: --province 'Atlantis': unknown province (no province of Vietnam, before or after 2025, "
        "and no unit in the graph is named so)"]
    assert not list(tmp_path.iterdir())
    # a real province, written without diacritics, is still a filter (here: nothing of it in the graph)
    assert pg("viz", graph, "--province", "ca mau", "--output", "y.html", cwd=tmp_path).returncode == 0


def test_messages_export_dash_writes_to_stdout(tmp_path):
    proc = pg("export", FIXTURES / "viz_small.ttl", "--format", "gexf", "-o", "-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("<?xml") and "<gexf" in proc.stdout and "</gexf>" in proc.stdout
    assert not list(tmp_path.iterdir())
    csv = pg("export", FIXTURES / "viz_small.ttl", "--format", "csv", "-o", "-", cwd=tmp_path)
    assert csv.returncode == 2 and "give a folder" in csv.stderr and not list(tmp_path.iterdir())
