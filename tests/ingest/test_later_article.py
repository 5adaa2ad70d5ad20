"""Nothing after a reference list is lost silently: back matter is text again; another article (two papers in
one file) is read too, with a warning naming it."""

from pipeline.ingest import parse_text

FIRST = (
    "# Exosomal miR-21 and docetaxel\n\n## Abstract\n\nExosomal miR-21 confers resistance to docetaxel [1].\n\n"
    "## Introduction\n\nVesicles carry microRNAs between cells [2].\n\n## References\n\n"
    "1. Wei Y, Lai X. Exosomal miR-221/222. Breast Cancer Res Treat 2014;147:423-31.\n"
    "2. Chen W, Liu X. Exosomes from docetaxel-resistant cells. Tumour Biol 2014;35:9649-59.\n"
)


def test_back_matter_after_the_references_is_text() -> None:
    doc = parse_text(FIRST + "\n## Acknowledgements\n\nWe thank the vesicle core.\n", doc_id="a", source="a.md")
    assert "We thank the vesicle core." in doc.text
    assert not doc.warnings
    assert len(doc.references) == 2


def test_second_article_read_with_a_warning() -> None:
    second = (
        "\n# Circulating H19 and gefitinib\n\nAnna Smith, Bo Chen\n\n## Abstract\n\n"
        "Exosomal H19 predicts gefitinib resistance in lung cancer [1].\n\n## References\n\n"
        "1. Lei Y, Guo W. Exosomal H19 and gefitinib. Oncogene 2018;37:2212-23.\n"
    )
    doc = parse_text(FIRST + second, doc_id="b", source="b.md")
    assert "Exosomal H19 predicts gefitinib resistance in lung cancer" in doc.text
    assert "Lei Y, Guo W" not in doc.text  # the second reference list is no prose
    assert [r.number for r in doc.references] == [1, 2]
    assert doc.warnings == [
        'another article follows the reference list: "Circulating H19 and gefitinib" (read into this document '
        "after it; its reference list, 1 entry, left out)"
    ]
