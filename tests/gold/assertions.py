"""Hand-written gold Assertions of every curated-table row: what a curator reads out of the row.

Each row: (cargo, drugs, target_genes, target_cells, refs), names in canonical form (miRBase-style miRNAs,
HGNC symbols, lower-case INN drugs, Cell Ontology labels). Known limits of the row text are noted where a
curator would want more than the text names.
"""

from tests.gold.tables import FENG, SCHWARZENBACH

Row = tuple[list[str], list[str], list[str], list[str], list[int]]

EXPECTED: dict[tuple[str, str], tuple[str, list[Row]]] = {
    (FENG, "Table 1"): (
        "cargo_function",
        [
            (["THBS1"], [], [], ["endothelial cell"], [48]),
            (["miR-105"], [], [], ["endothelial cell"], [42]),
            (["CEMIP"], [], [], ["endothelial cell"], [49]),
            (["TGFB1"], [], [], ["fibroblast", "myeloid cell"], [50, 51]),
            (["BIRC5"], [], [], ["fibroblast"], [52]),
            (["miR-9"], [], [], ["fibroblast"], [53]),
            (["MYH9"], [], [], ["macrophage"], [54]),
            (["IL6ST"], [], [], ["macrophage"], [55]),
            (["EGFR"], [], [], ["macrophage"], [56]),
            (["dinoprostone"], [], [], ["myeloid cell"], [51]),  # PGE2; dinoprostone is its INN
            (["SNHG16"], [], [], ["regulatory T cell"], [57]),
            (["TGFBR2"], [], [], ["CD8-positive, alpha-beta T cell"], [58]),
            (["integrin α6β4", "integrin α6β1"], [], [], [], [46]),
            (["integrin αvβ5"], [], [], [], [46]),
            (["Palmitoylated proteins"], [], [], ["macrophage"], [59]),
            (["miR-122"], [], [], ["stromal cell"], [36]),
        ],
    ),
    (FENG, "Table 2"): (
        "biomarker",
        [
            (["ADAM10", "ANXA1", "CD9", "metalloprotease", "HSPA1A"], [], ["RHOA"], [], [138, 187]),
            (["CD82"], [], [], [], [188]),
            (["GPC1"], [], [], [], [195]),
            (["ANXA2"], [], [], [], [84, 196]),
            (["EDIL3"], [], [], [], [191]),
            (["BIRC5"], [], [], [], [193]),
            (["miR-21", "miR-1246"], [], [], [], [123]),
            (["miR-181d-5p"], [], ["CDX2", "HOXA5"], [], [134]),
            (["miR-21", "miR-378e", "miR-143"], [], [], [], [100]),
            (["miR-500a-5p"], [], ["USP28"], [], [135]),
            (["miR-4516"], [], ["FOSL1"], [], [197]),
            (["miR-22"], ["tamoxifen"], ["ESR1", "PTEN"], [], [136]),
            (["miR-1246"], [], [], [], [61]),
            (["SNHG3"], [], ["miR-330-5p", "PKM"], [], [139]),
            (["circHIF1A"], [], ["CD44", "miR-580-5p"], [], [137]),
        ],
    ),
    (FENG, "Table 3"): (
        "delivers_payload",
        [
            (["EV"], [], [], [], [223]),  # the vesicles of MSCs are the therapeutic
            (["EV"], [], [], [], [224]),
            (["paclitaxel"], ["paclitaxel"], [], [], [225]),
            (["folic acid"], ["folic acid"], [], [], [217]),  # "irastatin" (erastin, misspelt) is in no lexicon
            (["doxorubicin"], ["doxorubicin"], [], [], [226]),
            (
                [
                    "Generalized exosomal nanobiological conjugate produced by pH-responsive macrophage M1 binding with "
                    "anti-tumor effect of antibodies"
                ],
                [],
                [],
                [],
                [214],
            ),
            (["carboplatin"], ["carboplatin"], [], [], [227]),
            (["paclitaxel"], ["paclitaxel"], [], [], [228]),
            (["folic acid", "paclitaxel", "fluorouracil"], ["folic acid", "paclitaxel", "fluorouracil"], [], [], [229]),
            (["miR-567"], [], ["ATG5"], [], [230]),
            (["let-7a"], [], ["EGFR"], [], [231]),
            (["indocyanine green"], ["indocyanine green"], [], [], [232]),
            (["doxorubicin", "miR-159"], ["doxorubicin"], [], [], [233]),
            (["Cationic bovine serum albumin (CBSA) conjugated siS100A4 nanoparticles"], [], [], [], [234]),
            (["Surface display monoclonal antibodies against human CD3 and human HER2"], [], ["ERBB2"], [], [235]),
            # the payload is a paclitaxel-linoleic acid conjugate (PTXS-LA): both of its parts are named
            (["paclitaxel", "linoleic acid"], ["paclitaxel", "linoleic acid"], [], [], [236]),
        ],
    ),
    (SCHWARZENBACH, "Table 1"): (
        "drug_function",
        [
            ([], ["cisplatin", "carboplatin"], [], [], [1, 2]),
            ([], ["docetaxel", "paclitaxel"], [], [], [3, 4]),
            ([], ["doxorubicin"], [], [], [5]),
            ([], ["epirubicin"], [], [], [6]),
            ([], ["fulvestrant"], [], [], [7]),
            ([], ["gemcitabine"], [], [], [8]),
            ([], ["lapatinib"], [], [], [9]),
            ([], ["metformin"], [], [], [10]),
            ([], ["olaparib"], [], [], [11]),
            ([], ["tamoxifen"], [], [], [12]),
            ([], ["trastuzumab"], [], [], [13]),
            ([], ["vinorelbine"], [], [], [14]),
        ],
    ),
    (SCHWARZENBACH, "Table 2"): (
        "transfers_resistance",
        [
            (["miR-23a-3p"], ["doxorubicin"], [], [], [38]),
            (["miR-134"], ["cisplatin"], ["STAT5B"], [], [39]),
            (["miR-155"], ["doxorubicin", "paclitaxel"], [], [], [40]),
            (["miR-155", "miR-301"], ["doxorubicin", "paclitaxel"], [], [], [41]),
            (["miR-23a", "miR-222", "miR-452"], ["docetaxel"], ["SPRY2", "PTEN", "ANAPC4"], [], [42]),
            (["miR-30a", "miR-100", "miR-222"], ["doxorubicin", "docetaxel"], [], [], [43]),
            (["miR-221", "miR-222"], ["tamoxifen"], ["CDKN1B", "ESR1"], [], [44]),
            (["miR-222"], ["doxorubicin"], [], [], [45]),
            (["miR-370-3p", "miR-373"], ["cisplatin"], [], [], [46]),
            (
                ["miR-423-5p"],
                ["cyclophosphamide", "fluorouracil", "epirubicin", "docetaxel", "paclitaxel"],
                ["CCND2", "CCND3"],
                [],
                [47],
            ),
            (["miR-574-3p"], ["docetaxel", "epirubicin", "vinorelbine"], [], [], [48]),
            (["miR-770"], ["doxorubicin"], ["STMN1"], [], [49]),
            (["miR-1246"], ["docetaxel", "epirubicin", "gemcitabine"], ["CCNG2"], [], [50]),
            (["miR-9-5p", "miR-195-5p", "miR-203a-3p"], ["docetaxel"], ["ONECUT2"], [], [51]),
            (["miR-16", "miR-23a", "miR-24", "miR-26a", "miR-27a"], ["docetaxel"], [], [], [52]),
        ],
    ),
    (SCHWARZENBACH, "Table 3"): (
        "transfers_resistance",
        [
            (["HOTAIR"], ["tamoxifen"], [], [], [71]),
            (["AGAP2-AS1"], ["trastuzumab"], [], [], [72]),
            (["SNHG14"], ["trastuzumab"], ["BAX"], [], [73]),
            (["UCA1"], ["tamoxifen"], [], [], [74]),
        ],
    ),
}
