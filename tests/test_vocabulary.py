"""A broken vocabulary file is one error naming the file, the entry and the problem, at load time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from partygraph import lexicon as lexicon_mod
from partygraph.cli import cli
from partygraph.errors import VocabularyError
from partygraph.lexicon import Lexicon

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A copy of the vocabulary folder that the shared lexicon reads instead of the package's."""
    folder = tmp_path / "data"
    shutil.copytree(lexicon_mod.DATA, folder)
    monkeypatch.setattr(lexicon_mod, "DATA", folder)
    lexicon_mod.lexicon.cache_clear()
    yield folder
    lexicon_mod.lexicon.cache_clear()  # the next user loads the package's vocabulary again


def _entry(first_form: str) -> int:
    """The number the checker gives the heads entry whose first form is `first_form`."""
    heads = yaml.safe_load((lexicon_mod.DATA / "lexicon.yaml").read_text(encoding="utf-8"))["heads"]
    return next(n for n, h in enumerate(heads, 1) if h["forms"][0] == first_form)


TINH_UY, THUONG_TRUC = _entry("Tỉnh ủy"), _entry("Thường trực")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("workers", [1, 2])
def test_vocabulary_typo_in_lexicon_key_is_one_line_from_the_cli(data, tmp_path, workers):
    edit(data / "lexicon.yaml", "level: provincial}", "levl: provincial}")
    out = tmp_path / "o.ttl"
    res = CliRunner().invoke(cli, ["build", str(SEEDS), "--output", str(out), "--workers", str(workers)])
    assert res.exit_code == 2
    assert res.stderr.splitlines() == [f"partygraph: {data / 'lexicon.yaml'}: heads entry {TINH_UY} (Tỉnh ủy): "
                                       "unknown key 'levl' (did you mean 'level'?)"]
    assert not out.exists()


@pytest.mark.parametrize("file, old, new, problem", [
    ("lexicon.yaml", "kind: party, read: none", "kind: party", "heads entry 1 (Đảng Cộng sản Việt Nam): missing 'read'"),
    ("lexicon.yaml", "\nsurnames:", "\nsurname:", "surname: unknown section (did you mean 'surnames'?)"),
    ("lexicon.yaml", "kind: executive, read: place", "kind: executiv, read: place",
     f"heads entry {TINH_UY} (Tỉnh ủy): kind 'executiv' is not one of committee, enterprise, executive, mass, media, "
     "other, party, skip, state"),
    ("lexicon.yaml", "needs_parent: true", "needs_parent: always", f"heads entry {THUONG_TRUC} (Thường trực): "
     "'needs_parent' must be true or false, not 'always'"),
    ("lexicon.yaml", "{forms: [", "{form: [", "heads entry 1: unknown key 'form' (did you mean 'forms'?)"),
    ("abbreviations.csv", "abbreviation,expansion", "abbrev,expansion",
     "header: missing column 'abbreviation' (did you mean 'abbrev'?)"),
    ("provinces.csv", "name,kind", "nme,kind", "header: missing column 'name' (did you mean 'nme'?)"),
])
def test_vocabulary_problems_name_file_entry_and_problem(data, file, old, new, problem):
    edit(data / file, old, new)
    with pytest.raises(VocabularyError) as err:
        Lexicon(data)
    assert str(err.value) == f"{data / file}: {problem}"


def test_vocabulary_of_the_package_passes_its_checks():
    Lexicon()
