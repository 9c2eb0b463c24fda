"""Docs stay true: every command, error code and config section is documented."""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph import errors
from newsgraph.cli import build_parser
from newsgraph.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name in subparsers.choices:  # type: ignore[union-attr]
        assert f"newsgraph {name}" in readme, name


def test_every_error_code_is_documented() -> None:
    documented = set(re.findall(r"\| (NG\d{3}) \|", (ROOT / "docs" / "errors.md").read_text()))
    codes = {
        cls.code
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.NewsgraphError)
    } - {"NG000"}
    codes |= {v for k, v in vars(errors).items() if k.startswith("W_")}
    assert codes <= documented, codes - documented


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in block.strip().splitlines()] == [
        ["make", "demo"],
        ["make", "test"],
    ]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_configured_stage_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for stage in load_config()["pipeline"]["stages"]:
        assert f"`{stage}`" in readme
