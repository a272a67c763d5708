"""The wheel ships every file the package reads.

The wheel is built from a copy of the tree (so the build leaves nothing in
the checkout), unpacked as pip would install it, and its resources are
listed with importlib.resources in a Python that sees only that copy; the
list must equal the package's files in the source tree (the `ontology` and
`queries` links followed). A data file that package-data misses fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "partygraph"

# Run with -S -I: no site-packages, no editable finder, only the unpacked wheel on the path.
LIST_RESOURCES = """
import importlib.resources, sys
sys.path.insert(0, sys.argv[1])
import partygraph
assert partygraph.__file__.startswith(sys.argv[1]), partygraph.__file__
def walk(node, prefix=""):
    for child in node.iterdir():
        if child.is_dir():
            if child.name != "__pycache__":
                yield from walk(child, prefix + child.name + "/")
        else:
            yield prefix + child.name
print("\\n".join(sorted(walk(importlib.resources.files("partygraph")))))
"""


def source_files() -> set[str]:
    """Every file of the package in the source tree, links followed, caches left out."""
    found = set()
    for folder, dirs, files in os.walk(PACKAGE, followlinks=True):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        found.update((Path(folder) / f).relative_to(PACKAGE).as_posix()
                     for f in files if not f.startswith(".") and not f.endswith(".pyc"))
    return found


def test_packaging_wheel_ships_every_file_of_the_source_package(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    for name in ("src", "ontology", "queries"):
        shutil.copytree(ROOT / name, tree / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", str(tree), "--no-deps", "--no-build-isolation",
                    "-w", str(dist)], check=True, capture_output=True, text=True)
    (wheel,) = dist.glob("partygraph-*.whl")
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    listed = subprocess.run([sys.executable, "-S", "-I", "-c", LIST_RESOURCES, str(site)],
                            check=True, capture_output=True, text=True).stdout.split()
    expected = source_files()
    assert "queries/views/office-holdings.rq" in expected and "data/lexicon.yaml" in expected
    assert set(listed) == expected, (f"missing from the wheel: {sorted(expected - set(listed))}; "
                                     f"extra: {sorted(set(listed) - expected)}")
