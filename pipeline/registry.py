"""The names EVminer's parts go by, in one place: readers, PDF engines, batch engines and the recipe's stages.

Only names live here (nothing heavy is imported, so ``evminer --help`` stays fast); the CLI's choices, the
readers' dispatch (``pipeline.ingest.readers.READERS``), the PDF reader, the engine comparison and the recipe
(``pipeline.recipe.Recipe.from_names``) all take them from here.
"""

from __future__ import annotations

# Readers, chosen by a file's content (then its extension): one name per reader in pipeline.ingest.readers.
READERS = ("text", "markdown", "pdf", "jats", "pubmed", "bioc", "bioc-json")
CONTAINER_READERS = ("pubmed", "bioc", "bioc-json")  # a file of many documents, streamed

# Where a PDF's characters come from: pdfium (fast, the default) or pdfminer through pdfplumber (the reference).
PDF_ENGINES = ("pdfium", "pdfplumber")
DEFAULT_PDF_ENGINE = "pdfium"

# Where a batch runs: local worker processes, or a Dask distributed cluster.
BATCH_ENGINES = ("local", "dask")

# The recipe's stages: the annotator (entities) and the extractors (curated tables, prose), by name.
ANNOTATORS = ("entities",)
EXTRACTORS = ("tables", "prose")
