"""The relation gold set of real abstracts (tests/gold/relations): loading, the dev/test split, and scoring.

Each gold file is one paper (title + abstract) with its hand-annotated resistance rows (GUIDELINES.md there).
The split is fixed by the DOI alone (``split_of``): a paper is in ``test`` when the first byte of the SHA-256
of its lower-cased DOI is below 77 (30%), so nobody chooses which papers the rules are scored on.

Scoring is by (cargo, drug) pairs per paper: a predicted pair matches a gold pair when the cargo agrees after
normalisation (miR-23a ~ miR-23a-3p; circRNA spellings; "EV" for the vesicles themselves) and the drug agrees
after normalisation through the drug lexicon (names, synonyms and abbreviations to one INN; classes by name).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from pipeline.models import Assertion

TEST_SHARE_BYTE = 77  # of 256: about 30% of papers in test


class GoldRow(BaseModel):
    model_config = ConfigDict(extra="allow")

    cargo: str
    cargo_type: str
    drugs: list[str]
    effect: str
    donor_cells: list[str] = []
    recipient_cells: list[str] = []
    target_genes: list[str] = []
    quote: str

    @field_validator("drugs", "donor_cells", "recipient_cells", "target_genes", mode="before")
    @classmethod
    def _listify(cls, v: object) -> object:
        if v is None or v == "":
            return []
        return [v] if isinstance(v, str) else v


class GoldPaper(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    kind: str
    doi: str
    text: str
    assertions: list[GoldRow]
    licence: str = ""
    source_url: str = ""
    notes: str | None = None

    @property
    def split(self) -> str:
        return split_of(self.doi)


def split_of(doi: str) -> str:
    return "test" if hashlib.sha256(doi.strip().lower().encode()).digest()[0] < TEST_SHARE_BYTE else "dev"


def load_gold(folder: Path) -> list[GoldPaper]:
    papers = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if str(data.get("notes") or "").lower().startswith("excluded"):
            continue
        papers.append(GoldPaper.model_validate(data))
    return papers


def fold_cargo(name: str) -> str:
    """One spelling per cargo: case, "hsa-", circRNA prefixes and separators folded."""
    n = name.strip().lower()
    n = re.sub(r"^hsa[-_]", "", n)
    n = re.sub(r"^(?:microrna|mirna|mir)[-_ ]?", "mir-", n)
    n = re.sub(r"^circ(?:rna)?[-_ ]?", "circ", n)
    n = re.sub(r"^hsa_circ", "circ", n)
    n = re.sub(r"^(?:lncrna|lnc)[-_ ]", "", n)
    n = n.replace("_", "-")
    return n


def same_cargo(a: str, b: str) -> bool:
    fa, fb = fold_cargo(a), fold_cargo(b)
    if fa in {"ev", "evs", "exosome", "exosomes", "sev"} and fb in {"ev", "evs", "exosome", "exosomes", "sev"}:
        return True
    if fa == fb or fa.startswith(fb + "-") or fb.startswith(fa + "-") or fa.replace("-", "") == fb.replace("-", ""):
        return True
    sa, sb = _approved_symbol(a), _approved_symbol(b)
    return sa is not None and sa == sb


@lru_cache(maxsize=4096)
def _approved_symbol(name: str) -> str | None:
    """The approved HGNC symbol that ``name`` is, or was before a renaming ("LINC00969" of MIR570HG)."""
    from pipeline.normalize.lexicon import load_lexicon

    found = {e.canonical for e in load_lexicon("genes").exact(name) if e.kind in ("symbol", "previous")}
    return found.pop() if len(found) == 1 else None


# the salt or ester word DrugBank keeps in some names ("medroxyprogesterone acetate") and annotators drop
_SALT = re.compile(
    r"\s+(?:acetate|hydrochloride|dihydrochloride|hcl|mesylate|mesilate|dimesylate|sodium|disodium|potassium|"
    r"calcium|citrate|sulfate|sulphate|maleate|tartrate|phosphate|besylate|tosylate|fumarate|succinate|bromide|"
    r"chloride|lactate|malate|tromethamine)$"
)


def drug_normaliser() -> Callable[[str], str]:
    """Drug and class names to one spelling: the drug lexicon, else the drug class lexicon (singular too), without
    a salt or ester word ("medroxyprogesterone acetate" ~ "medroxyprogesterone")."""
    from pipeline.normalize.concepts import normalize_drug
    from pipeline.normalize.mentions import _drug_class_hit

    def canon(name: str) -> str:
        c = normalize_drug(name) or _drug_class_hit(name) or _drug_class_hit(re.sub(r"s$", "", name))
        return _SALT.sub("", (c.name if c else name).strip().lower())

    return canon


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    effect_right: int = 0
    effect_total: int = 0
    lookalikes: int = 0
    lookalikes_flagged: int = 0
    papers: int = 0
    # on matched pairs whose gold rows name them: (right, total) for donor cells, recipient cells, target genes
    roles: dict[str, list[int]] = field(
        default_factory=lambda: {"donor": [0, 0], "recipient": [0, 0], "target": [0, 0]}
    )
    # on the same pairs: predicted names that agree with none of the gold rows' names (a role given wrongly)
    roles_wrong: dict[str, int] = field(default_factory=lambda: {"donor": 0, "recipient": 0, "target": 0})
    misses: list[str] = field(default_factory=list)
    role_misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(
    rows: Iterable[tuple[str, list[str], str | None]], canon: Callable[[str], str]
) -> list[tuple[str, str, str]]:
    out = []
    for cargo, drugs, effect in rows:
        for d in drugs:
            pair = (cargo, canon(d), effect or "")
            if pair not in out:
                out.append(pair)
    return out


def score_paper(
    paper: GoldPaper,
    predicted: list[Assertion],
    score: Score,
    canon: Callable[[str], str],
    *,
    named_cargo: bool = False,
) -> None:
    """Add one paper's (cargo, drug) pairs and effects to ``score``. ``named_cargo``: leave out the vesicles' own
    rows ("EV") of a paper whose gold rows name a cargo molecule, in the gold and the output alike (annotators
    differ on whether a statement on the vesicles beside a named cargo is a row of its own: GUIDELINES.md)."""
    resistance = [a for a in predicted if a.relation == "transfers_resistance" and a.effect is not None]
    pred = _pairs(((c.name, [d.name for d in a.drugs], a.effect) for a in resistance for c in a.cargo), canon)
    gold = _pairs(((r.cargo, r.drugs, r.effect) for r in paper.assertions), canon)
    if named_cargo and any(c != "EV" for c, _, _ in gold):
        gold = [g for g in gold if g[0] != "EV"]
        pred = [p for p in pred if p[0] != "EV"]
    score.papers += 1
    if paper.kind == "lookalike":
        score.lookalikes += 1
        score.lookalikes_flagged += bool(resistance)
    matched_pred: set[int] = set()
    seen_gold: set[tuple[str, str]] = set()
    for g_cargo, g_drug, _ in gold:
        if (g_cargo.lower(), g_drug) in seen_gold:
            continue
        seen_gold.add((g_cargo.lower(), g_drug))
        hits = [i for i, (c, d, _) in enumerate(pred) if d == g_drug and same_cargo(c, g_cargo)]
        if hits:
            score.tp += 1
            matched_pred.update(hits)
            _score_roles(paper, resistance, g_cargo, g_drug, score, canon)
            gold_effects = {e for c, d, e in gold if d == g_drug and same_cargo(c, g_cargo)}
            score.effect_total += 1
            if any(pred[i][2] in gold_effects for i in hits):
                score.effect_right += 1
            else:
                score.misses.append(
                    f"{paper.id}: effect ({g_cargo}, {g_drug}) gold {sorted(gold_effects)} got {pred[hits[0]][2]}"
                )
        else:
            score.fn += 1
            score.misses.append(f"{paper.id}: missed ({g_cargo}, {g_drug})")
    for i, (c, d, e) in enumerate(pred):
        if i not in matched_pred:
            score.fp += 1
            score.misses.append(f"{paper.id}: extra ({c}, {d}, {e})")


_CELL_STOP = frozenset(
    {
        "cell",
        "cells",
        "line",
        "lines",
        "derived",
        "the",
        "of",
        "from",
        "in",
        "and",
        "human",
        "cancer",
        "tumor",
        "tumour",
        "patients",
        "patient",
        "sensitive",
        "resistant",
        "parental",
        "recipient",
        "donor",
        "a",
        "an",
        "with",
        "activated",
    }
)


# one word for the abbreviations and the spelled-out names of the usual donors, and for the blood fluids
_CELL_SYNONYMS = {
    "caf": "caf",
    "cancerassociatedfibroblast": "caf",
    "fibroblast": "caf",
    "msc": "msc",
    "mesenchymalstemcell": "msc",
    "mesenchymalstromalcell": "msc",
    "tam": "macrophage",
    "tumorassociatedmacrophage": "macrophage",
    "serum": "blood",
    "plasma": "blood",
    "sera": "blood",
    "circulation": "blood",
    "circulating": "blood",
    "csf": "cerebrospinalfluid",
}


def cell_words(name: str) -> set[str]:
    """The telling words of a cell description, folded: "cisplatin-resistant A549 cells" -> {"a549", ...};
    "MCF-7" and "MCF7" agree, plurals fold ("CAFs" -> "caf"), abbreviations and names of the usual donors
    agree ("CAFs" ~ "cancer-associated fibroblast"), and so do the blood fluids (serum ~ plasma ~ blood)."""

    def fold(w: str) -> str:
        w = w.replace("-", "")
        w = w[:-1] if len(w) > 3 and w.endswith("s") else w
        return "msc" if re.fullmatch(r"[a-z]{1,4}msc", w) else w  # "BMSCs", "hMSCs" ~ "MSCs"

    raw = [w for w in re.split(r"[\s,;()/]+", name.lower()) if w]
    words = {fold(w) for w in raw}
    if len(raw) == 2 and len(raw[0]) <= 2:
        words.add(fold("".join(raw)))  # "T cell" ~ "T-cells"
    grams = {fold("".join(raw[i : i + n])) for n in (2, 3) for i in range(len(raw) - n + 1)}
    words |= grams & set(_CELL_SYNONYMS)  # "mesenchymal stem cells" ~ "MSCs"
    words = {_CELL_SYNONYMS.get(w, w) for w in words}
    return {w for w in words if w and w not in _CELL_STOP}


_STATE = {"sensitive": "sensitive", "parental": "sensitive", "recipient": "recipient", "receipt": "recipient"}


def _state_words(name: str) -> set[str]:
    """What a description with no telling words says of the cells: "parental sensitive cells" -> {"sensitive"}."""
    return {_STATE[w] for w in re.split(r"[\s,;()/-]+", name.lower()) if w in _STATE} or {
        w for w in re.split(r"[\s,;()/-]+", name.lower()) if w and w not in {"cell", "cells"}
    }


def line_ids(name: str) -> set[str]:
    """The Cellosaurus ids of the cell lines a description names, word by word and two words together ("HepG2 and
    Hep3B cells", "MIA PaCa-2 cells")."""
    from pipeline.normalize.mentions import cell_line_in_context

    words = [w for w in re.split(r"[\s,;()]+", name) if w]
    forms = words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    concepts = (cell_line_in_context(w.rstrip(".")) for w in forms if any(ch.isdigit() or ch.isupper() for ch in w))
    return {c.id for c in concepts if c is not None and c.id}


def cells_named(name: str, identifier: str | None, gold: list[str]) -> bool:
    """Whether predicted cells (their name and, for a cell line, its Cellosaurus id) are among the gold's cell
    descriptions: the same words, or the same line under its own name ("Hep3B" ~ "Hep 3B2.1-7")."""
    if cells_agree(cell_words(name), set().union(*(cell_words(g) for g in gold))):
        return True
    if identifier is not None and identifier in set().union(*(line_ids(g) for g in gold)):
        return True
    if name in set().union(*(cell_type_names(g) for g in gold)):  # "NK cells" ~ "natural killer cell"
        return True
    # cells described only by their state ("parental cells", "recipient cells"), as the real abstracts are scored
    gold_state = set().union(*(_state_words(g) for g in gold if not cell_words(g)))
    return not cell_words(name) and bool(_state_words(name) & gold_state)


@lru_cache(maxsize=4096)
def cell_type_names(description: str) -> frozenset[str]:
    """The Cell Ontology names of the cell types a gold description names ("NK cells" -> natural killer cell,
    "MM-BMSCs" -> stromal cell of bone marrow), as EVminer's lexicon spells them."""
    from pipeline.normalize.mentions import find_mentions

    return frozenset(m.concept.name for m in find_mentions(description) if m.label == "CELL_TYPE")


def cells_agree(a: set[str], b: set[str]) -> bool:
    """A word in common, or a cell line named with and without its prefix or suffix ("NCI-H1975" ~ "H1975",
    "U-251MG" ~ "U251")."""
    return any(
        x == y or (min(len(x), len(y)) >= 4 and (x.endswith(y) or y.endswith(x) or x.startswith(y) or y.startswith(x)))
        for x in a
        for y in b
    )


def _score_roles(
    paper: GoldPaper,
    predicted: list[Assertion],
    cargo: str,
    drug: str,
    score: Score,
    canon: Callable[[str], str],
) -> None:
    rows = [r for r in paper.assertions if same_cargo(r.cargo, cargo) and drug in {canon(d) for d in r.drugs}]
    preds = [
        a
        for a in predicted
        if any(same_cargo(c.name, cargo) for c in a.cargo) and drug in {canon(d.name) for d in a.drugs}
    ]
    for role, gold_field, pred_field in (
        ("donor", "donor_cells", "donor_cells"),
        ("recipient", "recipient_cells", "recipient_cells"),
        ("target", "target_genes", "target_genes"),
    ):
        gold = [g for r in rows for g in getattr(r, gold_field)]
        if not gold:
            continue
        concepts = list({c.name: c for a in preds for c in getattr(a, pred_field)}.values())
        pred = [c.name for c in concepts]
        score.roles[role][1] += 1
        if role == "target":
            agree = [any(same_cargo(p, g) for g in gold) for p in pred]
        else:
            gold_words = set().union(*(cell_words(g) for g in gold))
            if gold_words:
                agree = [cells_named(c.name, c.id, gold) for c in concepts]
            else:  # described only by their state ("sensitive cells", "recipient cells"): the state words
                gold_state = set().union(*(_state_words(g) for g in gold))
                agree = [not cell_words(p) and bool(_state_words(p) & gold_state) for p in pred]
        right = any(agree)
        score.roles[role][0] += right
        score.roles_wrong[role] += agree.count(False)
        if not right or not all(agree):
            score.role_misses.append(f"{paper.id}: {role} ({cargo}, {drug}) gold {sorted(set(gold))} got {pred}")
