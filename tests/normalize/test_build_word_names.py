"""The builder's single-word gene names: one gene's word, never a word that names a family or another gene."""

import gzip

from pipeline.normalize.build_lexicons import gene_name_word_rows

HEADER = "hgnc_id\tsymbol\tname\tlocus_type\tstatus\tprev_name\talias_name\n"
ROWS = [
    ("HGNC:1", "NPHS1", "NPHS1, nephrin", "", ""),
    ("HGNC:2", "KIF1", "kinesin family member 1", "", ""),
    ("HGNC:3", "KLC1", "kinesin light chain 1", "", "kinesin 1"),
    ("HGNC:4", "CALR", "calreticulin", "", ""),
    ("HGNC:5", "CALR3", "calreticulin 3", "", ""),
    ("HGNC:6", "F2", "coagulation factor II, thrombin", "", "thrombin 1"),
]


def test_gene_name_words(tmp_path) -> None:
    path = tmp_path / "hgnc.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(HEADER)
        for hid, sym, name, prev, alias in ROWS:
            fh.write(f"{hid}\t{sym}\t{name}\tgene with protein product\tApproved\t{prev}\t{alias}\n")
    words = {row[0]: row[1] for row in gene_name_word_rows(path)}
    assert words.get("nephrin") == "NPHS1"
    assert words.get("thrombin") == "F2"
    assert "kinesin" not in words  # names start with it for several genes: a family
    assert "calreticulin" not in words  # CALR's own name already
