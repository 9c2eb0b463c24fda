"""Text normalisation with an offset map back to the caller's text.

The spaCy model, the dictionaries and the gazetteer all work better on one canonical form of the
text: Unicode NFC, straight quotes and apostrophes (``Kata’ib`` and ``Kata'ib`` are one name), one
space between words, ``\\n`` line ends, no BOM or zero-width characters. Users, however, need
offsets into the text they gave us, so every normalised character remembers the span of original
characters it came from.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Single and double quotation marks folded to ASCII. Guillemets are quotation marks in news too.
_QUOTE_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
}
# Removed entirely: BOM, zero-width space, word joiner, soft hyphen.
_DROP = frozenset("\ufeff\u200b\u2060\u00ad")


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text and, per normalised character, the original span it came from."""

    text: str
    original: str
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the caller's text.

        An empty span maps to an empty span at the corresponding original position.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside text of length {len(self.text)}")
        if start == end:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split text into (start, end) runs of one base character and its combining marks.

    NFC only composes within such a run, so normalising run by run keeps a clean offset map.
    """
    runs: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            runs.append((start, i))
            start = i
    return runs if text else []


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` (NFC, quotes, whitespace, BOM) keeping an offset map."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(char: str, start: int, end: int) -> None:
        out.append(char)
        starts.append(start)
        ends.append(end)

    for run_start, run_end in _clusters(text):
        piece = text[run_start:run_end]
        if run_end - run_start > 1 or not piece.isascii():
            piece = unicodedata.normalize("NFC", piece)
        for char in piece:
            if char in _DROP:
                continue
            if char == "\r":
                # \r\n → \n (the \n that follows is emitted on its own); lone \r → \n
                if run_end < len(text) and text[run_end] == "\n":
                    continue
                char = "\n"
            elif char in _QUOTE_MAP:
                char = _QUOTE_MAP[char]
            elif char != "\n" and (char.isspace() or unicodedata.category(char) == "Zs"):
                char = " "
            if char == " " and out and out[-1] == " ":
                ends[-1] = run_end  # collapse runs of spaces into the first one
                continue
            emit(char, run_start, run_end)
    return NormalizedText("".join(out), text, tuple(starts), tuple(ends))
