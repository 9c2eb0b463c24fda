"""The CLI: exit codes, stdout/stderr discipline, the --jsonl contract, bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli import COMMANDS, build_parser, main
from support import shared_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "wikinews.jsonl"


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    names = list(subparsers.choices)  # type: ignore[union-attr]
    assert {"analyze", "ingest", "eval", "bench"} <= set(names)
    assert len(names) >= len(COMMANDS)
    for name in names:
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert "usage: newsgraph" in capsys.readouterr().out


def test_analyze_file_prints_one_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Iraqi forces entered Mosul on Monday, officials said.", "utf-8")
    assert main(["analyze", str(path), "--published", "2017-07-10", "--id", "x1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "x1" and data["published"] == "2017-07-10"
    for layer in ("times", "places", "quotes", "techniques", "events", "entities"):
        assert isinstance(data[layer], list)


def test_analyze_text_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hamas fired rockets at Israel, the army said.", "utf-8")
    assert main(["analyze", str(path), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "found:" in out and "entities" in out
    # Issue 5: the summary says on whose word the event is reported.
    assert "events:" in out and "; according to the army" in out


def test_jsonl_keeps_ids_and_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"id": f"doc-{i}", "text": f"Story number {i} about Baghdad."} for i in range(5)]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    assert main(["analyze", "--jsonl", str(path), "--batch-size", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in records]


def test_jsonl_bad_lines_are_reported_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "Good one."}\n'
        b"{not json\n"
        b'{"id": "b", "text": ""}\n'
        b'{"id": "c", "text": "caf\xe9"}\n'
        b"[1, 2]\n"
        b'{"id": "d", "text": "Also good."}\n'
        b'{"id": "e", "text": "trunc'
    )
    assert main(["analyze", "--jsonl", str(path)]) == 1
    captured = capsys.readouterr()
    assert [json.loads(x)["id"] for x in captured.out.splitlines()] == ["a", "d"]
    err = captured.err
    assert f"{path}:2: NG005" in err and "not valid JSON" in err
    assert f"{path}:3: NG001" in err
    assert f"{path}:4: NG005" in err and "UTF-8" in err
    assert f"{path}:5: NG005" in err
    assert f"{path}:7: NG005" in err and "truncated" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "code", "needle"),
    [
        (b"", 2, "NG001"),
        (b"   \n\n", 2, "NG001"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", 2, "NG002"),
        (b"x" * 20_000_000, 2, "NG003"),
    ],
    ids=["empty", "whitespace", "binary", "20MB"],
)
def test_bad_single_input_exit_codes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    code: int,
    needle: str,
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert main(["analyze", str(path)]) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]


def test_invalid_utf8_gives_a_warning_and_a_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a visité Bagdad.".encode("cp1252"))
    assert main(["analyze", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Bagdad" in json.loads(captured.out)["text"]
    assert "NG101" in captured.err


def test_missing_file_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "/nonexistent/file.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "NG005" in err[0]


def test_analyze_needs_exactly_one_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze"]) == 2
    assert "exactly one" in capsys.readouterr().err


def test_ingest_stores_examples_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.db"
    assert main(["ingest", str(EXAMPLES), "--db", f"sqlite:///{db}", "--quiet"]) == 0
    first = capsys.readouterr().out
    assert "20 articles analysed, 0 failed" in first
    assert re.search(r"\n  \d+ of the \d+ events at confidence >= 0.5, more likely real", first)
    assert main(["ingest", str(EXAMPLES), "--db", f"sqlite:///{db}", "--quiet"]) == 0
    assert "20 articles analysed" in capsys.readouterr().out


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    """The installed entry point, as a user runs it: stdin in, JSON out; bad input one line."""
    exe = Path(sys.executable).parent / "newsgraph"
    ok = subprocess.run(
        [str(exe), "analyze", "-"], input=b"Troops left Kabul.", capture_output=True, check=False
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["text"] == "Troops left Kabul."
    bad = subprocess.run([str(exe), "analyze", "-"], input=b"", capture_output=True, check=False)
    assert bad.returncode == 2
    assert bad.stderr.decode().count("\n") == 1 and b"Traceback" not in bad.stderr


def test_parser_lists_commands() -> None:
    assert "analyze" in build_parser().format_help()


def test_malformed_html_file_gives_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Clashes in Mosul</title><style>p{}</style><body><div><p>Iraqi "
        "troops clashed with militants in <b>Mosul<p>Three died.</div></span></td><script>x",
        "utf-8",
    )
    assert main(["analyze", str(path)]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["title"] == "Clashes in Mosul"
    assert "Iraqi troops clashed with militants in Mosul" in data["text"]
    assert "p{}" not in data["text"] and "<" not in data["text"]
    assert "NG104" in captured.err


def test_non_english_gives_a_warning_and_a_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fr.txt"
    sentence = "Les forces irakiennes ont repris le contrôle de la ville après des combats. "
    path.write_text(sentence * 8, "utf-8")
    assert main(["analyze", str(path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["language"] == "und"
    assert "NG102" in captured.err


def test_issue2_jsonl_on_meantime_keeps_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    gold = shared_file("times/meantime-en.jsonl")
    assert main(["analyze", "--jsonl", str(gold)]) == 0
    out_ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    gold_ids = [json.loads(line)["id"] for line in gold.read_text("utf-8").splitlines()]
    assert out_ids == gold_ids and len(gold_ids) == 120
