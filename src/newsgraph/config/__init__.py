"""Loading the defaults file and merging a user's overrides into it."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError


def load_config(path: str | Path | None = None) -> dict[str, Any]:
    """The defaults, deep-merged with the TOML file at ``path`` when one is given."""
    text = resources.files("newsgraph.config").joinpath("defaults.toml").read_text("utf-8")
    config = tomllib.loads(text)
    if path is not None:
        try:
            override = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config {path}: {exc}") from exc
        _merge(config, override)
    return config


def _merge(base: dict[str, Any], override: dict[str, Any]) -> None:
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
