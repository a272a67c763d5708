"""Helpers for the tests that start a real SPARQL server on loopback (Oxigraph server, Virtuoso)."""

from __future__ import annotations

import shlex
import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def example_params(qf) -> list[tuple[str, str]]:
    """The `-p NAME VALUE` pairs of a library query's first `# example:` line."""
    toks = shlex.split(qf.examples[0])
    return [(toks[i + 1], toks[i + 2]) for i, t in enumerate(toks) if t == "-p"]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float) -> bool:
    """Poll `url` until it answers, the process dies or `seconds` pass; whether it answered."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return True
        except OSError:
            time.sleep(0.2)
    return False
