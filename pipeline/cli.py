"""The ``evminer`` command line (design.md's contract). Only this layer reads and writes files."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from pipeline.errors import EVminerError
from pipeline.models import Assertion, Document

logger = logging.getLogger("evminer")

_FILES = click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.version_option(package_name="evminer")
def main(verbose: int) -> None:
    """EVminer: literature mining for extracellular-vesicle (EV, exosome, sEV) cancer research.

    Reads review articles (text or markdown converted from PDF), builds one Document per paper (sections,
    sentences, citations resolved to the reference list, tables, references, metadata) and turns the curated
    tables into normalised assertions (cargo -> drugs, target genes, target cells).
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


def _documents(files: tuple[Path, ...], failures: list[EVminerError]) -> Iterator[Document]:
    """Ingest each file in turn; a file that fails is reported and recorded, and the next one is read."""
    from pipeline.ingest import ingest

    for path in files:
        try:
            yield ingest(path)
        except EVminerError as exc:
            click.echo(f"evminer: error: {exc}", err=True)
            failures.append(exc)


def _echo_assertions(batches: Iterable[list[Assertion]], fmt: str) -> None:
    """Print assertions as JSONL, or as one TSV table with a single header line."""
    from pipeline.export.formats import ASSERTION_COLUMNS, assertions_jsonl, assertions_tsv

    if fmt == "tsv":
        click.echo("\t".join(ASSERTION_COLUMNS))
    for assertions in batches:
        if fmt == "jsonl":
            click.echo(assertions_jsonl(assertions), nl=False)
        else:
            click.echo(assertions_tsv(assertions).split("\n", 1)[1], nl=False)


@main.command()
@_FILES
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="json: the Document model; md: a readable view.",
)
def parse(files: tuple[Path, ...], fmt: str) -> None:
    """Parse FILE(s) into the Document model and print it.

    Exit status 1 when any file could not be read; the others are still printed.
    """
    from pipeline.export.formats import document_json, document_markdown

    failures: list[EVminerError] = []
    for doc in _documents(files, failures):
        click.echo(document_json(doc) if fmt == "json" else document_markdown(doc))
    sys.exit(1 if failures else 0)


@main.command()
@_FILES
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "tsv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one assertion per line; tsv: a table with a header (lists joined by '; ').",
)
def tables(files: tuple[Path, ...], fmt: str) -> None:
    """Print the curated tables of FILE(s) as normalised assertions (source="table", the gold standard).

    Column roles (cargo, target, resistance/drug, cells, function, ref) are chosen from each table's header
    words; cells are split into atomic items and normalised (miR-221/222 -> miR-221, miR-222; p27 -> CDKN1B;
    Adriamycin -> doxorubicin).
    """
    from pipeline.tables import table_assertions

    failures: list[EVminerError] = []
    _echo_assertions((table_assertions(doc) for doc in _documents(files, failures)), fmt)
    sys.exit(1 if failures else 0)


@main.command("build-lexicons")
@click.option(
    "--vocab",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="The open vocabulary folder (../shared/vocab, with SOURCES.md).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the lexicons [default: models/lexicons].",
)
def build_lexicons(vocab: Path, out: Path | None) -> None:
    """Rebuild the lexicons in models/lexicons/ from the open vocabularies (HGNC, miRBase, Cellosaurus, CL,
    DrugBank open vocabulary, LINCS). The curated supplement.tsv and ambiguous.tsv are kept as they are."""
    from pipeline.normalize.build_lexicons import build_all
    from pipeline.normalize.lexicon import models_dir

    counts = build_all(vocab, out or models_dir() / "lexicons")
    for kind, n in counts.items():
        click.echo(f"{kind}\t{n}")


if __name__ == "__main__":  # pragma: no cover
    main()
