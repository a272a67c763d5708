"""The command line: every command documented with an example; errors are one line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from partygraph.cli import cli


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_cli_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "partygraph " + name in result.output


def test_cli_missing_input_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nope.txt"), "--output", str(tmp_path / "o.ttl")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"partygraph: {tmp_path / 'nope.txt'}: no such file or folder"
    assert "Traceback" not in result.output and not (tmp_path / "o.ttl").exists()
