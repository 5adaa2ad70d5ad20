"""Relation extraction from prose: the hard sentences, and the gold-standard figures on the corpus."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.annotate import annotate
from pipeline.cli import main
from pipeline.evaluate.diff import diff_documents, same_cargo
from pipeline.export.report import diff_html
from pipeline.ingest import parse_text
from pipeline.models import Assertion, Document
from pipeline.relate import relate
from pipeline.relate.cues import load_cues
from pipeline.tables import table_assertions
from tests.conftest import CORPUS
from tests.gold.tables import FENG, SCHWARZENBACH

REFS = "\n".join(f"{n}. Author{n} A, Other B. Title {n}. *J Test* 20{n % 20 + 10:02d};1:{n}." for n in range(1, 80))


def _doc(body: str) -> Document:
    return annotate(
        parse_text(f"# A review\n\n## 1. Results\n\n{body}\n\n## References\n\n{REFS}\n", doc_id="t", source="test")
    )


def _one(assertions: list[Assertion], ref: int) -> Assertion:
    found = [a for a in assertions if ref in a.refs]
    assert len(found) == 1, [(a.refs, a.relation) for a in assertions]
    return found[0]


def test_relate_multi_sentence_study_with_anaphora_and_incidental_citation() -> None:
    doc = _doc(
        "The ability of miR-222 to mediate chemoresistance was confirmed by Wei *et al.*^[44]. They compared the "
        "miRNA expression levels between tamoxifen-resistant and sensitive MCF-7 cells along with their exosomes. "
        "Transmission of exosomes derived from resistant cells to sensitive MCF-7 cells led to the secretion of "
        "exosomal miR-222 as well as miR-221, and, in turn, reduced the expression of their target genes, namely the "
        "cyclin dependent kinase inhibitor p27^[64] and estrogen receptor α (ER α). This modulated expression "
        "pattern induced tamoxifen resistance in the recipient sensitive BC cells."
    )
    a = _one(relate(doc), 44)
    assert a.relation == "transfers_resistance" and a.effect == "confers_resistance"
    assert {c.name for c in a.cargo} == {"miR-221", "miR-222"}
    assert [d.name for d in a.drugs] == ["tamoxifen"]
    assert {g.name for g in a.target_genes} == {"CDKN1B", "ESR1"}
    assert not any(64 in x.refs for x in relate(doc))  # "p27[64]" is an incidental citation
    assert a.provenance.evidence and "tamoxifen resistance" in a.provenance.evidence


@pytest.mark.parametrize(
    "sentence",
    [
        "Although the levels of exosomal miR-21 were associated with circulating tumor cells, their predictive role "
        "in response to docetaxel was not significant^[58].",
        "Likewise, our laboratory did not find any association of exosomal miR-21 with the response to trastuzumab "
        "and lapatinib^[59].",
    ],
)
def test_relate_negation_yields_no_positive_assertion(sentence: str) -> None:
    doc = _doc(sentence)
    assert [a for a in relate(doc) if a.relation == "transfers_resistance"] == []
    flagged = relate(doc, keep_negated=True)
    assert flagged and all(a.function and a.function.startswith("NEGATED") and a.effect is None for a in flagged)


def test_relate_unaffected_is_no_resistance() -> None:
    doc = _doc("Surprisingly, the lapatinib activity on SKBR3 cells was unaffected by exosomal miR-21^[91].")
    assert relate(doc) == []


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        (
            "Adriamycin (ADM)-resistant MCF-7 cells secreted exosomes containing miR-222, which transferred ADM "
            "resistance to sensitive cells^[45].",
            "doxorubicin",
        ),
        ("Exosomes from DOX-resistant cells carrying miR-222 conferred resistance to DOX^[45].", "doxorubicin"),
        ("Exosomes from adriamycin-resistant cells transferred miR-222 and induced resistance^[45].", "doxorubicin"),
    ],
)
def test_relate_drug_synonyms(text: str, drug: str) -> None:
    a = _one(relate(_doc(text)), 45)
    assert [d.name for d in a.drugs] == [drug] and [c.name for c in a.cargo] == ["miR-222"]


def test_relate_slash_mirnas_and_donor_recipient_cells() -> None:
    doc = _doc(
        "Exosomes derived from docetaxel-resistant MCF-7 cells transferred miR-221/222 to sensitive MDA-MB-231 "
        "cells and conferred docetaxel resistance^[44]."
    )
    a = _one(relate(doc), 44)
    assert [c.name for c in a.cargo] == ["miR-221", "miR-222"]
    assert [c.name for c in a.donor_cells] == ["MCF-7"]
    assert [c.name for c in a.recipient_cells] == ["MDA-MB-231"]


def test_relate_sensitizes() -> None:
    doc = _doc("Overexpression of exosomal miR-770 inhibited the resistance to doxorubicin in TNBC cells^[49].")
    assert _one(relate(doc), 49).effect == "sensitizes"


@pytest.mark.parametrize(("effect", "examples"), load_cues().effect_examples.items())
def test_relation_cue_examples(effect: str, examples: list[str]) -> None:
    pattern = dict(load_cues().effects)[effect]
    for example in examples:
        assert pattern.search(example), example


@pytest.fixture(scope="module")
def corpus(corpus_docs: dict[str, Document]) -> tuple[list[Document], list[Assertion], list[Assertion]]:
    docs = [annotate(d) for d in corpus_docs.values()]
    return docs, [a for d in docs for a in table_assertions(d)], [a for d in docs for a in relate(d)]


def test_relate_every_assertion_has_cargo_evidence_and_no_duplicates(corpus) -> None:  # type: ignore[no-untyped-def]
    _, _, predicted = corpus
    assert len(predicted) > 40
    seen = set()
    for a in predicted:
        assert a.cargo and a.provenance.evidence and a.provenance.source == "text"
        for c in a.cargo:
            key = (a.provenance.doc_id, a.relation, tuple(a.refs), c.name)
            assert key not in seen or not a.refs, key
            seen.add(key)


def _table(corpus, doc: str, label: str):  # type: ignore[no-untyped-def]
    docs, gold, predicted = corpus
    return next(d for d in diff_documents(docs, gold, predicted) if d.doc_id.startswith(doc[:8]) and d.table == label)


def test_gold_schwarzenbach_resistance_tables(corpus) -> None:  # type: ignore[no-untyped-def]
    """Tables 2 and 3: 17 of 19 rows recovered. Row 9 ([47]) names miR-423-5p, which the prose gives to study
    [46] (Bovy et al.'s prose is about miR-503), and row 12 ([50]) has no drug in the prose ("resistance to
    chemotherapy"): 17/19 = 0.895 is the ceiling for this definition of row recall."""
    t2, t3 = _table(corpus, SCHWARZENBACH, "Table 2"), _table(corpus, SCHWARZENBACH, "Table 3")
    matched = sum(r.status == "matched" for t in (t2, t3) for r in t.rows)
    assert matched >= 17
    assert {r.gold.refs[0] for r in t2.rows if r.status != "matched"} <= {47, 50}
    tp = t2.pairs["cargo-drug"].tp + t3.pairs["cargo-drug"].tp
    fp = t2.pairs["cargo-drug"].fp + t3.pairs["cargo-drug"].fp
    assert tp / (tp + fp) >= 0.90
    tp = t2.pairs["cargo-target_gene"].tp + t3.pairs["cargo-target_gene"].tp
    fn = t2.pairs["cargo-target_gene"].fn + t3.pairs["cargo-target_gene"].fn
    assert tp / (tp + fn) >= 0.80


@pytest.mark.parametrize(("label", "floor"), [("Table 1", 0.12), ("Table 2", 0.26)])
def test_gold_feng_tables_floor(corpus, label: str, floor: float) -> None:  # type: ignore[no-untyped-def]
    assert _table(corpus, FENG, label).row_recall >= floor


def test_gold_feng_table3_row_recovered_from_the_other_review(corpus) -> None:  # type: ignore[no-untyped-def]
    """Feng's Table 3 cites [223]-[236] only in the table; its row 2 (Wang et al. 2019, Theranostics 9:1714,
    paclitaxel in M1 macrophage exosomes) is Schwarzenbach's [126], whose prose states it: matched by study key."""
    t3 = _table(corpus, FENG, "Table 3")
    row = next(r for r in t3.rows if r.gold.refs == [225])
    assert row.status == "matched"
    assert {a.provenance.doc_id for a in row.matched_by} == {"schwarzenbach2020-cdr-exosome-drug-resistance"}
    assert [a.refs for a in row.matched_by] == [[126]]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("miR-23a", "miR-23a-3p", True),
        ("miR-23a", "miR-23b", False),
        ("HOTAIR", "hotair", True),
        ("miR-2", "miR-21", False),
    ],
)
def test_same_cargo(a: str, b: str, same: bool) -> None:
    assert same_cargo(a, b) is same


def test_ingest_strips_html_from_paper_text() -> None:
    doc = parse_text("Exosomes <script>alert('x')</script> carry miR-21.", doc_id="t", source="t")
    assert "<script>" not in doc.text


def test_diff_html_escapes_paper_text() -> None:
    """Whatever reaches the page from a paper (names, evidence, ids) is escaped: no markup, no javascript: link."""
    from pipeline.models import Concept, Entity, Paragraph, Provenance, Sentence

    evil = "miR-21 <script>alert('x')</script> javascript:alert(1) <img src=x onerror=alert(2)> resistance"
    doc = Document(
        doc_id="evil<i>",
        source="t",
        text=evil,
        paragraphs=[Paragraph(start=0, end=len(evil))],
        sentences=[Sentence(start=0, end=len(evil), paragraph=0)],
        entities=[Entity(start=0, end=6, label="MIRNA", text="miR-21", name="miR-21")],
    )
    bad = Concept(name="<b onmouseover=alert(3)>x</b>")
    gold = Assertion(
        relation="transfers_resistance",
        cargo=[bad],
        drugs=[bad],
        refs=[3],
        provenance=Provenance(doc_id="evil<i>", source="table", table="Table 1", row=0),
    )
    pred = Assertion(
        relation="transfers_resistance",
        cargo=[bad],
        drugs=[bad],
        refs=[3],
        provenance=Provenance(doc_id="evil<i>", source="text", start=0, end=len(evil), evidence=evil),
    )
    page = diff_html(diff_documents([doc], [gold], [pred]), [doc])
    assert "<script>" not in page and "<img" not in page and "<b " not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "&lt;b onmouseover" in page
    assert not re.search(r"href=['\"]javascript:", page)


def test_cli_extract_and_diff(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(CORPUS / SCHWARZENBACH), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert any(r["refs"] == [44] and "miR-221" in r["cargo"] for r in rows)
    assert all(r["source"] == "text" and r["evidence"] for r in rows)
    out = tmp_path / "diff.html"
    result = CliRunner().invoke(
        main, ["diff", str(CORPUS / FENG), str(CORPUS / SCHWARZENBACH), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")
    md = CliRunner().invoke(main, ["diff", str(CORPUS / SCHWARZENBACH), "--format", "md"]).output
    assert "| Table 2 | transfers_resistance | 15 |" in md


def test_diff_lists_an_extra_assertion_once(corpus) -> None:  # type: ignore[no-untyped-def]
    """Tables 2 and 3 share a relation: an assertion matched in Table 2 is no extra of Table 3, and an
    assertion matched in neither is listed once."""
    t2, t3 = _table(corpus, SCHWARZENBACH, "Table 2"), _table(corpus, SCHWARZENBACH, "Table 3")
    matched = {id(a) for t in (t2, t3) for r in t.rows for a in r.matched_by}
    assert not any(id(a) in matched for a in t2.extra + t3.extra)
    assert t3.extra == [] and {tuple(a.refs) for a in t2.extra} >= {(93,), (95,)}
