"""Coded, searchable errors and warnings.

Every problem a user can meet carries a stable code (``NG0xx``) so that a one-line message on
stderr can be searched in the docs and in issue trackers, the way spaCy's ``E``/``W`` codes are.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose.

    ``code`` is stable across versions; the message is one line and says what to do.
    """

    code = "NG000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code} {message}")
        self.reason = message


class EmptyInputError(NewsgraphError):
    """The input has no text to analyse (empty file, only whitespace, empty `text` field)."""

    code = "NG001"


class BinaryInputError(NewsgraphError):
    """The input looks like a binary file (NUL bytes or mostly control characters)."""

    code = "NG002"


class InputTooLargeError(NewsgraphError):
    """The text is longer than the configured limit (``max_chars``)."""

    code = "NG003"


class DecodeError(NewsgraphError):
    """The bytes could not be decoded with the requested encoding."""

    code = "NG004"


class BadRecordError(NewsgraphError):
    """A JSON Lines record is malformed (not JSON, not an object, missing or mistyped field)."""

    code = "NG005"


class BackboneError(NewsgraphError):
    """The spaCy backbone package is missing or is not the pinned one."""

    code = "NG010"


class ConfigError(NewsgraphError):
    """The pipeline configuration names an unknown stage or breaks a stage contract."""

    code = "NG011"


class ModelFileError(NewsgraphError):
    """A model shipped with a stage is missing, corrupt (sha256 mismatch) or of another version."""

    code = "NG012"


class GoldFormatError(NewsgraphError):
    """A gold file does not follow shared/data/FORMAT.md."""

    code = "NG020"


class StoreError(NewsgraphError):
    """The database URL is unsupported or the store cannot be opened."""

    code = "NG030"


# Warnings are plain strings with a code, collected on the Analysis (``warnings``) so that a
# result is still produced; the CLI prints them on stderr.
W_DECODED_FALLBACK = "NG101"
W_NOT_ENGLISH = "NG102"
W_STAGE_FAILED = "NG103"
W_HTML_EXTRACTED = "NG104"
