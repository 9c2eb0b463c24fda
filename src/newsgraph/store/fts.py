"""One query syntax for both full-text engines.

Users type web-search syntax: words (all required), ``"quoted phrases"``, ``OR`` between terms
and ``-word`` to exclude. PostgreSQL's ``websearch_to_tsquery`` reads exactly that; FTS5 has its
own grammar in which punctuation (``al-Asad``, ``U.S.``) is a syntax error, so
:func:`fts5_query` rewrites the same input into quoted FTS5 strings.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def fts5_query(query: str) -> str:
    """The FTS5 MATCH expression for a web-search style query ('' when nothing to search)."""
    positives: list[str] = []
    negatives: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(query):
        negate, phrase, word = match.group(1), match.group(2), match.group(3)
        if word is not None and word.upper() == "OR":
            pending_or = bool(positives)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negate, word = "-", word[1:]
        text = phrase if phrase is not None else word
        terms = re.findall(r"\w+", text or "")
        if not terms:
            continue
        quoted = '"' + " ".join(terms) + '"'
        if negate:
            negatives.append(quoted)
        elif pending_or and positives:
            positives[-1] = f"{positives[-1]} OR {quoted}"
            pending_or = False
        else:
            positives.append(quoted)
    if not positives:
        return ""
    expression = " AND ".join(f"({p})" if " OR " in p else p for p in positives)
    for negative in negatives:
        expression = f"{expression} NOT {negative}"
    return expression
