"""One recipe for the chain (read -> annotate -> tables + prose), used by every CLI command; one registry of names."""

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from pipeline import registry
from pipeline.cli import main
from pipeline.recipe import ProseExtractor, Recipe, TableExtractor
from tests.conftest import CORPUS
from tests.gold.tables import SCHWARZENBACH

SAMPLE_PUBMED = Path(__file__).resolve().parents[2] / "shared" / "xml" / "pubmed-29768149.xml"


def _choices(command: str, option: str) -> tuple[str, ...]:
    param = next(p for p in main.commands[command].params if p.name == option)
    assert isinstance(param.type, click.Choice)
    return tuple(param.type.choices)


def test_one_registry_of_names() -> None:
    from pipeline.evaluate.engines import ENGINES
    from pipeline.ingest.pdf import DEFAULT_PDF_ENGINE, PDF_ENGINES
    from pipeline.ingest.readers import CONTAINER_KINDS, READERS

    assert tuple(READERS) == registry.READERS and set(registry.CONTAINER_READERS) == CONTAINER_KINDS
    assert PDF_ENGINES == ENGINES == registry.PDF_ENGINES and DEFAULT_PDF_ENGINE == registry.DEFAULT_PDF_ENGINE
    for command in ("parse", "entities", "tables", "extract", "diff", "run"):
        assert _choices(command, "pdf_engine") == registry.PDF_ENGINES
    assert _choices("run", "engine") == registry.BATCH_ENGINES


def test_recipe_from_names() -> None:
    recipe = Recipe.from_names("entities", ("tables", "prose"), keep_negated=True, pdf_engine="pdfplumber")
    assert recipe.annotator is not None and recipe.pdf_engine == "pdfplumber"
    assert [type(e) for e in recipe.extractors] == [TableExtractor, ProseExtractor]
    assert recipe.extractors[1] == ProseExtractor(keep_negated=True)
    with pytest.raises(ValueError, match="unknown stage 'relations'"):
        Recipe.from_names("entities", ("relations",))


def test_recipe_without_annotator_runs_only_what_needs_no_entities() -> None:
    from pipeline.ingest import ingest

    doc, items = Recipe(annotator=None).run(ingest(CORPUS / SCHWARZENBACH))
    assert not doc.entities and items and {a.provenance.source for a in items} == {"table"}
    doc, items = Recipe.from_names(None, ()).run(doc)
    assert items == []


@pytest.mark.parametrize(
    ("command", "annotated", "extractors"),
    [
        (["parse", "--no-entities"], False, []),
        (["parse"], True, []),
        (["entities"], True, []),
        (["tables"], False, [TableExtractor]),
        (["extract"], True, [ProseExtractor]),
        (["diff"], True, [TableExtractor, ProseExtractor]),
    ],
)
def test_cli_commands_run_the_recipe(monkeypatch, command, annotated, extractors) -> None:  # type: ignore[no-untyped-def]
    """Each command builds its recipe from the registry's names and runs every document through Recipe.run: a
    PubMed file (one document) is read by the reader its content names."""
    seen: list[Recipe] = []
    run = Recipe.run

    def spy(self, doc):  # type: ignore[no-untyped-def]
        seen.append(self)
        return run(self, doc)

    monkeypatch.setattr(Recipe, "run", spy)
    result = CliRunner().invoke(main, [*command, str(SAMPLE_PUBMED)])
    assert result.exit_code == 0, result.output
    assert len(seen) == 1
    assert (seen[0].annotator is not None) is annotated
    assert [type(e) for e in seen[0].extractors] == extractors


def test_cli_extract_keeps_negated_through_the_recipe(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    made: list[Recipe] = []
    from_names = Recipe.from_names.__func__  # type: ignore[attr-defined]

    def spy(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(from_names(cls, *args, **kwargs))
        return made[-1]

    monkeypatch.setattr(Recipe, "from_names", classmethod(spy))
    result = CliRunner().invoke(main, ["extract", "--keep-negated", str(SAMPLE_PUBMED)])
    assert result.exit_code == 0, result.output
    assert made and made[0].extractors == (ProseExtractor(keep_negated=True),)


def test_batch_refuses_an_unknown_engine(tmp_path: Path) -> None:
    from pipeline.batch import run_batch

    with pytest.raises(ValueError, match="unknown batch engine 'spark'"):
        run_batch([tmp_path], tmp_path / "out", engine="spark")
