"""The backbone is verified at load: a different model under the same name is refused."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newsgraph.backbone import check_backbone
from newsgraph.config import load_config
from newsgraph.errors import BackboneError


def _settings() -> dict[str, Any]:
    return copy.deepcopy(load_config()["backbone"])


def test_pinned_backbone_passes_and_returns_meta() -> None:
    meta = check_backbone(_settings())
    assert meta["lang"] == "en" and meta["version"] == "3.8.0"
    assert "ner" in meta["pipeline"] and "parser" in meta["pipeline"]


def test_wrong_version_is_refused() -> None:
    settings = _settings()
    settings["version"] = "3.7.1"
    with pytest.raises(BackboneError, match=r"NG010 .*expected en 3\.7\.1"):
        check_backbone(settings)


def test_changed_weights_are_refused() -> None:
    settings = _settings()
    key = next(k for k in settings["sha256"] if k.endswith("ner/model"))
    settings["sha256"][key] = "0" * 64
    with pytest.raises(BackboneError, match="not the pinned one"):
        check_backbone(settings)


def test_missing_package_is_a_clear_error() -> None:
    settings = _settings()
    settings["package"] = "en_core_web_nonexistent"
    with pytest.raises(BackboneError, match="not installed"):
        check_backbone(settings)
