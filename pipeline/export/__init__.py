"""Export: Documents and Assertions to JSON, Markdown, JSONL and TSV."""
