"""Resistance relations on the challenge set: short texts written for EVminer, one linguistic form each.

``tests/gold/relations/challenge.jsonl`` holds texts in the style of an abstract's Results or a title, each with
the rows the annotation guidelines (tests/gold/relations/GUIDELINES.md) give it and the construction it tests
(passive, inversion by a knock-down, prediction, a measured difference, a look-alike with no row, ...). They were
written by a helper who never saw the extractor's code. Items marked ``"ev_rows": false`` come from batches whose
annotators gave the vesicles no row of their own beside a named cargo: in those texts the vesicles' own rows ("EV")
are left out of the gold and the output alike. Split once by a hash of the item id into dev (read while writing
rules) and test (only scored), like the abstracts. Prints (cargo, drug) precision and recall, effect
accuracy on matched pairs and the look-alikes with a row, per split and per construction.

    python benchmarks/relations_challenge.py [--items FILE] [--show dev] [--named-cargo]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROLES = ("donor_cells", "recipient_cells", "target_genes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=Path, default=ROOT / "tests" / "gold" / "relations" / "challenge.jsonl")
    parser.add_argument("--show", choices=["dev"], help="list the dev items the extractor gets wrong")
    parser.add_argument(
        "--named-cargo",
        action="store_true",
        help="leave out the vesicles' own rows (cargo EV) in texts whose rows name a cargo molecule, in the gold and "
        "the output alike: figures that do not depend on when a statement on the vesicles beside a named cargo is "
        "a row of its own (annotators differ there)",
    )
    args = parser.parse_args()

    from pipeline.annotate import annotate, load_pipeline
    from pipeline.evaluate.relations import cells_named, drug_normaliser, same_cargo, split_of
    from pipeline.ingest import parse_text
    from pipeline.relate import relate

    load_pipeline()
    canon = drug_normaliser()
    items = [json.loads(line) for line in args.items.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_form: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (split, construction) -> right, all
    wrong: list[str] = []
    for item in items:
        split = split_of(item["id"])
        doc = annotate(parse_text(item["text"], doc_id=item["id"], source=item["id"]))
        got: set[tuple[str, str, str | None]] = set()
        pred: dict[tuple[str, str], set[str]] = defaultdict(set)  # (cargo, drug) -> the effects stated
        pred_refs: dict[tuple[str, str], set[int]] = defaultdict(set)  # ... and the studies cited for them
        pred_roles: dict[tuple[str, str], dict[str, set[tuple[str, str | None]]]] = defaultdict(
            lambda: defaultdict(set)
        )
        for a in relate(doc):
            if a.relation != "transfers_resistance":
                continue
            for c in a.cargo:
                for d in a.drugs:
                    key = (c.name, canon(d.name))
                    got.add((c.name, canon(d.name), a.effect))
                    pred[key].add(a.effect or "")
                    pred_refs[key].update(a.refs)
                    for role in ROLES:
                        pred_roles[key][role].update((x.name, x.id) for x in getattr(a, role))
        gold: dict[tuple[str, str], set[str]] = defaultdict(set)
        gold_refs: dict[tuple[str, str], set[int]] = defaultdict(set)
        gold_roles: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in item["rows"]:
            for d in r["drugs"]:
                gold[(r["cargo"], canon(d))].add(r["effect"])
                gold_refs[(r["cargo"], canon(d))].update(r.get("refs", []))
                for role in ROLES:
                    value = r.get(role)
                    gold_roles[(r["cargo"], canon(d))][role] += (
                        [value] if isinstance(value, str) and value else (value if isinstance(value, list) else [])
                    )
        # annotators of the older batches gave the vesicles no row beside a named cargo ("ev_rows": false, see
        # GUIDELINES.md): their texts are scored as --named-cargo scores every text
        if (args.named_cargo or item.get("ev_rows", True) is False) and any(g[0] != "EV" for g in gold):
            for table in (gold, pred):
                for key in [k for k in table if k[0] == "EV"]:
                    del table[key]
            got = {g for g in got if g[0] != "EV"}
        t = totals[split]
        right = True
        matched_pred: set[tuple[str, str]] = set()
        for g, effects in gold.items():
            hit = next((p for p in pred if same_cargo(g[0], p[0]) and g[1] == p[1]), None)
            if hit is None:
                t["fn"] += 1
                right = False
                continue
            matched_pred.add(hit)
            t["tp"] += 1
            t["effect_total"] += 1
            t["effect_right"] += bool(pred[hit] & effects)
            right = right and bool(pred[hit] & effects)
            for role in ROLES:  # texts whose rows name the roles: one of the pair's names agrees with the gold's
                wanted = gold_roles[g][role]
                if not wanted:
                    continue
                names = pred_roles[hit][role]
                if role == "target_genes":
                    ok = any(same_cargo(n, w) for n, _ in names for w in wanted)
                else:
                    ok = any(cells_named(n, ident, wanted) for n, ident in names)
                t[role + "_total"] += 1
                t[role + "_right"] += ok
            if gold_refs[g]:  # review paragraphs: the pair given to the study that states it
                t["refs_total"] += 1
                t["refs_right"] += pred_refs[hit] == gold_refs[g]
                right = right and pred_refs[hit] == gold_refs[g]
        extra = [p for p in pred if p not in matched_pred]
        t["fp"] += len(extra)
        right = right and not extra
        if not gold:
            t["lookalikes"] += 1
            t["flagged"] += bool(got)
        form = by_form[(split, item.get("construction", "-"))]
        form[0] += right
        form[1] += 1
        if not right and split == "dev":
            wrong.append(
                f"{item['id']} [{item.get('construction', '-')}] {item['text']}\n"
                f"    gold {sorted((k, sorted(v), sorted(gold_refs[k])) for k, v in gold.items())}\n"
                f"    got  {sorted((k, sorted(v), sorted(pred_refs[k])) for k, v in pred.items())}"
            )
    print(f"{len(items)} items")
    print("split  items  P      R      effect right   look-alikes with a row   studies right (cited texts)")
    for split in ("dev", "test"):
        t = totals[split]
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        n = sum(v[1] for (s, _), v in by_form.items() if s == split)
        effect = f"{t['effect_right']}/{t['effect_total']}"
        refs = f"{t['refs_right']}/{t['refs_total']}" if t["refs_total"] else "-"
        print(f"{split:5}  {n:5}  {p:.2f}   {r:.2f}   {effect:14} {t['flagged']}/{t['lookalikes']:<22} {refs}")
    for split in ("dev", "test"):
        t = totals[split]
        parts = [
            f"{role.split('_')[0]} {t[role + '_right']}/{t[role + '_total']}" for role in ROLES if t[role + "_total"]
        ]
        if parts:
            print(f"{split:5}  roles on matched pairs whose gold rows name them: " + ", ".join(parts))
    print("items exactly right, per construction (dev | test):")
    forms = sorted({f for _, f in by_form})
    for f in forms:
        d1, t2 = by_form.get(("dev", f), [0, 0]), by_form.get(("test", f), [0, 0])
        print(f"  {f:40} {d1[0]}/{d1[1]} | {t2[0]}/{t2[1]}")
    if args.show == "dev":
        print("\ndev items not exactly right:")
        for line in wrong:
            print("  " + line)


if __name__ == "__main__":
    main()
