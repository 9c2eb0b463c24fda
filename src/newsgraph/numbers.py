"""English number words, shared by the stages that read quantities (times, casualties).

Each stage adds its own readings on top ("a dozen" as a duration, "dozens" as an ACLED-style
casualty estimate); the plain cardinals are the same everywhere and live here once.
"""

from __future__ import annotations

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

CARDINALS: dict[str, int] = {
    **{word: n for n, word in enumerate(_UNITS, start=1)},
    **{word: 10 * n for n, word in enumerate(_TENS, start=2)},
    "hundred": 100,
}
