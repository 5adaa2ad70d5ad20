import pytest

from pipeline.ingest.references import parse_reference, parse_reference_list, study_key


def test_references_mdpi_style() -> None:
    ref = parse_reference(
        1,
        "Hanahan, D.; Weinberg, R.A. Hallmarks of cancer: The next generation. *Cell* **2011**, *144*, 646–674. "
        "[[CrossRef](#)] [[PubMed](#)]",
    )
    assert ref.authors == ["Hanahan, D.", "Weinberg, R.A"]
    assert (ref.first_author, ref.year, ref.journal) == ("Hanahan", 2011, "Cell")
    assert ref.title == "Hallmarks of cancer: The next generation"
    assert "CrossRef" not in ref.raw
    assert ref.study_key == "hanahan|2011|cell|646"


def test_references_mdpi_suffix_jr() -> None:
    ref = parse_reference(
        209,
        "Raghav, K.P.; Meric-Bernstam, F.; Blumenschein, G.R., Jr.; Gonzalez-Angulo, A.M. cMET and phospho-cMET "
        "protein levels in breast cancers. *Clin. Cancer Res.* **2012**, *18*, 2269–2277.",
    )
    assert ref.first_author == "Raghav"
    assert ref.title == "cMET and phospho-cMET protein levels in breast cancers"


def test_references_vancouver_style() -> None:
    ref = parse_reference(
        44,
        "Wei Y, Lai X, Yu S, Chen S, Ma Y, et al. Exosomal miR-221/222 enhances tamoxifen resistance in recipient "
        "ER-positive breast cancer cells. *Breast Cancer Res Treat* 2014;147:423-31.",
    )
    assert ref.authors[:2] == ["Wei Y", "Lai X"]
    assert (ref.first_author, ref.year, ref.journal) == ("Wei", 2014, "Breast Cancer Res Treat")
    assert ref.title.startswith("Exosomal miR-221/222 enhances")


def test_references_same_study_same_key_across_styles() -> None:
    mdpi = parse_reference(
        1, "Wei, Y.; Lai, X. Exosomal miR-221/222. *Breast Cancer Res. Treat.* **2014**, *147*, 423–431."
    )
    nlm = parse_reference(2, "Wei Y, Lai X. Exosomal miR-221/222. *Breast Cancer Res Treat* 2014;147:423-31.")
    assert mdpi.study_key == nlm.study_key == "wei|2014|breast cancer res treat|423"


def test_references_doi_wins_study_key() -> None:
    ref = parse_reference(3, "Smith J. A title. *J Biol* 2020;1:1. doi:10.1000/xyz.123.")
    assert ref.doi == "10.1000/xyz.123"
    assert ref.study_key == "doi:10.1000/xyz.123"


def test_references_continuation_lines_join() -> None:
    refs = parse_reference_list(
        ["1. Smith J. A title that wraps. *J Lipid Res*", "2019;60:1-2.", "2. Doe A. Other. *Cell* 2020;1:2."]
    )
    assert [r.number for r in refs] == [1, 2]
    assert refs[0].year == 2019


@pytest.mark.parametrize(("author", "year", "journal"), [(None, 2020, "x"), ("A", None, "x")])
def test_study_key_needs_author_and_year(author: str | None, year: int | None, journal: str) -> None:
    assert study_key(None, author, year, journal) is None


def test_reference_list_number_out_of_sequence_continues_the_entry() -> None:
    """Lines wrapped in a PDF may start with a number: "2020;3:63-82." or "1) in breast cancer cells"."""
    refs = parse_reference_list(
        [
            "1. Farrar MC, Jacobs TF. Tamoxifen. In: StatPearls. Treasure Island (FL): StatPearls Publishing;",
            "2020 Jan.",
            "2. Zheng Z, Chen M. Increased expression of exosomal AGAP2-AS1 (AGAP2 Antisense RNA",
            "1) in breast cancer cells. Med Sci Monit 2019;25:2211-20.",
            "3. Dasari S, Tchounwou PB. Cisplatin in cancer therapy. Eur J Pharmacol 2014;740:364-78.",
        ]
    )
    assert [r.number for r in refs] == [1, 2, 3]
    assert refs[0].raw.endswith("StatPearls Publishing; 2020 Jan.")
    assert "RNA 1) in breast" in refs[1].raw
