"""The six curated tables of the corpus, transcribed by hand from the reviews, cell by cell.

Transcription rules (what a reader of the printed table sees): markup rendered (``CD8 <sup>+</sup> T cells`` ->
``CD8+ T cells``, ``$p < 0.0001$`` -> ``p < 0.0001``, the PDF converter's spaced "ER α" -> "ERα"), "Cont." parts
joined to their table with the repeated header dropped, and an empty first cell filled with the group above it
(Feng 2022, Table 2). Typos of the original are kept ("irastatin", "Shimomur", "MSCCXCR4").
"""

FENG = "feng2022_ijms_sev_breast_cancer.txt"
SCHWARZENBACH = "schwarzenbach2020_cdr_exosome_drug_resistance.txt"

FENG_T1 = {
    "label": "Table 1",
    "caption": "Mechanisms underlying tumor growth and metastasis mediated by BC-derived sEVs.",
    "header": ["Molecules in sEVs", "Target Cells", "Functions", "Ref."],
    "rows": [
        [
            "TSP1",
            "Endothelial cells",
            "TSP1-enriched exosomes promoted the transendothelial migration of malignant cells and decreased the expression of intercellular junction proteins. Exosomal TSP1 facilitated the transendothelial migration of breast cancer cells via disrupting the intercellular integrity of endothelial cells.",
            "[48]",
        ],
        [
            "miR-105",
            "Endothelial cells",
            "Cancer-secreted miR-105 efficiently destroys tight junctions and the integrity of these natural barriers against metastasis.",
            "[42]",
        ],
        [
            "CEMIP",
            "Endothelial cells",
            "Promotion of vascular remodeling, leading to the formation of a pre-metastatic niche.",
            "[49]",
        ],
        [
            "TGF-β",
            "Fibroblast, bone marrow myeloid cells",
            "Transducing SMAD-dependent signaling. Inhibiting either signaling or β-glycan expression attenuated differentiation.",
            "[50,51]",
        ],
        [
            "Survivin",
            "Fibroblasts",
            "Breast cancer cell-derived Survivin upregulates SOD1 expression in fibroblasts and converts them into myofibroblasts, conversely inducing breast cancer progression in vitro and in vivo.",
            "[52]",
        ],
        ["miR-9", "Fibroblasts", "Enhancing the switch to CAF phenotype, thus contributing to tumor growth.", "[53]"],
        [
            "Myosin-9",
            "Macrophages",
            "SIPA1-high breast cancer can enhance macrophage infiltration through sEVs enriched with myosin-9, which might aggravate the malignancy of breast cancer.",
            "[54]",
        ],
        [
            "gp130",
            "Macrophages",
            "Breast cancer cell-derived exosomes transfer gp130 to macrophages in vitro, which alters macrophage polarization by activating the STAT3 pathway.",
            "[55]",
        ],
        [
            "EGFR",
            "Macrophages",
            "Breast cancer cell-derived exosomes transferred activated EGFR to host macrophages, which inhibited their production of type I interferons and antiviral immunity, resulting in compromised innate immunity.",
            "[56]",
        ],
        [
            "PGE2",
            "Bone marrow myeloid cells",
            "MDSC-mediated promotion of tumor progression is dependent on T-exosome prostaglandin E2 (PGE2) and TGF-β molecules. T-exosomes can induce the accumulation of MDSCs expressing COX-2, IL-6, VEGF, and arginase-1.",
            "[51]",
        ],
        [
            "lncRNA SNHG16",
            "Tregs",
            "BC-derived exosomal SNHG16/miR-16-5p/SMAD5-regulatory axis potentiates TGF-β1/SMAD5 pathway activation, thus inducing CD73 expression in Vδ1 T cells.",
            "[57]",
        ],
        [
            "TβRII",
            "CD8 T cells",
            "Malignant breast cancer cells can transfer active TGF-β type II receptor (TβRII) via tumor-derived extracellular vesicles (TEV) and, thereby, stimulate TGF-β signaling in recipient cells. EV-TβRII delivered as a cargo to CD8+ T cells induces the activation of SMAD3, which is associated and cooperated with TCF1 transcription factor to impose CD8+ T cell exhaustion.",
            "[58]",
        ],
        ["Integrins α6β4 and α6β1", "", "Associated with lung metastasis.", "[46]"],
        ["Integrin αvβ5", "", "Linked to liver metastasis.", "[46]"],
        ["Palmitoylated proteins", "Macrophages", "NF-κB activation.", "[59]"],
        [
            "miR-122",
            "Stromal cells",
            "By preventing glucose uptake in stromal cells via miR-122-mediated inhibition of pyruvate kinase, breast cancer cells create a PMN with greater glucose availability for their own utilization.",
            "[36]",
        ],
    ],
}

FENG_T2 = {
    "label": "Table 2",
    "caption": "sEVs' proteins/RNAs of breast cancer possibly used for diagnostic/prognostic biomarkers for breast cancer.",
    "header": ["Contents in sEVs", "Biomarkers in sEVs", "Functions (Mechanism)/Usage", "Ref."],
    "rows": [
        [
            "Protein",
            "ADAM10, Annexin-1, CD9, metalloprotease, and HSP70",
            "Activation of RhoA and Notch signaling. Promotion of cell motility and tumor progression.",
            "[138,187]",
        ],
        [
            "Protein",
            "CD82",
            "Negative correlation between CD82 expression in tissues and CD82 content in exosomes.",
            "[188]",
        ],
        [
            "Protein",
            "GPC1",
            "Overexpression of GPC1-mediated epithelial–mesenchymal transition (EMT), which promotes invasion and migration.",
            "[195]",
        ],
        [
            "Protein",
            "Annexin A2",
            "Serum exo-AnxA2 is high in AA women with TNBC and promotes angiogenesis.",
            "[84,196]",
        ],
        [
            "Protein",
            "Developmental endothelial Locus-1 (Del-1)",
            "Plasma Del-1 levels are significantly high (p < 0.0001) in patients with breast cancer, but return to normal after tumor removal.",
            "[191]",
        ],
        [
            "Protein",
            "Survivin-2B",
            "The protein may be used as a biomarker for patients with early breast cancer.",
            "[193]",
        ],
        [
            "miRNA",
            "miR-21, miR-1246",
            "Circulating exosomal miRNAs, miRNA-21 and miRNA-1246, are abundant in patients with breast cancer.",
            "[123]",
        ],
        [
            "miRNA",
            "miR-181d-5p",
            "Targeting CDX2 and downregulation of CDX2 and HOXA5. Enhancement of breast cancer aggressiveness.",
            "[134]",
        ],
        ["miRNA", "miR-21, miR-378e, miR-143", "Induction of stemness and EMT phenotype of breast cancer.", "[100]"],
        [
            "miRNA",
            "miR-500a-5p",
            "Targeting USP28 and downregulation of USP28. Promotion of proliferation and metastasis of breast cancer cells.",
            "[135]",
        ],
        ["miRNA", "miR-4516", "Targeting FOS such as antigen 1 (FOSL1). Promotion of TNBC development.", "[197]"],
        [
            "miRNA",
            "miR-22",
            "Targeting ESR1 and PTEN and downregulation of ESR1 and PTEN. Promotion of tamoxifen resistance.",
            "[136]",
        ],
        [
            "miRNA",
            "miR-1246",
            "The exosomal miRNA-1246 in the peripheral blood can distinguish 46 breast cancer patients from 28 healthy controls with 100% sensitivity and 93% specificity.",
            "[61]",
        ],
        ["lncRNA", "SNHG3", "Targeting miR-330-5p and promotion of PKM expression and glycolysis metabolism.", "[139]"],
        [
            "circRNA",
            "circHIF1A",
            "Induction of CD44 expression by targeting and down-regulating miR-580-5p. Promotion of breast cancer cell proliferation and stemness in hypoxic stress.",
            "[137]",
        ],
    ],
}

FENG_T3 = {
    "label": "Table 3",
    "caption": "Possible application of sEVs to breast cancer therapy.",
    "header": ["Payload/Drug Names", "Targets", "Ref."],
    "rows": [
        [
            "Cell cycle quiescence and chemotherapy-resistant mesenchymal stem cells-derived ssEVs",
            "Facilitating breast cancer cells to progressively differentiate into dormancy in the perivascular region of bone marrow",
            "[223]",
        ],
        ["Tumor-acclimated MSCs-derived ssEVs", "Induction of monocytic myeloid-derived suppressor cells", "[224]"],
        ["M1-type macrophages-derived ssEVs loaded with Paclitaxel (PTX)", "Microtubule", "[225]"],
        ["Human fetal lung fibroblast-derived ssEVs loaded with FA and irastatin", "Ferroptosis/Folic acid", "[217]"],
        ["Hybrid Exosome (HE) loaded with water-soluble doxorubicin", "DNA", "[226]"],
        [
            "Generalized exosomal nanobiological conjugate produced by pH-responsive macrophage M1 binding with anti-tumor effect of antibodies",
            "Specific proteins",
            "[214]",
        ],
        [
            "Exosomes isolated from MSCCXCR4 + TRAIL transduced with CXCR4 and TRAIL (exosome CXCR4 + TRAIL) loaded with carboplatin",
            "Synthesis of DNA",
            "[227]",
        ],
        ["Biomimetic tumor-derived exosomes loaded with (TEX)-Liposome-paclitaxel (PTX)", "Microtubule", "[228]"],
        [
            "Folic acid (FA)-functionalized bovine milk-derived ssEVs loaded with Paclitaxel (PAC) and 5-fluorouracil (5-FU)",
            "Microtubule/synthesis of DNA",
            "[229]",
        ],
        ["miR-567", "Cancer-associated ATG5", "[230]"],
        ["let-7a miRNA", "EGFR", "[231]"],
        ["Ultrasonic sensitizer indocyanine green (ICG)", "Folic acid", "[232]"],
        [
            "Deintegrin and metalloproteinase 15 (A15), doxorubicin (Dox) and cholesterol-modified miRNA 159",
            "DNA/GAMYB",
            "[233]",
        ],
        ["Cationic bovine serum albumin (CBSA) conjugated siS100A4 nanoparticles", "Lung PMN", "[234]"],
        ["Surface display monoclonal antibodies against human CD3 and human HER2", "Human CD3 and human HER2", "[235]"],
        [
            "The conjugates of reactive oxygen species (ROS)-responsive sulfide-linked paclitaxel-Linoleic acid conjugates (PTXS-LA) and cucurbitin B (CuB) (EMPC) loaded with CD44",
            "Circulating tumor cells",
            "[236]",
        ],
    ],
}

SCHW_T1 = {
    "label": "Table 1",
    "caption": "Drugs mainly used in breast cancer therapy and their function",
    "header": ["Drug", "Function", "Ref."],
    "rows": [
        ["Cisplatin, Carboplatin", "Crosslinking of purine bases", "[1,2]"],
        ["Docetaxel, Paclitaxel", "Microtubule stabilizer", "[3,4]"],
        ["Doxorubicin, Adriamycin", "Intercalating of DNA", "[5]"],
        ["Epirubicin", "Epimer of doxorubicin", "[6]"],
        ["Fulvestrant", "Antiestrogen", "[7]"],
        ["Gemcitabine", "Analogue of cytidine", "[8]"],
        ["Lapatinib", "Dual tyrosine kinase inhibitor", "[9]"],
        ["Metformin", "Glycerol-3-phosphate-dehydrogenase inhibitor", "[10]"],
        ["Olaparib", "Poly-(ADP-ribose) polymerase inhibitor", "[11]"],
        ["Tamoxifen", "Antiestrogen", "[12]"],
        ["Trastuzumab", "HER2 inhibitor", "[13]"],
        ["Vinorelbine", "Disruption of microtubules", "[14]"],
    ],
    "glossary": {"HER2": "human epidermal growth factor receptor 2"},
}

SCHW_T2 = {
    "label": "Table 2",
    "caption": "Deregulation of exosomal miRNAs in breast cancer resistance",
    "header": ["miRNAs", "Target", "Resistance", "Ref."],
    "rows": [
        ["miR-23a-3p", "MAPK and Wnt signaling pathways", "Adriamycin", "[38]"],
        ["miR-134", "STAT5B", "Cisplatin", "[39]"],
        ["miR-155", "n.d.", "Doxorubicin, paclitaxel", "[40]"],
        ["miR-155, miR-301", "n.d.", "Doxorubicin, paclitaxel", "[41]"],
        ["miR-23a, miR-222, miR-452", "Sprouty2, PTEN, APC4", "Docetaxel", "[42]"],
        ["miR-30a, miR-100, miR-222", "n.d.", "Adriamycin, docetaxel", "[43]"],
        ["miR-221/222", "p27, ERα", "Tamoxifen", "[44]"],
        ["miR-222", "n.d.", "Adriamycin", "[45]"],
        ["miR-370-3p, miR-373", "n.d.", "Cisplatin", "[46]"],
        ["miR-423-5p,", "CCND2, CCND3", "Cyclophosphamide, fluorouracil, epirubicin, docetaxel, paclitaxel", "[47]"],
        ["miR-574-3p", "n.d.", "Docetaxel, epirubicin, vinorelbine", "[48]"],
        ["miR-770", "Stathmin 1", "Doxorubicin", "[49]"],
        ["miR-1246", "CCNG2", "Docetaxel, epirubicin gemcitabine", "[50]"],
        ["miR-9-5p, miR-195-5p, miR-203a-3p", "ONECUT2", "Docetaxel", "[51]"],
        ["miR-16, miR-23a, miR-24, miR-26a, and miR-27a", "n.d.", "Docetaxel", "[52]"],
    ],
    "glossary": {
        "MAPK": "mitogen-activated protein kinase",
        "STAT5B": "signal transducer and activator of transcription 5B",
        "APC4": "anaphase-promoting complex 4",
        "ONECUT2": "one cut homeobox 2",
        "CCNG2": "cyclin G2",
        "CCND2": "cyclin D2",
        "CCND3": "cyclin D3",
        "ERα": "estrogen receptor α",
        "PTEN": "phosphatase and tensin homolog deleted on chromosome ten",
    },
}

SCHW_T3 = {
    "label": "Table 3",
    "caption": "Deregulation of exosomal lncRNAs in breast cancer resistance",
    "header": ["lncRNAs", "Target", "Resistance", "Ref."],
    "rows": [
        ["HOTAIR", "n.d.", "Tamoxifen", "[71]"],
        ["AGAP2-AS1", "n.d.", "Trastuzumab", "[72]"],
        ["SNHG14", "BAX", "Trastuzumab", "[73]"],
        ["UCA1", "n.d.", "Tamoxifen", "[74]"],
    ],
    "glossary": {
        "SNHG14": "small nucleolar RNA host gene 14",
        "UCA1": "urothelial carcinoma-associated 1",
        "BAX": "B-cell lymphoma 2 associated X protein",
        "n.d.": "not determined",
    },
}

TABLES = {FENG: [FENG_T1, FENG_T2, FENG_T3], SCHWARZENBACH: [SCHW_T1, SCHW_T2, SCHW_T3]}
