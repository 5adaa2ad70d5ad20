"""Curated tables -> Assertions (the gold standard)."""

from pipeline.tables.assertions import table_assertions

__all__ = ["table_assertions"]
