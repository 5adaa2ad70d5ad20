"""Every entity EVminer finds in a fixed set of texts, written to a file or compared with one: the check that a
speed change leaves the recogniser's output as it was.

Usage: python benchmarks/entities_snapshot.py --write before.jsonl     (on the code before the change)
       python benchmarks/entities_snapshot.py --check before.jsonl     (after it: prints every difference)
       [--corpora ../shared/corpora] [--per-corpus 100]

The texts: the two corpus reviews through ``annotate`` (whole and cut into pieces of 20,000 characters), the
hand-annotated abstracts of tests/gold/relations through ``annotate``, the table assertions of the reviews, and
the first ``--per-corpus`` documents of each part of BioRED, BC5CDR, SCAI miRNA and JNLPBA through the spaCy
pipeline (``nlp.pipe``, as benchmarks/entities_external.py runs them). One JSON line per document: every
mention with its span, label, names, identifiers, long form and reagent kind. Exit status 1 on a difference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _entities(doc) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [
        [e.start, e.end, e.label, e.name, e.id, e.sentence, e.long_form, e.other_names, e.other_ids, e.reagent]
        for e in doc.entities
    ]


def _records(corpora: Path, per_corpus: int) -> Iterator[tuple[str, object]]:
    from pipeline.annotate import annotate, load_pipeline
    from pipeline.ingest import ingest, parse_text
    from pipeline.tables.assertions import table_assertions

    nlp = load_pipeline()
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        doc = annotate(ingest(path))
        yield f"review {path.stem}", _entities(doc)
        yield f"review {path.stem} in pieces", _entities(annotate(ingest(path), chunk_size=20_000))
        rows = [a.model_dump(mode="json", exclude={"id"}) for a in table_assertions(doc)]
        yield f"review {path.stem} table assertions", rows
    for path in sorted((ROOT / "tests" / "gold" / "relations" / "docs").glob("*.json")):
        paper = json.loads(path.read_text(encoding="utf-8"))
        yield (
            f"abstract {path.stem}",
            _entities(annotate(parse_text(paper["text"], doc_id=path.stem, source=path.stem))),
        )

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from entities_external import corpora as read_corpora

    for name, parts in read_corpora(corpora).items():
        for part, docs in parts.items():
            chosen = docs[:per_corpus]
            for cdoc, sdoc in zip(chosen, nlp.pipe([d.text for d in chosen], batch_size=64), strict=True):
                mentions = [
                    [m.start, m.end, m.label, m.concept.name, m.concept.id, m.long_form, m.reagent]
                    + [[c.name, c.id] for c in m.also]
                    for m in sdoc._.evminer_mentions or []
                ]
                yield f"{name} {part} {cdoc.doc_id}", mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the snapshot here")
    group.add_argument("--check", type=Path, help="compare with this snapshot")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--per-corpus", type=int, default=100)
    args = parser.parse_args()

    t = time.perf_counter()
    current = {key: json.loads(json.dumps(value)) for key, value in _records(args.corpora, args.per_corpus)}
    seconds = time.perf_counter() - t
    count = sum(len(v) for v in current.values())  # type: ignore[arg-type]
    if args.write:
        with args.write.open("w", encoding="utf-8") as fh:
            for key, value in current.items():
                fh.write(json.dumps({"doc": key, "items": value}, ensure_ascii=False) + "\n")
        print(f"{len(current)} documents, {count} items written to {args.write} ({seconds:.1f} s)")
        return
    before = {}
    with args.check.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            before[row["doc"]] = row["items"]
    differences = 0
    for key in sorted(set(before) | set(current)):
        old, new = before.get(key), current.get(key)
        if old == new:
            continue
        differences += 1
        if old is None or new is None:
            print(f"{key}: only in {'the snapshot' if new is None else 'this run'}")
            continue
        old_set = {json.dumps(x) for x in old}
        new_set = {json.dumps(x) for x in new}
        print(f"{key}:")
        for x in sorted(old_set - new_set):
            print(f"  - {x}")
        for x in sorted(new_set - old_set):
            print(f"  + {x}")
        if old_set == new_set:
            print("  (same items, other order)")
    print(
        f"{len(current)} documents, {count} items ({seconds:.1f} s): "
        + ("identical to the snapshot" if not differences else f"{differences} documents differ")
    )
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
