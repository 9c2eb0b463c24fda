"""The shipped actor dictionary: it loads, is well-formed, holds the actors the seed article
needs, and is exactly what ``scripts/build_actors.py`` produces from its sources."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.resources.actor_dictionary import (
    ACTOR_TYPES,
    DEFAULT_PATH,
    ActorEntry,
    load_actor_dictionary,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build_actors.py"
PETRARCH_DIR = REPO_ROOT.parent / "shared" / "data" / "dictionaries" / "petrarch2"
COUNTRY_INFO = (
    REPO_ROOT.parent / "shared" / "data" / "gazetteer" / "geonames-admin" / "countryInfo.txt"
)
AGENTS_PATH = DEFAULT_PATH.with_name("agents.jsonl")

# The actors of shared/examples/tasnim-2021-07, with the Wikidata ids the dictionary carries.
TASNIM_ACTORS = {
    "Kata'ib Hezbollah": "Q1739131",
    "Abu Ali al-Askari": None,
    "Qassem Soleimani": "Q719583",
    "Abu Mahdi al-Muhandis": "Q1985823",
    "Popular Mobilization Units": "Q17513566",
    "Press TV": "Q1475183",
    "Tasnim News Agency": "Q16953066",
    "Council of Representatives of Iraq": None,
    "United States Armed Forces": "Q11211",
    "Iran": "Q794",
    "Iraq": "Q796",
    "United States": "Q30",
    "Twitter": "Q918",
}


@pytest.fixture(scope="module")
def entries() -> tuple[ActorEntry, ...]:
    return load_actor_dictionary()


@pytest.fixture(scope="module")
def by_name(entries: tuple[ActorEntry, ...]) -> dict[str, ActorEntry]:
    return {e.name: e for e in entries if e.source.startswith("curated")}


def _load_build_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_actors", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before running: dataclasses look their module up in sys.modules.
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_loader_parses_shipped_file(entries: tuple[ActorEntry, ...]) -> None:
    assert len(entries) > 20_000
    assert all(isinstance(e, ActorEntry) for e in entries)
    assert load_actor_dictionary() is entries  # cached for the default path


def test_ids_unique_and_sorted(entries: tuple[ActorEntry, ...]) -> None:
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)


def test_every_entry_is_well_formed(entries: tuple[ActorEntry, ...]) -> None:
    for e in entries:
        assert e.name.strip(), e.id
        assert e.name in e.aliases, e.id
        assert 0 < len(e.aliases) <= 30 or e.source.startswith("curated"), e.id
        assert e.type in ACTOR_TYPES, e.id
        assert e.country is None or (len(e.country) == 2 and e.country.isupper()), e.id
        assert e.sector is None or (len(e.sector) == 3 and e.sector.isupper()), e.id
        assert e.wikidata is None or e.id == f"wd:{e.wikidata}", e.id
        assert e.id.startswith(("wd:Q", "p2:", "cur:")), e.id
        assert not any("\ufffd" in a for a in e.aliases), e.id


def test_tasnim_actors_present_with_wikidata_ids(by_name: dict[str, ActorEntry]) -> None:
    for name, qid in TASNIM_ACTORS.items():
        assert name in by_name, name
        assert by_name[name].wikidata == qid, name


def test_tasnim_actor_attributes(by_name: dict[str, ActorEntry]) -> None:
    kh = by_name["Kata'ib Hezbollah"]
    assert (kh.country, kh.sector, kh.type) == ("IQ", "REB", "ORG")
    # Straight and curly apostrophes, transliterations and the article's spelling.
    for alias in ("Kata'ib Hezbollah", "Kata\u2019ib Hezbollah Brigades", "Kataib Hizbullah"):
        assert alias in kh.aliases
    assert by_name["Abu Ali al-Askari"].type == "PERSON"
    assert "al-Askari" in by_name["Abu Ali al-Askari"].aliases
    soleimani = by_name["Qassem Soleimani"]
    assert (soleimani.country, soleimani.sector, soleimani.type) == ("IR", "MIL", "PERSON")
    assert "Qasem Soleimani" in soleimani.aliases
    assert "Popular Mobilization Forces" in by_name["Popular Mobilization Units"].aliases
    assert by_name["Press TV"].sector == "MED"
    assert "American military" in by_name["United States Armed Forces"].aliases
    assert "Iraqi parliament" in by_name["Council of Representatives of Iraq"].aliases


def test_petrarch_entries_are_derived_sensibly(entries: tuple[ActorEntry, ...]) -> None:
    by_id = {e.id: e for e in entries}
    maliki = by_id["p2:nuri_al_maliki"]
    assert maliki.name == "Nuri al-Maliki"
    assert (maliki.country, maliki.type) == ("IQ", "PERSON")
    afghanistan = by_id["p2:afghanistan"]
    assert (afghanistan.type, afghanistan.country, afghanistan.sector) == ("GPE", "AF", None)
    assert "Afghan" in afghanistan.aliases
    assert "Kabul" not in afghanistan.aliases  # cities are not names of the country
    # PETRARCH's IRAQ block is absorbed by the curated Iraq entry.
    assert "p2:iraq" not in by_id
    assert "petrarch2:Phoenix.Countries.actors.txt" in by_id["wd:Q796"].source


def test_agents_file_is_sorted_phrase_sector_pairs() -> None:
    lines = AGENTS_PATH.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert all(set(r) == {"phrase", "sector"} for r in records)
    pairs = [(r["phrase"], r["sector"]) for r in records]
    assert pairs == sorted(set(pairs))
    assert ("police", "COP") in pairs


def test_malformed_line_raises_value_error_with_file_and_line(tmp_path: Path) -> None:
    good = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "actors.jsonl"
    path.write_text(f"{good}\n{{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.jsonl:2:"):
        load_actor_dictionary(path)


def test_entry_missing_field_raises_value_error(tmp_path: Path) -> None:
    record = json.loads(DEFAULT_PATH.read_text(encoding="utf-8").splitlines()[0])
    del record["name"]
    path = tmp_path / "actors.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"actors\.jsonl:1: .*'name'"):
        load_actor_dictionary(path)


def test_explicit_path_is_read(tmp_path: Path) -> None:
    lines = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "few.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [e.id for e in load_actor_dictionary(path)] == [json.loads(x)["id"] for x in lines]


@pytest.mark.skipif(
    not PETRARCH_DIR.is_dir() or not COUNTRY_INFO.is_file(),
    reason="rebuild check needs ../shared/data/dictionaries/petrarch2 and GeoNames countryInfo",
)
def test_rebuild_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _load_build_script(monkeypatch)
    output = tmp_path / "actors.jsonl"
    assert build.main(["--output", str(output)]) == 0
    assert output.read_bytes() == DEFAULT_PATH.read_bytes()
    assert (tmp_path / "agents.jsonl").read_bytes() == AGENTS_PATH.read_bytes()
