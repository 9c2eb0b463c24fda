"""Quotation-mark spans: where direct speech is, before anyone is attributed to it.

The pipeline has already folded every quotation-mark style to ASCII (curly, low-9, guillemets →
``"``), so one scanner serves them all. News breaks the tidy open/close model in three ways this
module handles:

- **Multi-paragraph quotes.** By convention a quote running over several paragraphs opens each
  paragraph with a mark and closes only the last one. An unclosed quote whose next paragraph opens
  with a mark continues there: the result is one :class:`QuoteMarks` with several pieces.
- **Unbalanced marks.** An unclosed quote with no continuation ends at its paragraph's end; a
  paragraph that *starts* with a closing-looking mark (a dropped opener) opens there.
- **Nested quotes.** Single quotes inside a double-quoted span are left inside it (the outer span
  is the direct speech); apostrophes are never taken for quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"[^\n]+")
# ASCII double marks, and the doubled apostrophes / backticks of typewriter-style archives
# (the New York Times text in PolNeAR writes ''quotes'' and ``quotes'').
_MARKS = re.compile(r'"|\'\'|``')


@dataclass
class QuoteMarks:
    """One direct quote: its pieces ``[start, end)`` including the marks, in text order."""

    pieces: list[tuple[int, int]]
    closed: bool

    @property
    def start(self) -> int:
        """Offset of the opening mark."""
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        """Offset just past the closing mark (or the end of the last paragraph)."""
        return self.pieces[-1][1]


def find_quote_marks(text: str) -> list[QuoteMarks]:
    """All double-quoted spans of ``text`` (normalised: every double mark is ``"``)."""
    quotes: list[QuoteMarks] = []
    carry: QuoteMarks | None = None  # an unclosed quote waiting for its next paragraph
    for paragraph in _PARAGRAPH.finditer(text):
        body = paragraph.group()
        first_mark = len(body) - len(body.lstrip())
        opens_with_mark = _MARKS.match(body, first_mark) is not None
        if carry is not None and not opens_with_mark:
            quotes.append(carry)
            carry = None
        positions = [
            (paragraph.start() + m.start(), m.end() - m.start()) for m in _MARKS.finditer(body)
        ]
        open_at: int | None = None
        for pos, width in positions:
            if open_at is None:
                open_at = pos
                continue
            piece = (open_at, pos + width)
            if carry is not None and open_at == paragraph.start() + first_mark:
                carry.pieces.append(piece)
                carry.closed = True
                quotes.append(carry)
                carry = None
            else:
                quotes.append(QuoteMarks([piece], closed=True))
            open_at = None
        if open_at is None:
            continue
        piece = (open_at, _rstrip_end(text, paragraph.end()))
        if carry is not None and open_at == paragraph.start() + first_mark:
            carry.pieces.append(piece)
        else:
            if carry is not None:
                quotes.append(carry)
            carry = QuoteMarks([piece], closed=False)
    if carry is not None:
        quotes.append(carry)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _rstrip_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
