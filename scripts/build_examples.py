"""Rebuild examples/wikinews.jsonl: 20 Wikinews articles (CC BY 4.0) from MEANTIME English.

The bundled example set of the README's first command. Only id, title, text and publication date
are kept (no annotations): the gold stays in ../shared/data. Every sixth document of the
MEANTIME file is taken, so the choice is deterministic and spread over the four topics.

    python scripts/build_examples.py [../shared/data/times/meantime-en.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "times" / "meantime-en.jsonl"
TARGET = ROOT / "examples" / "wikinews.jsonl"


def main(source: Path = DEFAULT_SOURCE, target: Path = TARGET) -> None:
    """Write the example set."""
    lines = source.read_text("utf-8").splitlines()
    out = []
    for line in lines[::6][:20]:
        doc = json.loads(line)
        title = doc["text"].split("\n", 1)[0]
        record = {
            "id": doc["id"].replace("meantime/", "wikinews/"),
            "title": title,
            "published": doc["published"],
            "outlet": "Wikinews",
            "text": doc["text"],
        }
        out.append(json.dumps(record, ensure_ascii=False))
    target.write_text("\n".join(out) + "\n", "utf-8")


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
