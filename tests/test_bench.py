"""The benchmark runs both passes on the same texts and reports a ratio (no timing limits)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.bench import format_bench, run_bench
from newsgraph.cli import main
from newsgraph.pipeline import Analyzer

ROOT = Path(__file__).resolve().parent.parent


def test_run_bench_reports_ratio_to_bare_parse(analyzer: Analyzer) -> None:
    done: list[int] = []
    result = run_bench(
        analyzer, ["One short text.", "Another one."], docs=5, repeats=1, progress=done.append
    )
    assert result.docs == 5 and result.words == 3 + 2 + 3 + 2 + 3
    assert result.ratio == pytest.approx(result.full_seconds / result.bare_seconds, rel=0.01)
    assert result.peak_rss_mb > 0 and sum(done) == 5 * 2 * 2
    assert "ratio full/bare" in format_bench(result)
    assert list(result.stage_ratios) == analyzer.stage_names
    for name, share in result.stage_ratios.items():
        assert share == pytest.approx(result.stage_seconds[name] / result.bare_seconds, abs=1e-3)
        assert result.stage_seconds[name] < result.full_seconds
        assert f"    {name}" in format_bench(result)


def test_bench_command_json(capsys: pytest.CaptureFixture[str]) -> None:
    examples = ROOT / "examples"
    assert main(["bench", "--docs", "4", "--repeats", "1", "--json", "--input", str(examples)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"ratio", "bare_docs_per_s", "full_words_per_s", "peak_rss_mb"} <= set(report)
    assert set(report["stage_ratios"]) == set(report["stages"])


def test_no_texts_is_an_error(analyzer: Analyzer) -> None:
    with pytest.raises(ValueError, match="no texts"):
        run_bench(analyzer, [], docs=3)
