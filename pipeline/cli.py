"""The ``evminer`` command line (design.md's contract). Only this layer reads and writes files."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.errors import EVminerError
from pipeline.registry import BATCH_ENGINES, DEFAULT_PDF_ENGINE, PDF_ENGINES

if TYPE_CHECKING:  # the models (pydantic) load only when a command runs: `evminer --help` stays fast
    from pipeline.models import Assertion, Document
    from pipeline.recipe import Recipe

logger = logging.getLogger("evminer")

_FILES = click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
_PDF_ENGINE = click.option(
    "--pdf-engine",
    type=click.Choice(list(PDF_ENGINES)),
    default=DEFAULT_PDF_ENGINE,
    show_default=True,
    help="Where a PDF's characters come from: pdfium (fast) or pdfminer through pdfplumber (the reference).",
)


def _format_option(choices: list[str], help_text: str):  # type: ignore[no-untyped-def]
    """--format with ``choices``, the first the default."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help=help_text
    )


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


def _run(
    files: tuple[Path, ...], failures: list[EVminerError], recipe: Recipe
) -> Iterator[tuple[Document, list[Assertion]]]:
    """Every document of each file in turn (a PubMed or BioC file holds many) through ``recipe`` (read, annotate,
    extract): (Document, its assertions). A document or a file that fails is reported and recorded, and the next
    one read."""
    for path in files:
        try:
            for member in recipe.read(path):
                try:
                    yield recipe.run(recipe.read_member(member))
                except EVminerError as exc:
                    click.echo(f"evminer: error: {exc}", err=True)
                    failures.append(exc)
        except EVminerError as exc:
            click.echo(f"evminer: error: {exc}", err=True)
            failures.append(exc)


def _recipe(annotator: str | None, extractors: tuple[str, ...], pdf_engine: str, keep_negated: bool = False) -> Recipe:
    from pipeline.recipe import Recipe

    return Recipe.from_names(annotator, extractors, pdf_engine=pdf_engine, keep_negated=keep_negated)


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
@_format_option(["json", "md"], "json: the Document model; md: a readable view.")
@click.option(
    "--entities/--no-entities",
    default=True,
    show_default=True,
    help="Recognise and normalise entities (loads models/evminer_ner, about 1.5 s).",
)
@_PDF_ENGINE
def parse(files: tuple[Path, ...], fmt: str, entities: bool, pdf_engine: str) -> None:
    """Parse FILE(s) into the Document model and print it.

    Exit status 1 when any file could not be read; the others are still printed.
    """
    from pipeline.export.formats import document_json, document_markdown

    failures: list[EVminerError] = []
    for doc, _ in _run(files, failures, _recipe("entities" if entities else None, (), pdf_engine)):
        click.echo(document_json(doc) if fmt == "json" else document_markdown(doc))
    sys.exit(1 if failures else 0)


@main.command()
@_FILES
@_format_option(
    ["jsonl", "tsv", "pubtator"], "jsonl: one entity per line; tsv: a table with a header; pubtator: PubTator format."
)
@_PDF_ENGINE
def entities(files: tuple[Path, ...], fmt: str, pdf_engine: str) -> None:
    """Print the entities of FILE(s): text span, label, canonical name, identifier, sentence, page.

    Labels: MIRNA, LNCRNA, CIRCRNA, NCRNA, MRNA, DNA, GENE, DRUG, CELL_LINE, CELL_TYPE, VESICLE. Names are canonical
    (miR-21, HGNC symbols, lower-case INN drug names, Cellosaurus and Cell Ontology names); abbreviations the
    paper defines are resolved ("Adriamycin (ADM)": ADM -> doxorubicin).
    """
    from pipeline.export.formats import ENTITY_COLUMNS, entities_jsonl, entities_tsv

    failures: list[EVminerError] = []
    if fmt == "tsv":
        click.echo("\t".join(ENTITY_COLUMNS))
    for doc, _ in _run(files, failures, _recipe("entities", (), pdf_engine)):
        if fmt == "pubtator":
            from pipeline.export.pubtator import pubtator

            click.echo(pubtator(doc), nl=False)
            continue
        click.echo(entities_jsonl(doc) if fmt == "jsonl" else entities_tsv(doc).split("\n", 1)[1], nl=False)
    sys.exit(1 if failures else 0)


@main.command()
@_FILES
@_format_option(["jsonl", "tsv"], "jsonl: one assertion per line; tsv: a table with a header (lists joined by '; ').")
@_PDF_ENGINE
def tables(files: tuple[Path, ...], fmt: str, pdf_engine: str) -> None:
    """Print the curated tables of FILE(s) as normalised assertions (source="table", the gold standard).

    Column roles (cargo, target, resistance/drug, cells, function, ref) are chosen from each table's header
    words; cells are split into atomic items and normalised (miR-221/222 -> miR-221, miR-222; p27 -> CDKN1B;
    Adriamycin -> doxorubicin).
    """
    failures: list[EVminerError] = []
    _echo_assertions((items for _, items in _run(files, failures, _recipe(None, ("tables",), pdf_engine))), fmt)
    sys.exit(1 if failures else 0)


@main.command()
@_FILES
@_format_option(
    ["jsonl", "tsv", "pubtator", "bioc"],
    "jsonl: one assertion per line; tsv: a table with a header; pubtator: PubTator format (entities and relation "
    "pairs); bioc: a BioC JSON collection (annotations and every assertion as a relation).",
)
@click.option("--keep-negated", is_flag=True, help="Also print negated statements, flagged in 'function'.")
@_PDF_ENGINE
def extract(files: tuple[Path, ...], fmt: str, keep_negated: bool, pdf_engine: str) -> None:
    """Print the assertions the prose of FILE(s) states (source="text"): cargo transfers resistance to drugs
    (confers, predicts, sensitizes), with donor and recipient cells and target genes; cargo functions,
    biomarkers and payloads. One per study and relation, each with its evidence sentences."""
    failures: list[EVminerError] = []
    results = _run(files, failures, _recipe("entities", ("prose",), pdf_engine, keep_negated))
    if fmt == "pubtator":
        from pipeline.export.pubtator import pubtator

        for doc, items in results:
            click.echo(pubtator(doc, items), nl=False)
    elif fmt == "bioc":
        import io

        from pipeline.export.bioc import write_bioc

        buf = io.StringIO()
        write_bioc(results, buf)
        click.echo(buf.getvalue(), nl=False)
    else:
        _echo_assertions((items for _, items in results), fmt)
    sys.exit(1 if failures else 0)


@main.command()
@_FILES
@_format_option(
    ["md", "json", "html"], "md: figures and the rows that differ; json: everything; html: a page for curators."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@_PDF_ENGINE
def diff(files: tuple[Path, ...], fmt: str, output: Path | None, pdf_engine: str) -> None:
    """Compare the curated tables of FILE(s) with what the prose of all FILE(s) states.

    Per table: row recall and precision/recall/F1 of (cargo, drug), (cargo, target gene) and (cargo, target
    cell) pairs; missing, partial and extra rows with their evidence. Papers citing the same study (by DOI or
    first author, year and journal) check each other.
    """
    from pipeline.export.report import diff_html, diff_json, diff_markdown
    from pipeline.recipe import evaluate

    failures: list[EVminerError] = []
    # the chain the API and the batch worker run: annotate, curated tables, prose
    results = list(_run(files, failures, _recipe("entities", ("tables", "prose"), pdf_engine)))
    docs = [doc for doc, _ in results]
    diffs = evaluate(docs, [a for _, items in results for a in items])
    text = diff_markdown(diffs) if fmt == "md" else diff_json(diffs) if fmt == "json" else diff_html(diffs, docs)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(1 if failures else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("outputs/run"),
    show_default=True,
    help="Output folder (documents/, assertions.jsonl/.parquet, entities.parquet, "
    "evminer.sqlite, bioc.json, report.html, manifest.jsonl).",
)
@click.option("--workers", type=int, default=None, help="Worker processes [default: the number of cores].")
@click.option(
    "--engine",
    type=click.Choice(list(BATCH_ENGINES)),
    default=BATCH_ENGINES[0],
    show_default=True,
    help="local processes, or a Dask distributed cluster (a LocalCluster unless --scheduler).",
)
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://host:port); implies --engine dask.")
@click.option("--db", "db_url", default=None, help="Also write the rows to this database (postgresql://...).")
@click.option("--no-report", is_flag=True, help="Skip report.html (the diff of curated tables vs prose).")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: when on a terminal].")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds one file may take; a worker that overruns it is stopped and the file gets an error row.",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(min=1),
    default=2048,
    show_default=True,
    help="MB of address space a worker may use for one file over what its loaded pipeline takes.",
)
@click.option("--max-pages", type=click.IntRange(min=1), default=2000, show_default=True, help="Pages per PDF.")
@click.option(
    "--max-chars", type=click.IntRange(min=1), default=20_000_000, show_default=True, help="Characters per document."
)
@click.option(
    "--max-inflated",
    type=click.IntRange(min=1),
    default=512,
    show_default=True,
    help="MB one compressed PDF stream may inflate to (decompression bombs are refused).",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symlinks that lead out of the input folder (by default they get a 'skipped' manifest row).",
)
@click.option(
    "--retry-failed",
    is_flag=True,
    help="Try again the files that killed or overran a worker in an earlier run (otherwise they are skipped).",
)
@_PDF_ENGINE
def run(
    paths: tuple[Path, ...],
    out: Path,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    db_url: str | None,
    no_report: bool,
    progress: bool | None,
    time_limit: float,
    memory_limit: int,
    max_pages: int,
    max_chars: int,
    max_inflated: int,
    retry_failed: bool,
    follow_symlinks: bool,
    pdf_engine: str,
) -> None:
    """Run the whole chain on every .pdf/.txt/.md under PATH(s): Document, entities, prose and table assertions.

    Unchanged files are taken from the cache (content hash); a changed file replaces its rows; a file that
    fails gets an error row in manifest.jsonl with the reason and the run goes on. Killed and started again,
    a run finishes the job with every document's rows exactly once. Exit status 1 when any file failed.

    Each file is read in a worker process within the limits: a file that kills its worker (a crash, out of
    memory) or overruns a limit becomes an error row, the worker is replaced and the run goes on; such a file
    is skipped by later runs unless --retry-failed.
    """
    from tqdm import tqdm

    from pipeline.batch import Limits, RunLockedError, run_batch
    from pipeline.errors import printable

    show = sys.stderr.isatty() if progress is None else progress
    # the total counts only the documents that will be processed (not those taken from the cache); it grows as
    # the citations of a PubMed file are streamed
    bar = tqdm(total=0, unit="doc", disable=not show, file=sys.stderr)

    def more(n: int) -> None:
        bar.total += n
        bar.refresh()

    def tick(result, summary) -> None:  # type: ignore[no-untyped-def]
        bar.update(1)
        if result.status == "error":
            errors.append(result.path)
            click.echo(f"evminer: error: {printable(result.message)}", err=True)
        elif result.status == "skipped":
            click.echo(f"evminer: skipped: {printable(result.message)}", err=True)
        bar.set_postfix(errors=len(errors), cached=summary.cached)

    errors: list[str] = []

    try:
        summary = run_batch(
            paths,
            out,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            db_url=db_url,
            report=not no_report,
            progress=tick,
            pdf_engine=pdf_engine,
            limits=Limits(
                seconds=time_limit,
                memory_mb=memory_limit,
                max_pages=max_pages,
                max_chars=max_chars,
                max_inflated_mb=max_inflated,
            ),
            retry_failed=retry_failed,
            follow_symlinks=follow_symlinks,
            on_tasks=more,
        )
    except RunLockedError as exc:
        bar.close()
        click.echo(f"evminer: error: {exc}", err=True)
        sys.exit(2)
    bar.close()
    click.echo(
        f"{summary.files} files: {summary.processed} processed, {summary.cached} cached; {summary.ok} ok, "
        f"{summary.warning} warnings, {summary.error} failed"
        + (f" ({summary.not_retried} not tried again: see --retry-failed)" if summary.not_retried else "")
        + (f"; {summary.left_out} left out (see manifest.jsonl)" if summary.left_out else "")
        + (f"; {summary.removed} removed (gone from the input)" if summary.removed else "")
        + f"; {summary.outputs.get('assertions', 0)} assertions, "
        f"{summary.outputs.get('entities', 0)} entities in {summary.seconds} s -> {out}"
    )
    sys.exit(1 if summary.failed else 0)


@main.command("compare-engines")
@_FILES
@click.option("--show", type=int, default=5, show_default=True, help="Differing sentences to print per file.")
def compare_engines(files: tuple[Path, ...], show: int) -> None:
    """Read each PDF with both engines (pdfium and pdfplumber) and say whether they give the same Document:
    sentences, tables cell by cell, citations, references and metadata; and how long each took.

    Exit status 1 when a file could not be read.
    """
    from pipeline.evaluate.engines import compare_engines as compare

    failures = 0
    for path in files:
        try:
            c = compare(path.read_bytes(), str(path))
        except (EVminerError, OSError) as exc:
            click.echo(f"evminer: error: {exc}", err=True)
            failures += 1
            continue
        click.echo(
            f"{path}: {c.pages} pages; pdfium {c.seconds['pdfium']:.2f} s, pdfplumber {c.seconds['pdfplumber']:.2f} s "
            f"(x{c.speedup:.1f}); sentences {c.same_sentences}/{c.sentences} identical "
            f"({100 * c.sentence_agreement:.1f}%); tables {c.same_tables}/{c.tables}; citations "
            f"{'same' if c.same_citations else 'differ'}; references {'same' if c.same_references else 'differ'}; "
            f"metadata {'same' if c.same_metadata else 'differs'}"
        )
        for sentence in c.only_reference[:show]:
            click.echo(f"  pdfplumber only: {sentence[:160]}")
        for sentence in c.only_fast[:show]:
            click.echo(f"  pdfium only:     {sentence[:160]}")
    sys.exit(1 if failures else 0)


@main.command("build-model")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to save the spaCy pipeline [default: models/evminer_ner].",
)
def build_model(out: Path | None) -> None:
    """Build and save the spaCy pipeline (scispaCy rule tokenizer, abbreviation detector, EVminer entity
    recogniser). It reads the lexicons and patterns of models/ at run time; nothing is downloaded."""
    from pipeline.annotate import save_pipeline

    click.echo(f"saved {save_pipeline(out)}")


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
