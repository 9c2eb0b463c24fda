"""Train the ACLED sub-event classifier shipped in ``resources/events/acled_classifier.npz``.

Run ``.venv/bin/python scripts/build_events_classifier.py`` from the repository root. It reads
the CASE 2021 development snippets (``../shared/data/events/case2021-acled-dev.jsonl``), keeps
only the **tune** part of the split below, runs the rule coder of the events stage over each
snippet (with the classifier switched off) to get the PLOVER coding features, and fits a
multinomial logistic regression (scikit-learn, fixed seed) on hashed word features (see
``newsgraph.stages.events.classifier``). The held-out part is never read for training.

**Split.** A document is held out when ``int(sha256(id), 16) % 3 == 0`` (about a third), else
it is in the tune part. The same rule splits ``plover-gsr.jsonl``; ``--part`` writes either
part of either file as gold JSONL to a path outside the repository for ``newsgraph eval``.

The output holds weights, biases and label names only (no text from the data set).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from newsgraph.config import load_config
from newsgraph.pipeline import Analyzer
from newsgraph.stages.events.acled import SUB_TO_TYPE
from newsgraph.stages.events.classifier import MODEL_PATH, features, hash_features

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "events" / "case2021-acled-dev.jsonl"
N_BUCKETS = 1 << 14
SEED = 13
C = 8.0


def part_of(doc_id: str) -> str:
    """``"heldout"`` for about a third of the ids (stable hash), else ``"tune"``."""
    return (
        "heldout"
        if int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 3 == 0
        else "tune"
    )


def read_part(path: Path, part: str) -> list[dict[str, Any]]:
    """The documents of ``path`` in the given part of the split."""
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [d for d in docs if part_of(str(d["id"])) == part]


def rule_analyzer() -> Analyzer:
    """The events stage alone, classifier off: the features the classifier refines."""
    config = load_config()
    config["pipeline"]["stages"] = ["newsgraph_events"]
    config["pipeline"]["modules"]["newsgraph_events"] = "newsgraph.stages.events"
    config.setdefault("stages", {})["newsgraph_events"] = {"classifier": False}
    return Analyzer(config=config)


def training_rows(docs: list[dict[str, Any]]) -> tuple[list[list[str]], list[str]]:
    """Feature lists and labels: one row per snippet, coded with the rules' best event."""
    analyzer = rule_analyzer()
    rows: list[list[str]] = []
    labels: list[str] = []
    for doc in docs:
        analysis = analyzer.analyze(doc["text"])
        coding: list[str] = []
        acled = [e for e in analysis.events if e.acled_sub_event_type]
        if acled:
            best = max(acled, key=lambda e: e.evidence.confidence)
            coding = [
                f"plover={best.type}",
                *(f"mode={m}" for m in best.mode),
                f"rule={best.acled_sub_event_type}",
            ]
        rows.append(features(doc["text"], coding))
        labels.append(str(doc["events"][0]["acled_sub_event_type"]))
    return rows, labels


def train(rows: list[list[str]], labels: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Fit the model; returns weights (buckets × labels), biases and label names."""
    data, indices, indptr = [], [], [0]
    for feats in rows:
        hashed = hash_features(feats, N_BUCKETS)
        for key in sorted(hashed):
            indices.append(key)
            data.append(hashed[key])
        indptr.append(len(indices))
    matrix = csr_matrix((data, indices, indptr), shape=(len(rows), N_BUCKETS))
    model = LogisticRegression(C=C, max_iter=2000, random_state=SEED)
    model.fit(matrix, labels)
    return (
        model.coef_.T.astype(np.float32),
        model.intercept_.astype(np.float32),
        list(model.classes_),
    )


def write_npz(path: Path, **arrays: np.ndarray) -> None:
    """An ``.npz`` that ``numpy.load`` reads, with fixed zip timestamps (byte-identical
    rebuilds; ``numpy.savez`` stamps the current time)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in sorted(arrays.items()):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
            archive.writestr(info, buffer.getvalue())


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--part",
        nargs=3,
        metavar=("GOLD", "PART", "OUT"),
        help="only write PART (tune|heldout) of GOLD to OUT and exit",
    )
    args = parser.parse_args()
    if args.part:
        gold, part, out = args.part
        docs = read_part(Path(gold), part)
        Path(out).write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
        print(f"wrote {len(docs)} {part} documents to {out}")
        return
    rows, labels = training_rows(read_part(args.data, "tune"))
    unknown = set(labels) - set(SUB_TO_TYPE)
    if unknown:
        raise SystemExit(f"labels outside the ACLED typology: {sorted(unknown)}")
    weights, bias, names = train(rows, labels)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    write_npz(args.output, weights=weights, bias=bias, labels=np.array(json.dumps(names)))
    print(f"trained on {len(rows)} tune snippets, {len(names)} labels -> {args.output}")


if __name__ == "__main__":
    main()
