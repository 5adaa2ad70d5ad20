"""Names used across the stages, defined once: entity labels, relation names, effects, column roles."""

from __future__ import annotations

from typing import Literal, get_args

EntityLabel = Literal[
    "MIRNA",
    "LNCRNA",
    "CIRCRNA",
    "NCRNA",
    "MRNA",
    "DNA",
    "GENE",
    "GENE_FAMILY",
    "DRUG",
    "DRUG_CLASS",
    "CELL_LINE",
    "CELL_TYPE",
    "VESICLE",
]
ENTITY_LABELS: tuple[str, ...] = get_args(EntityLabel)

# How a mention is used as a reagent ("miR-21 inhibitor", "si-PTEN", "pre-miR-221", "miR-155 mimic",
# "pEGFP-miR-221"); inhibitors and silencing reverse what a statement says about the molecule itself.
Reagent = Literal["inhibitor", "silencing", "mimic", "precursor", "vector"]
REAGENTS: tuple[str, ...] = get_args(Reagent)
LOSS_OF_FUNCTION: frozenset[str] = frozenset(["inhibitor", "silencing"])

Relation = Literal["transfers_resistance", "cargo_function", "biomarker", "delivers_payload", "drug_function"]
RELATIONS: tuple[str, ...] = get_args(Relation)

Effect = Literal["confers_resistance", "predicts_resistance", "sensitizes", "associated"]

CargoType = Literal[
    "miRNA", "lncRNA", "circRNA", "ncRNA", "mRNA", "DNA", "protein", "drug", "lipid", "vesicle", "other"
]
CARGO_TYPES: tuple[str, ...] = get_args(CargoType)

Source = Literal["text", "table"]

# What a column of a curated table holds; chosen from its header words (see tables/roles.py).
ColumnRole = Literal[
    "cargo", "cargo_type", "payload", "target_genes", "target_cells", "drugs", "function", "refs", "other"
]

# The concept fields of an Assertion and the role each names (database rows, BioC relation nodes).
CONCEPT_ROLES: dict[str, str] = {
    "cargo": "cargo",
    "drugs": "drug",
    "target_genes": "target_gene",
    "target_cells": "target_cell",
    "donor_cells": "donor_cell",
    "recipient_cells": "recipient_cell",
}
