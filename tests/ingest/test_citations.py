import pytest

from pipeline.ingest.citations import CITATION_RE, expand_numbers, parse_ref_cell


@pytest.mark.parametrize(
    ("spec", "numbers"),
    [
        ("45", [45]),
        ("100,134–136", [100, 134, 135, 136]),
        ("77-79", [77, 78, 79]),
        ("1, 2", [1, 2]),
        ("4—6", [4, 5, 6]),
        ("5,5", [5]),
        ("10-900", [10, 900]),
        ("9-3", [9, 3]),
    ],
)
def test_expand_numbers(spec: str, numbers: list[int]) -> None:
    assert expand_numbers(spec) == numbers


@pytest.mark.parametrize("text", ["[Figure 2]", "[Table 1]", "[[CrossRef](#)]", "[a]", "^[x]"])
def test_citation_re_ignores_cross_references(text: str) -> None:
    assert CITATION_RE.search(text) is None


@pytest.mark.parametrize(
    ("cell", "refs"), [("[50,51]", [50, 51]), ("[138,187]", [138, 187]), ("44-46", [44, 45, 46]), ("", [])]
)
def test_parse_ref_cell(cell: str, refs: list[int]) -> None:
    assert parse_ref_cell(cell) == refs
