"""The PLOVER event ontology's fixed tables, shared by the events stage and the exports.

PLOVER has 16 event types in four quad classes (1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict); see shared/data/events/CODEBOOKS.md.
"""

from __future__ import annotations

QUAD: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
