"""Export: every sink of Documents and Assertions. ``schema`` derives the flat Assertion row from the model once;
``formats`` renders JSON, Markdown, JSONL and TSV; ``database`` is the run database (SQLite, PostgreSQL);
``files`` writes a run's output folder (JSONL, Parquet, BioC, manifest, report); ``bioc``, ``pubtator`` and
``report`` render those formats."""
