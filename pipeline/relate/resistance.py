"""Resistance assertions of a study unit: (cargo, drug) pairs decided sentence by sentence, gathered per cargo.

For each sentence of a unit the rule engine (``pipeline.relate.rules``) gives effect cues ("promoted ...
resistance", "restored the sensitivity", "predicted response", "higher in ... resistant cells") and roles of
the entity mentions (cargo in a vesicle context, target, receptor status, inverted by a knock-down or an
inhibitor, donor and recipient cells, drug payload, resisted drug). A sentence with a cue that no negation
governs pairs

- its cargo mentions (RNAs in a unit that speaks of vesicles, proteins and genes only where a rule puts them
  in vesicles; else, for "these exosomes" or "it", the cargo last named in the unit; else the vesicles
  themselves, cargo "EV"), with
- its drugs (those it calls resisted first; payloads never), else the drugs the unit calls resisted, else the
  class "chemotherapy" where the sentence speaks of chemoresistance;

each pair takes the effect of the cue nearest to it, turned round when the cargo is knocked down or inhibited
("silencing of miR-21 restored the sensitivity" -> miR-21 confers resistance). The pairs of one cargo are one
Assertion per effect, cargos with the same drugs, effect and evidence are one Assertion, and every Assertion
records the rules that made it (``method``) and a confidence.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Any, TypeVar

from pipeline.models import Assertion, Concept, Document, Entity, Provenance, Span
from pipeline.normalize.abbreviations import find_definitions
from pipeline.relate.rules import EffectName, RuleMatch, load_engine
from pipeline.relate.units import StudyUnit, entities_in

RNA_LABELS = frozenset(["MIRNA", "LNCRNA", "CIRCRNA", "NCRNA", "MRNA", "DNA"])
DRUG_LABELS = frozenset(["DRUG", "DRUG_CLASS"])
CELL_LABELS = frozenset(["CELL_LINE", "CELL_TYPE"])
GENE_LABELS = frozenset(["GENE", "GENE_FAMILY"])
_HYPHENS = "-\u2010\u2011"
DESCRIBED = "CELL_DESCRIBED"  # the label the rule engine sees on cells described in words ("GC cells")
CARGO_TYPES = {
    "MIRNA": "miRNA",
    "LNCRNA": "lncRNA",
    "CIRCRNA": "circRNA",
    "NCRNA": "ncRNA",
    "MRNA": "mRNA",
    "DNA": "DNA",
}
FLIP: dict[str, EffectName] = {"confers_resistance": "sensitizes", "sensitizes": "confers_resistance"}
# a causal claim outranks a prediction, which outranks a measured difference
EFFECT_BONUS = {"confers_resistance": 0.1, "sensitizes": 0.1, "predicts_resistance": 0.05, "associated": 0.0}
_INVERTING = frozenset(["inhibitor", "silencing"])  # Entity.reagent forms that turn a statement round
# drug roles that say the statement's drug is another: the donors' exposure, a drug never given, a covariate
# ("adjusted for bevacizumab use", "FOLFOX with or without bevacizumab")
_NOT_RESISTED = frozenset(["exposure", "untreated", "covariate"])
_LEVEL_CONFIDENCE = 0.7  # the level rules' confidence ("higher in exosomes of resistant cells")
_DIRECT_EV = 0.6  # an "EV" pair this confident is a statement of its own, beside any named cargo
CHEMOTHERAPY = Concept(name="chemotherapy", id="ATC:L01", type="DRUG_CLASS")
EV = Concept(name="EV", id=None, type="vesicle")


class _Phrase:
    """A regular expression of the rule file's ``phrases`` (validated with its examples there), compiled when first
    used: the words around cues that the token rules cannot say ("did not", "previously linked to", ...)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return load_engine().ruleset.phrases[self.name].compiled()

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.fullmatch(text, pos, endpos)

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        return self.regex.sub(repl, text)


# the phrases (models/patterns/resistance.json says what each one is, with its examples)
_NEGATION = _Phrase("NEGATION")
_WHETHER_OPENS = _Phrase("WHETHER_OPENS")
_DENIED_CLAIM = _Phrase("DENIED_CLAIM")
_NEGATED_AFTER = _Phrase("NEGATED_AFTER")
_NOT_EV_BEFORE = _Phrase("NOT_EV_BEFORE")
_PURPOSE_TO = _Phrase("PURPOSE_TO")
_PROTEIN_LOADED = re.compile(
    r"[-\u2010](?:loaded|enriched|bearing)\s+(?:[\w-]+\s+){0,3}?(?:exosomes?|EVs?|sEVs?|vesicles?|microvesicles?)"
)
_PARTICIPLE = re.compile(r"(?:associated|related|linked|correlated)\b", re.IGNORECASE)
_MEDIATED_ADJECTIVE = _Phrase("MEDIATED_ADJECTIVE")
_NOT_EV_AFTER = _Phrase("NOT_EV_AFTER")
_GENE_SET_AFTER = _Phrase("GENE_SET_AFTER")
_OPEN_QUESTION = _Phrase("OPEN_QUESTION")
_FUTURE_WORK = _Phrase("FUTURE_WORK")
_REVIEW_MARKER = _Phrase("REVIEW_MARKER")
_OWN_FINDING = _Phrase("OWN_FINDING")
_QUESTION_AFTER = _Phrase("QUESTION_AFTER")
_WHETHER_CLAUSE = _Phrase("WHETHER_CLAUSE")
_VESICLE_FREE_AFTER = _Phrase("VESICLE_FREE_AFTER")
_VESICLE_FREE_BEFORE = _Phrase("VESICLE_FREE_BEFORE")
_NO_DIFFERENCE = _Phrase("NO_DIFFERENCE")
_RNA_EXOSOME_BEFORE = _Phrase("RNA_EXOSOME_BEFORE")
_RNA_EXOSOME_AFTER = _Phrase("RNA_EXOSOME_AFTER")
_NOT_EV_WORD = _Phrase("NOT_EV_WORD")
_LOST_ABILITY = _Phrase("LOST_ABILITY")
_LOW_RESPONSE = _Phrase("LOW_RESPONSE")
_INSERT_OPEN = _Phrase("INSERT_OPEN")
_NOMINAL_SUBJECT = _Phrase("NOMINAL_SUBJECT")
_OTHER_ACTIVITY = _Phrase("OTHER_ACTIVITY")
_STRESS_INDUCED = _Phrase("STRESS_INDUCED")
_NO_DRUG_AFTER = _Phrase("NO_DRUG_AFTER")
_EARLIER_INSERT = _Phrase("EARLIER_INSERT")
_ENZYME = _Phrase("ENZYME")
_OUTCOME_DENIED = _Phrase("OUTCOME_DENIED")
_RESPONSE_UNCHANGED = _Phrase("RESPONSE_UNCHANGED")
_UNCHANGED_AFTER_MENTION = _Phrase("UNCHANGED_AFTER_MENTION")
_COPULA_END = _Phrase("COPULA_END")
_INTRACELLULAR_BEFORE = _Phrase("INTRACELLULAR_BEFORE")
_DRUG_THEN_VERB = _Phrase("DRUG_THEN_VERB")
_SIMILAR_AMOUNTS_BEFORE = _Phrase("SIMILAR_AMOUNTS_BEFORE")
_RESTORER = _Phrase("RESTORER")
_BUT_NOT_ITEM = _Phrase("BUT_NOT_ITEM")
_WITHOUT_INSERT = _Phrase("WITHOUT_INSERT")
_DENIED_ITEM_BEFORE = _Phrase("DENIED_ITEM_BEFORE")
_ONLY_BEFORE = _Phrase("ONLY_BEFORE")
_DENIED_DRUG_BEFORE = _Phrase("DENIED_DRUG_BEFORE")
_REFERENCE_BEFORE = _Phrase("REFERENCE_BEFORE")
_REFERENCE_AFTER = _Phrase("REFERENCE_AFTER")
_STIMULUS_BEFORE = _Phrase("STIMULUS_BEFORE")
_NEGATED_JUST_BEFORE = _Phrase("NEGATED_JUST_BEFORE")
_OUTCOME_MEASURE_AFTER = _Phrase("OUTCOME_MEASURE_AFTER")
_PREPOSITION_BEFORE_DRUG = _Phrase("PREPOSITION_BEFORE_DRUG")
_COORDINATED_DRUG_BETWEEN = _Phrase("COORDINATED_DRUG_BETWEEN")
_FUTURE_WORK_BEFORE = _Phrase("FUTURE_WORK_BEFORE")
_DONOR_SUBLINE_DRUG = _Phrase("DONOR_SUBLINE_DRUG")
_AND_LAST_WORD = _Phrase("AND_LAST_WORD")
_CONTRAST_OPENS = _Phrase("CONTRAST_OPENS")
_CLAUSE_OPENS_BEFORE = _Phrase("CLAUSE_OPENS_BEFORE")
_RETRACTED_AFTER = _Phrase("RETRACTED_AFTER")
_GENERIC_CLASS = _Phrase("GENERIC_CLASS")
_COMPOUND_ADJECTIVE = _Phrase("COMPOUND_ADJECTIVE")
_GROWTH = _Phrase("GROWTH")
_NOT_RESPONDING = _Phrase("NOT_RESPONDING")
_PERSONS_WHO = _Phrase("PERSONS_WHO")
_LEVEL_IN_PERSONS = _Phrase("LEVEL_IN_PERSONS")
_LEVEL_IN_GROUP_WITH = _Phrase("LEVEL_IN_GROUP_WITH")
_MERE_MARKER = _Phrase("MERE_MARKER")
_DISEASE_WHICH = _Phrase("DISEASE_WHICH")
_EFFECT_APPOSITIVE = _Phrase("EFFECT_APPOSITIVE")
_LEVEL_IN_PERSONS_START = _Phrase("LEVEL_IN_PERSONS_START")
_ASSOCIATED_WITH_CHANGE_END = _Phrase("ASSOCIATED_WITH_CHANGE_END")
_NEITHER_OPENS = _Phrase("NEITHER_OPENS")
_RESISTANCE_SUBJECT = _Phrase("RESISTANCE_SUBJECT")
_RESISTANCE_AS_SUBJECT = _Phrase("RESISTANCE_AS_SUBJECT")
_RESISTANCE_AS_MODIFIER = _Phrase("RESISTANCE_AS_MODIFIER")
_OBJECT_AFTER = _Phrase("OBJECT_AFTER")
_DRUG_BASED = _Phrase("DRUG_BASED_BEFORE")
_ASSAY_COMPOUND_END = _Phrase("ASSAY_COMPOUND_END")
_ASSAY_SENSITIVITY_END = _Phrase("ASSAY_SENSITIVITY_END")
_ITS_RESTORATION = _Phrase("ITS_RESTORATION")
_RELATIVE_VERB_END = _Phrase("RELATIVE_VERB_END")
_ACTIVE_S_END = _Phrase("ACTIVE_S_END")
_COORDINATED_VERB_END = _Phrase("COORDINATED_VERB_END")
_PRONOUN_SUBJECT = _Phrase("PRONOUN_SUBJECT")
_EFFECT_UNDONE = _Phrase("EFFECT_UNDONE")
_DISEASE_STATE_END = _Phrase("DISEASE_STATE_END")
_RELEASE_VERB_AFTER = _Phrase("RELEASE_VERB_AFTER")
_OBJECT_HEAD_AFTER_ADJECTIVE = _Phrase("OBJECT_HEAD_AFTER_ADJECTIVE")
_RESPONSE_ADJECTIVE = _Phrase("RESPONSE_ADJECTIVE")
_LOSS_OF_RESPONSE = _Phrase("LOSS_OF_RESPONSE")
_NONSIGNIFICANT_TREND = _Phrase("NONSIGNIFICANT_TREND")
_BUT_NOT_INSIDE = _Phrase("BUT_NOT_INSIDE")
_INHIBITION_AFTER = _Phrase("INHIBITION_AFTER")
_ITS_LOSS = _Phrase("ITS_LOSS")
_PATIENTS_WITH_LEVEL = _Phrase("PATIENTS_WITH_LEVEL")
_SUBORDINATE_BEFORE = _Phrase("SUBORDINATE_BEFORE")
_STATUS_AFTER = _Phrase("STATUS_AFTER")
_DRUG_AS_SUBJECT = _Phrase("DRUG_AS_SUBJECT")
_VESICLE_BLOCKER_BEFORE = _Phrase("VESICLE_BLOCKER_BEFORE")
_RESPONSE_NOUN_START = _Phrase("RESPONSE_NOUN_START")
_OBJECT_OF_PREPOSITION = _Phrase("OBJECT_OF_PREPOSITION")
_NEUTRAL_LINK = _Phrase("NEUTRAL_LINK")
_BLOCKING_ANTIBODY = _Phrase("BLOCKING_ANTIBODY")
_NORMAL_CELLS = _Phrase("NORMAL_CELLS")
_NORMAL_ORGAN = _Phrase("NORMAL_ORGAN")
_CASPASE_BEFORE = _Phrase("CASPASE_BEFORE")
_CANCER_CELLS = _Phrase("CANCER_CELLS")
_CONTRASTED_AWAY = _Phrase("CONTRASTED_AWAY")
_VESICLE_FREE = _Phrase("VESICLE_FREE")
_THERAPY_BY_ACTION = _Phrase("THERAPY_BY_ACTION")
_ENDOTHELIAL_OBJECT = _Phrase("ENDOTHELIAL_OBJECT")
_SCARCE_AFTER = _Phrase("SCARCE_AFTER")
_REGULATOR_BEFORE = _Phrase("REGULATOR_BEFORE")
_APOPTOSIS_INHIBITOR_PROTEIN = _Phrase("APOPTOSIS_INHIBITOR_PROTEIN")
_TISSUE_BEFORE = _Phrase("TISSUE_BEFORE")
_TISSUE_SETTING = _Phrase("TISSUE_SETTING")
_NO_GROUP_DIFFERENCE = _Phrase("NO_GROUP_DIFFERENCE")
_VESICLES_CONTRASTED = _Phrase("VESICLES_CONTRASTED")
_RECIPIENT_CELLS = _Phrase("RECIPIENT_CELLS")
_CAPTURE_BEFORE = _Phrase("CAPTURE_BEFORE")
_MARKER_SIGN = _Phrase("MARKER_SIGN")
_PROTECTIVE_EFFECT = _Phrase("PROTECTIVE_EFFECT")
_PARENTAL = _Phrase("PARENTAL")
_MORTALITY = _Phrase("MORTALITY")
_TOPIC_BEFORE = _Phrase("TOPIC_BEFORE")
_THIS_EFFECT = _Phrase("THIS_EFFECT")
_ANAPHOR = _Phrase("ANAPHOR")
_CHEMO = _Phrase("CHEMO")
_MULTIDRUG = _Phrase("MULTIDRUG")
_ASSOC_WORD = _Phrase("ASSOC_WORD")
_GENOTYPE_AFTER = _Phrase("GENOTYPE_AFTER")
_VESICLE_PROTEOME = _Phrase("VESICLE_PROTEOME")
_SOLUBLE_BEFORE = _Phrase("SOLUBLE_BEFORE")
_LEVELS_AFTER = _Phrase("LEVELS_AFTER")
_GENOTYPE_BEFORE = _Phrase("GENOTYPE_BEFORE")
_MOLECULE_AFTER = _Phrase("MOLECULE_AFTER")
_THERAPY_RE = _Phrase("THERAPY")
_COORDINATION = _Phrase("COORDINATION")
_DRUG_COMBINATION = _Phrase("DRUG_COMBINATION")
_DESCRIBED_DRUG_AFTER_AND = _Phrase("DESCRIBED_DRUG_AFTER_AND")
_RADIATION = _Phrase("RADIATION")
_DIAGNOSIS = _Phrase("DIAGNOSIS")
_CELL_FATE_END = _Phrase("CELL_FATE_END")
_TOXICITY = _Phrase("TOXICITY")
_RESISTANCE_WORD = _Phrase("RESISTANCE_WORD")
_RESPONSE_AFTER = _Phrase("RESPONSE_AFTER")
_RESPONSE_BEFORE = _Phrase("RESPONSE_BEFORE")
_VESICLES_DENIED = _Phrase("VESICLES_DENIED")
_REGULATOR_AFTER = _Phrase("REGULATOR_AFTER")
_DRUG_ANAPHOR = _Phrase("DRUG_ANAPHOR")
_NOUN_PHRASE_BEFORE = _Phrase("NOUN_PHRASE_BEFORE")
_ACTIVE_RELATIVE = _Phrase("ACTIVE_RELATIVE")
_CANCER = _Phrase("CANCER")
_LOST_AFTER = _Phrase("LOST_AFTER")
_UNCHANGED_AFTER = _Phrase("UNCHANGED_AFTER")
_MICROBE = _Phrase("MICROBE")
_OTHER_DISEASE = _Phrase("OTHER_DISEASE")
_ANTI_INFECTIVE = _Phrase("ANTI_INFECTIVE")
_NON_DRUG_RESPONSE = _Phrase("NON_DRUG_RESPONSE")
_CONTRASTED_CUE_BEFORE = _Phrase("CONTRASTED_CUE_BEFORE")
_RADIATION_AFTER = _Phrase("RADIATION_AFTER")
_CONTRIBUTION_UNDISTINGUISHED_BEFORE = _Phrase("CONTRIBUTION_UNDISTINGUISHED_BEFORE")
_INVERTER_OF_IT = _Phrase("INVERTER_OF_IT")
_ACQUIRED_NOUN = re.compile(r"acquired\s", re.IGNORECASE)
_OTHER_PHENOTYPE = _Phrase("OTHER_PHENOTYPE")
_GENERIC_SENSITIVITY = _Phrase("GENERIC_SENSITIVITY")


VESICLE_WORD = re.compile(r"\b(?:exosom\w*|vesic\w*|s?EVs?|microvesicles?|ectosomes?|oncosomes?)\b", re.I)


def vesicle_words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text`` that name extracellular vesicles (VESICLE_WORD, without the cell's own vesicles:
    "vesicle trafficking", "synaptic vesicles", "cytoplasmic vesicular structures"; see ``names_no_vesicles``)."""
    for m in VESICLE_WORD.finditer(text):
        if not names_no_vesicles(text, m.start(), m.end()):
            yield m


def _vesicles_only_in_future_work(doc: Document, f: SentenceFacts) -> bool:
    """Whether the sentence proposes work for later ("Because lncRNAs are packaged into exosomes, future work
    should test whether circulating exosomal HOTTIP ...") and states no finding before it ("Plasma exosomal
    miR-1290 predicted progression ... and deserves validation": its cue was kept)."""
    return not f.cues and bool(_FUTURE_WORK.search(doc.span_text(f.span)))


def states_own_work(text: str) -> bool:
    """Whether a sentence states the paper's own work ("we found", "our data show", "in the present study")."""
    return bool(_OWN_FINDING.search(text))


def reads_as_primary(doc: Document) -> bool:
    """Whether a paper that cites others reports a study of its own (a sentence states its own work) and does
    not call itself a review: its citations are earlier work, not its statements."""
    if not doc.citations:
        return False
    sentences = [s for s in doc.sentences if doc.paragraphs[s.paragraph].kind == "text"]
    prose = [doc.span_text(s) for s in sentences]
    headings = [doc.span_text(p) for p in doc.paragraphs if p.kind == "heading"]
    if any(_REVIEW_MARKER.search(t) for t in prose + headings):
        return False
    # its own work, uncited: "we showed [32] that ..." is the authors' earlier paper, which a review cites too
    starts = sorted(c.start for c in doc.citations)
    return any(
        _OWN_FINDING.search(t) and bisect_right(starts, s.end) == bisect_left(starts, s.start)
        for s, t in zip(sentences, prose, strict=True)
    )


def names_study_vesicles(text: str) -> bool:
    """Whether a sentence names vesicles other than in a question it leaves open ("These studies did not examine
    whether the RNAs are released in vesicles")."""
    return any(vesicle_words(text)) and not _OPEN_QUESTION.search(text)


def names_no_vesicles(text: str, start: int, end: int) -> bool:
    """Whether the vesicle word at ``text[start:end]`` names no extracellular vesicles: a gene set named after them
    ("an exosome-related gene signature" of tumour tissue), what has none ("the EV-depleted fraction",
    "non-vesicular"), the cell's own vesicles or an organ ("synaptic vesicles", "vesicle trafficking",
    "vesicant"), or the RNA exosome, a ribonuclease complex of the cell."""
    word = text[start:end].lower()
    if (
        _GENE_SET_AFTER.match(text, end)
        or _VESICLE_FREE_AFTER.match(text, end)
        or _VESICLE_FREE_BEFORE.search(text, max(0, start - 4), start)
    ):
        return True
    if word.startswith("vesic"):
        return bool(
            _NOT_EV_WORD.match(text, start)
            or _NOT_EV_BEFORE.search(text, max(0, start - 24), start)
            or _NOT_EV_AFTER.match(text, end)
        )
    if word.startswith("exosom"):
        return bool(_RNA_EXOSOME_BEFORE.search(text, max(0, start - 8), start) or _RNA_EXOSOME_AFTER.match(text, end))
    return False


# a cue word glued by a hyphen to the word before it and followed by vesicles is a compound adjective that
# describes them ("miR-21-enriched exosomes", "PD-L1-high EVs"), no predicate
_COMPOUND_BEFORE_VESICLES = re.compile(
    r"[\w)][-‐‑](?P<word>[A-Za-z]+)\s+(?:exosom\w*|s?EVs?|exos?|vesicles?|microvesicles?|MVs)\b"
)


def _clause_after(text: str, at: int) -> str:
    """The rest of the clause from offset ``at``: up to the next clause break (";", "whereas", "but", ...)."""
    cut = _clause_break_re().search(text, at)
    return text[at : cut.start() if cut else len(text)]


def _open_whether_clause(text: str, at: int) -> bool:
    """The offset stands in a clause that asks and leaves the question open ("...; whether they contribute to
    proteasome inhibitor resistance remains to be determined"): what the clause names is no finding."""
    start = max(text.rfind(";", 0, at), text.rfind(",", 0, at)) + 1
    end = text.find(";", at)
    clause = text[start : end if end >= 0 else len(text)]
    return bool(_WHETHER_CLAUSE.match(clause) and _OPEN_QUESTION.search(clause))


def _refers_back(text: str, start: int, end: int, before: int = 0) -> bool:
    """Whether the cue ``text[start:end]`` (or the words just before it) names a drug response by reference to an
    earlier sentence ("abolished this effect", "abrogated the effect, and ..."): the words after the cue decide
    whether "the effect" is an earlier one ("the effect of cisplatin" is not)."""
    lo = max(0, start - before)
    return any(lo + m.end() <= end for m in _THIS_EFFECT.finditer(text[lo : end + 16]))


def _bare_activity(text: str, start: int, end: int) -> bool:
    """A cue that begins or ends on an activity that is no drug's: "EVs with pro-metastatic activity",
    "luciferase activity" (an activity named by what it does, not a drug's anti-tumour activity)."""
    cue = text[start:end].lower()
    for word in ("activity", "activities", "effects", "effect"):
        if cue.endswith(word):
            return bool(_OTHER_ACTIVITY.search(text, max(0, end - 40), end))
        if cue.startswith(word):
            head = start + len(word)
            return bool(_OTHER_ACTIVITY.search(text, max(0, head - 40), head))
    # a verb cue whose object is such an activity ("thereby blunting the pro-angiogenic effect")
    after = _ACTIVITY_OBJECT.match(text, end)
    return bool(after and _OTHER_ACTIVITY.search(text, start, after.end()))


_ACTIVITY_OBJECT = re.compile(
    r"\s+(?:(?:the|its|their|this|these|that)\s+)?[\w-]+\s+(?:activity|activities|effects?)\b"
)


def _gene_activity(text: str, start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> bool:
    """A cue that begins or ends on the activity of a gene's product ("raised GST activity", "P-gp activity
    ... decreased"): the enzyme's or the pump's activity, no drug's."""
    cue = text[start:end].lower()
    word = next((w for w in ("activity", "activities") if cue.endswith(w) or cue.startswith(w)), None)
    if word is None:
        return False
    at = end - len(word) if cue.endswith(word) else start
    before = text[:at].rstrip()
    if _CASPASE_BEFORE.search(before):
        return False  # "lowered gemcitabine-induced caspase-3/7 activity": a measure of the cells' death
    return any(label in GENE_LABELS and b == len(before) for _, b, label in spans)


# a cue whose first word ends an item of a list ("immune suppression, tumor metastasis, and chemoresistance")
# (a noun: "promoted, whereas X reversed, TMZ resistance" shares its object and is a verb)
_SUBLINE_DRUG_RULES = frozenset(["resisted_cell_suffix", "subline_drug"])
_LIST_ITEM_START = re.compile(r"[\w-]*(?:ion|ment|ance|ence|ity|sis)\s*,", re.IGNORECASE)


# a rule that ends on a verb ("sensitivity ... was enhanced") does not end on a compound adjective ("HER2-driven")
_VERB_CLASSES = frozenset(["UP", "DOWN", "PROTECT"])
_GLUED_LAST_WORD = re.compile(r"\w[-‐‑][A-Za-z]+$")

_COORDINATED = re.compile(r"\b(?:and|or|but|while|whereas|as well as)\b|[,;]", re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    effect: str
    start: int  # document offsets
    end: int
    rule: str
    confidence: float
    # a cue that is the object of another ("abolished [the transfer of resistance]") holds for a cargo named from
    # its own start on ("... transfer of resistance by miR-155"), the cue around it for a cargo named before
    cargo_from: int | None = None
    cargo_before: int | None = None
    # a cue whose object is an earlier statement ("mediated this effect": "keep"; "abolished this effect": "turn"):
    # its effect is the unit's last one, kept or turned
    anaphoric: str | None = None

    def holds_for(self, cargo: int) -> bool:
        return (self.cargo_from is None or cargo >= self.cargo_from) and (
            self.cargo_before is None or cargo < self.cargo_before
        )


@dataclass
class SentenceFacts:
    index: int  # position in the unit's list of spans
    span: Span  # a sentence, or the title
    entities: list[int]  # indices into doc.entities
    cues: list[Cue] = field(default_factory=list)
    roles: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # entity index -> roles
    role_rules: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    vesicle_words: bool = False
    described: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # "GC cells" -> roles


@dataclass
class _Pair:
    cargo: Concept
    drug: Concept
    effect: str
    confidence: float
    rule: str
    sentences: tuple[int, ...]
    borrowed: bool = False  # the drug is named in another sentence, not in the cue's own


def sentence_facts(doc: Document, index: int, sentence: Span, entity_ids: list[int]) -> SentenceFacts:
    """The effect cues and the entity roles of one sentence (or title); a sentence of a structured abstract's
    Methods part states what was done, not what was found: its roles, no cue."""
    text = doc.span_text(sentence)
    spans = [
        (doc.entities[i].start - sentence.start, doc.entities[i].end - sentence.start, doc.entities[i].label)
        for i in entity_ids
    ]
    facts = SentenceFacts(index=index, span=sentence, entities=entity_ids, vesicle_words=any(vesicle_words(text)))
    described = _described_cells(text, spans)
    matches = load_engine().run(text, spans + [(start, end, DESCRIBED) for start, end, _ in described])
    background = _background(text)
    undone = _EFFECT_UNDONE.search(text)
    effects = [
        m
        for m in matches
        if m.rule.kind == "effect"
        # "..., an effect that could be blocked when survivin was silenced": the appositive undoes the statement
        # before it and states none of its own
        and not (undone and undone.start() <= m.start < undone.end())
        # "predicts primary and acquired resistance", "mechanisms of acquired resistance": a noun phrase, no verb
        and not (
            _ACQUIRED_NOUN.match(text, m.start) and _NOUN_PHRASE_BEFORE.search(text, max(0, m.start - 40), m.start)
        )
        # "cancer-associated fibroblast exosomes ...": a participle glued to the word before is an adjective
        and not (m.start > 0 and text[m.start - 1] in _HYPHENS and _PARTICIPLE.match(text, m.start))
        # "vesicle-mediated communication could preserve ...": an adjective of another noun, no verb (but
        # "sEV-mediated ADM-resistance" is the vesicles' resistance)
        and not (m.start > 0 and text[m.start - 1] in _HYPHENS and _MEDIATED_ADJECTIVE.match(text, m.start))
        # "a passenger marker rather than a mediator of resistance", "promoted rather than reduced 5-FU resistance":
        # what the sentence sets aside states nothing, nor hides the cue around it
        and not _CONTRASTED_CUE_BEFORE.search(text, max(0, m.start - 20), m.start)
        # "associated with survival in castration-resistant prostate cancer": the disease's name, no response
        and not _DISEASE_STATE_END.search(text, m.start, m.end)
        # "HCT116 cells made oxaliplatin-resistant released exosomes ...": the donor cells' description
        and not (m.rule.name == "render_resistant" and _RELEASE_VERB_AFTER.match(text, m.end))
        # "impaired DR-GFP activity and raised olaparib sensitivity": the subject's second verb, no passive (nor
        # does it hide the cue after it)
        and not (
            m.rule.name.endswith(("_passive_up", "_passive_down"))
            and _COORDINATED_VERB_END.search(text, m.start, m.end)
        )
        # "7-fold lower in patients whose best response was progressive disease": a level measured in them, no
        # lowered response (nor does it hide the level's own cue around it)
        and not (
            m.rule.effect in ("confers_resistance", "sensitizes")
            and _LEVEL_IN_PERSONS_START.match(text, m.start, m.end)
        )
    ]
    dropped: set[int] = set()
    scope: dict[int, tuple[str, int]] = {}  # id of a cue -> ("from" | "before", offset in the sentence)
    for m in effects:
        for o in effects:
            if m.start < o.start < m.end < o.end and _NOMINAL_SUBJECT.match(text, m.start):
                dropped.add(id(m))  # "[This transfer of resistance] was abolished": a subject sharing its last word
            elif o.start < m.start < o.end < m.end and _COORDINATED.search(text, o.end, m.end):
                dropped.add(id(m))  # "[the IC50 increased] threefold and apoptosis fell": the verb has its subject
            elif o is not m and m.start <= o.start and o.end <= m.end and (o.start, o.end) != (m.start, m.end):
                if o.start > m.start and o.end == m.end and text[o.start - 1] in _HYPHENS:
                    dropped.add(id(o))  # "reduced antibody-[induced growth] arrest": half a compound adjective
                elif o.start > m.start and o.end < m.end and _OBJECT_HEAD_AFTER_ADJECTIVE.fullmatch(text, o.end, m.end):
                    dropped.add(id(o))  # "abolished the [chemosensitising] effect": an adjective of the verb's object
                elif o.start > m.start and _COPULA_END.search(text, m.start, o.start):
                    dropped.add(id(m))  # "this early increase was [associated with resistance]": a noun subject
                elif any(
                    m.start <= a
                    and b <= o.start
                    and not text[b : o.start].strip()
                    and not (label in DRUG_LABELS and o.rule.name == "sensitize")
                    for a, b, label in spans
                ):
                    # "transfer of functional P-gp [reduces the cytotoxicity]": its subject (not "abolished the
                    # docetaxel [sensitisation]", where the drug names whose response the bare noun is)
                    dropped.add(id(m))
                elif _RESTORER.match(text, m.start) and any(m.start < a and b <= o.start for a, b, _ in spans):
                    dropped.add(id(m))  # "restoring FOXO1 expression [abrogated the resistance]": FOXO1 is restored
                elif (
                    o.start > m.start and m.rule.effect != o.rule.effect and _PURPOSE_TO.search(text[m.start : o.start])
                ):
                    dropped.add(id(m))  # "transfer miR-34a-5p to [reverse cisplatin resistance]": its purpose
                elif _NEUTRAL_LINK.match(text, m.start):
                    dropped.add(id(m))  # "leading to [decreased viability]": the inner cue is the statement
                elif _inverter_of_a_mention(text, m.start, o.start, spans):
                    dropped.add(id(m))  # "Blocking exosome release [restores sensitivity]": it inverts the exosomes
                elif _NOMINAL_SUBJECT.match(text, m.start):
                    dropped.add(id(m))  # "Transfer of exosomal NEAT1 [reduced the sensitivity]": a subject, no verb
                elif o.start > m.start and _MODAL.search(text, m.start, o.start):
                    dropped.add(id(m))  # "restoring miR-29c-3p transfer might [delay resistance]": the subject
                elif o.start > m.start and o.end == m.end and not _COORDINATED.search(text[m.start : o.start]):
                    scope[id(o)] = ("from", o.start)  # "abolished [the transfer of resistance]"
                    scope[id(m)] = ("before", o.start)
                else:
                    dropped.add(id(m))  # "induced apoptosis and reversed resistance": the inner cue decides
    design = _in_design(doc, sentence)
    label = _label_res()[0].match(text)  # "Results Exosomal CD73 was associated ...": "Results" is no verb
    label_end = label.end("label") if label else 0
    question = text.rstrip().endswith("?")  # "Could exosomal circRNAs mediate sorafenib resistance?": no finding
    # "present both in patients who did and in those who did not achieve pCR": the same in both groups, no finding
    question = question or bool(_NO_GROUP_DIFFERENCE.search(text))
    # "... is driven by soluble IL-6 rather than by EVs": the vesicles named only as what does not do it
    question = question or bool(_VESICLES_CONTRASTED.search(text))
    # "Whether exosomes transfer chemoresistance remains debated": a question the sentence leaves open
    question = question or bool(_WHETHER_OPENS.match(text) and _OPEN_QUESTION.search(text))
    lost: list[Cue] = []  # cues whose ability was lost ("lost the ability to induce resistance")
    turned_by_loss: list[int] = []  # cues turned round by "its depletion" before them
    drug_spans = [(a, b) for a, b, label in spans if label in DRUG_LABELS]
    for m in effects:
        if id(m) in dropped or design or question or m.start < label_end or _open_whether_clause(text, m.start):
            continue
        if _NOMINAL_SUBJECT.match(text, m.start) and _AND_LAST_WORD.search(text, m.start, m.end):
            continue  # "increase of exosomal PD-L1 and resistance to anti-PD-1 therapy": two nouns, no statement
        if _bare_activity(text, m.start, m.end) or _gene_activity(text, m.start, m.end, spans):
            continue  # "EVs with pro-metastatic activity", "raised GST activity": an activity, no drug's
        if (
            _NO_DRUG_AFTER.match(text, m.end)
            and not _refers_back(text, m.start, m.end)
            # "abolished the chemosensitising effect of their EVs": the vesicles' effect on a drug's response
            and not _RESPONSE_ADJECTIVE.search(text, m.start, m.end)
        ) or _ENZYME.search(text, m.start, m.end):
            continue  # "protected from DNase I", "the response of HUVECs to tumour exosomes": no drug's response
        reach = text[m.start : min(len(text), m.end + 40)]  # the cue and its object
        if (
            _TOXICITY.search(reach)
            or (_NORMAL_CELLS.search(text) and not _CANCER_CELLS.search(text))
            or ((_NORMAL_CELLS.search(reach) or _NORMAL_ORGAN.search(reach)) and not _CANCER_CELLS.search(reach))
        ):
            # "protect cardiomyocytes from doxorubicin-induced cardiotoxicity", "Tumour EVs increased DOX-induced
            # cardiomyocyte apoptosis": normal cells or tissue, no resistance
            continue
        if _APOPTOSIS_INHIBITOR_PROTEIN.search(text, m.start, min(len(text), m.end + 12)):
            continue  # "transferred the inhibitor of apoptosis protein survivin": a protein's name, no cell death
        if m.rule.name.endswith("_survival") and _ENDOTHELIAL_OBJECT.match(text[m.end : m.end + 120]):
            continue  # "promoted the proliferation, migration and tube formation of HUVECs": angiogenesis
        if m.rule.name == "resistance_passive_down" and _THERAPY_BY_ACTION.search(text, m.start, m.end):
            continue  # "acquired resistance to BRAF/MEK inhibition ...": the therapy's name, no lowering
        if _MORTALITY.search(text, m.start, m.end):
            continue  # "remains a leading cause of cancer death": the patients' deaths, no cell death a drug causes
        if _TOPIC_BEFORE.search(text, max(0, m.start - 60), m.start):
            continue  # "rigorous controls in studies of vesicle-mediated drug resistance": other studies' topic
        if _CONTRASTED_AWAY.search(text, m.start, m.end):
            continue  # "promotes invasive behaviour rather than resistance": the resistance is what it does not do
        if _RETRACTED_AFTER.search(text, m.end):
            continue  # "appeared to reduce the paclitaxel sensitivity ..., but this apparent effect disappeared"
        if _COMPOUND_ADJECTIVE.match(text, max(0, m.start - 2), m.end):
            continue  # "lost their growth-promoting activity": the first word of a compound adjective, no verb
        if _LIST_ITEM_START.match(text, m.start):
            continue  # "roles in angiogenesis, immune suppression, metastasis and chemoresistance": a list, no verb
        if _EARLIER_INSERT.search(text, 0, m.start):
            continue  # "miR-200b, previously linked to ovarian cancer outcome, was not ...": earlier work
        if _ASSAY_COMPOUND_END.search(text, m.start, m.end):
            continue  # "correlated with the rise in high-sensitivity troponin": an assay's name, no drug sensitivity
        if _ASSAY_SENSITIVITY_END.search(text, max(0, m.start - 60), m.end):
            continue  # "EV-DNA methylation assays need substantial gains in sensitivity": the assay's, no drug's
        if _OPEN_QUESTION.search(_clause_after(text, m.end)):
            continue  # "their contribution to bortezomib response is uncertain": the clause leaves it open
        if _NON_DRUG_RESPONSE.search(text, m.start, m.end):
            continue  # "cytotoxic drugs can also provoke pro-metastatic host responses": no drug response
        if _RADIATION_AFTER.match(text[m.end :]):
            continue  # "mimics reduced clonogenic survival after irradiation": the radiation's response
        if _EFFECT_APPOSITIVE.search(text, m.start, m.end):
            continue  # "increased monolayer permeability, an effect reproduced by ...": the verb's own effect named
        if _ASSOCIATED_WITH_CHANGE_END.search(text, m.start, m.end):
            continue  # "the effect was associated with increased expression of PD-L1": a level, no raised effect
        if _ACQUIRED_NOUN.match(text, m.start) and _RESISTANCE_AS_SUBJECT.match(text[m.end :]):
            continue  # "..., and acquired resistance to OXA greatly limits ...": the phenomenon as a subject, no verb
        if text[: m.end].lower().endswith("resistance") and _RESISTANCE_AS_MODIFIER.match(text[m.end :]):
            continue  # "increases the yield of liquid biopsy for resistance monitoring": the verb's object is the yield
        if (
            m.rule.name.endswith(("_passive_up", "_passive_down"))
            and _ACTIVE_S_END.search(text, m.start, m.end)
            and _OBJECT_AFTER.match(text, m.end)
        ):
            continue  # "resistance to OXA greatly limits its effect": resistance acts on an object (not "... spreads")
        if _RESISTANCE_SUBJECT.search(text, max(0, m.start - 60), m.start):
            continue  # "acquired resistance to OXA greatly limits its therapeutic effect": resistance's own effect
        if _DISEASE_WHICH.search(text, max(0, m.start - 80), m.start):
            continue  # "small cell lung cancer (SCLC), which becomes resistant to cisplatin": the disease's course
        if m.rule.name.endswith(("_passive_up", "_passive_down")) and any(
            m.start < a and _CLAUSE_OPENS_BEFORE.search(text, m.start, a) and _DRUG_THEN_VERB.fullmatch(text, b, m.end)
            for a, b in drug_spans
        ):
            continue  # "beyond killing tumour cells, cisplatin might promote ...": the drug is the verb's subject
        if m.rule.name.endswith(("_passive_up", "_passive_down")) and _RELATIVE_VERB_END.search(text, m.start, m.end):
            continue  # "traced this effect to exosomal PSMB5, which raised ...": the relative clause's own verb
        if m.rule.name.endswith(("_passive_up", "_passive_down")) and _ACTIVE_RELATIVE.match(text, m.start):
            continue  # "..., an effect that required TSAP6", "a response that may favour regrowth": no passive
        if m.rule.name.endswith(("_passive_up", "_passive_down")) and _SUBORDINATE_BEFORE.search(
            text, max(0, m.start - 12), m.start
        ):
            continue  # "cisplatin, while killing the bulk of the tumour, may stimulate ...": a participle, no subject
        if _STRESS_INDUCED.search(text[m.start : m.end]) or _STRESS_INDUCED.search(_word_before(text, m.start)):
            continue  # "reduced radiation-induced DNA damage and apoptosis": the radiation's effect, no drug's
        if _reagent_word(text, m.start, spans):
            continue  # "a miR-211 inhibitor restored the sensitivity": "inhibitor" names the reagent, no verb
        if any(a < m.start < b for a, b in drug_spans):
            continue  # "aromatase inhibitor-resistant": a word of a drug's name is no verb
        if (
            not _RESISTANCE_WORD.search(text, m.start, m.end)
            and not _RESPONSE_NOUN_START.match(text, m.start, m.end)
            and any(
                b <= m.start
                and _DRUG_AS_SUBJECT.fullmatch(text, b, m.start)
                and not _OBJECT_OF_PREPOSITION.search(text, max(0, a - 16), a)
                for a, b in drug_spans
            )
        ):
            continue  # "Immune checkpoint inhibitors have improved survival": what the drug does, no cargo's effect
        lost_before = _LOST_ABILITY.search(text[max(0, m.start - 80) : m.start])
        if (lost_before or _LOST_AFTER.match(text, m.end)) and m.rule.effect in FLIP:
            flipped = FLIP[m.rule.effect]
            lost.append(Cue(flipped, sentence.start + m.start, sentence.start + m.end, m.rule.name, m.rule.confidence))
            continue
        denied_noun = _BUT_NOT_INSIDE.search(text, m.start, m.end)
        if denied_noun and not (
            any(denied_noun.end() <= a < m.end for a, _ in drug_spans)
            and any(m.start <= a < denied_noun.start() for a, _ in drug_spans)
        ):
            # "promote migration but not drug resistance", "promote invasion but not gemcitabine tolerance": the cue's
            # own noun is the denied item (not "reduced cytarabine-induced but not daunorubicin-induced apoptosis")
            continue
        lo = max(0, m.start - 40)
        wide = max(0, lo - 16)  # the denials are read a little further back: "but" may stand before ``lo``
        window = _NOT_RESPONDING.sub(_blank, text[wide : m.end])  # "patients not responding": who
        # "reduced X-induced but not Y-induced apoptosis": Y's denial; but "prognostic but not predictive of D": the
        # denied item is the cue's own first word; "EVs of X, but not those of Y, reduced": Y's
        window = _blank_denied_items(window, m.start - wide)[lo - wide :]
        window = _WITHOUT_INSERT.sub(_blank, window)  # "exosomes, without any identified cargo, raised": the insert's
        if _NEGATION.search(window) or _NEGATED_AFTER.match(text[m.end : m.end + 60]):
            continue
        trend = _NONSIGNIFICANT_TREND.search(text)
        if trend and trend.start() <= m.start < trend.end():
            continue  # "tended to be lower in poor responders, but the difference did not reach significance"
        if _NEITHER_OPENS.match(text[: m.start]):
            continue  # "Neither baseline levels nor on-treatment changes of ... EVs were associated with response"
        if _DENIED_CLAIM.search(text[max(0, m.start - 100) : m.start]):
            continue  # "..., which argues against vesicle-mediated transfer as a major mechanism of resistance"
        if m.start >= 2 and _COMPOUND_BEFORE_VESICLES.match(text, m.start - 2):
            continue  # "miR-21-enriched exosomes rendered cells resistant": the vesicles' name, not a level
        if _INSERT_OPEN.search(text, 0, m.start) and "," in text[m.start : m.end]:
            continue  # "MDR-1, as the specific mRNA of chemoresistance, can be transferred": the insert's noun
        if m.rule.pattern.split()[-1] in _VERB_CLASSES and _GLUED_LAST_WORD.search(text, 0, m.end):
            continue  # "sensitivity and, subsequently, HER2-driven tumor aggressiveness": an adjective, no verb
        effect = m.rule.effect or ""
        if m.rule.name.startswith("down_") and effect in FLIP and _PROTECTIVE_EFFECT.search(text, m.start + 1, m.end):
            effect = FLIP[effect]  # "abrogated the protective effect": less protection from the drug, no less effect
        if m.rule.name.endswith("_sensitivity") and effect in FLIP and _LOSS_OF_RESPONSE.search(text, m.start, m.end):
            effect = FLIP[effect]  # "abolished the loss of gefitinib sensitivity": the sensitivity kept
        if m.rule.name.endswith("_survival") and effect in FLIP and _INHIBITION_AFTER.match(text, m.end):
            effect = FLIP[effect]  # "reduced vemurafenib-induced growth inhibition": more growth under the drug
        its_loss = effect in FLIP and bool(_ITS_LOSS.search(text, max(0, m.start - 60), m.start))
        if its_loss:
            effect = FLIP[effect]  # "... and that its depletion contributes to acquired EGFR-TKI resistance"
        if effect == "confers_resistance" and _PATIENTS_WITH_LEVEL.search(text, 0, m.start):
            effect = "predicts_resistance"  # "Patients with high exosomal PD-L1 had a lower response rate"
        if effect in FLIP and _PERSONS_WHO.search(text, max(0, m.start - 40), m.start):
            if not _LEVEL_IN_PERSONS.search(text, max(0, m.start - 120), m.start):
                continue  # "detecting T790M in the patients who developed resistance to EGFR-TKIs": who they are
            effect = "associated"  # "higher in patients who developed resistance": a level in the resistant
        elif effect in FLIP and _LEVEL_IN_GROUP_WITH.match(text[m.start : m.end]):
            effect = "associated"  # "lower in patients with primary resistance to D": a level in the resistant
        if effect == "predicts_resistance" and _MERE_MARKER.search(text, max(0, m.start - 30), m.end):
            effect = "associated"  # "whereas exosomal HOXA-AS2 is merely a marker of the resistant state"
        if _aim(text[: m.start], text[m.end :]):
            continue  # "to measure if EVs protect cells from rituximab": the question, not the finding
        if m.rule.hedged_effect and _hedged(text[max(0, m.start - 30) : m.start]):
            effect = m.rule.hedged_effect  # "microRNAs in exosomes may be involved in the resistance"
        elif effect in FLIP and _ASSOC_WORD.search(text[m.start : m.end]):
            effect = "associated"  # "the downregulated miR-620 showed association with chemotherapeutic effect"
        elif effect in FLIP and _LOW_RESPONSE.search(text[m.start : m.end]):
            effect = FLIP[effect]  # "contributed to the low response rate": less response, more resistance
        confidence = m.rule.confidence * (0.5 if background else 1.0)
        if effect == "associated" and m.rule.effect != "associated":
            # a causal cue read as a level ("lower in patients with primary resistance"): as sure as a level rule,
            # so that a cargo's own prediction elsewhere outranks it
            confidence = min(confidence, _LEVEL_CONFIDENCE)
        side, at = scope.get(id(m), ("", 0))
        anaphoric = None
        if m.rule.effect in FLIP and _refers_back(text, m.start, m.end, before=25):
            # "mediated this effect" keeps the earlier statement, "abolished this effect" turns it round
            anaphoric = "keep" if effect == "sensitizes" else "turn"
        facts.cues.append(
            Cue(
                effect,
                sentence.start + m.start,
                sentence.start + m.end,
                m.rule.name,
                confidence,
                cargo_from=sentence.start + at if side == "from" else None,
                cargo_before=sentence.start + at if side == "before" else None,
                anaphoric=anaphoric,
            )
        )
        if its_loss:
            turned_by_loss.append(len(facts.cues) - 1)
    for m in matches:
        if m.rule.kind == "role":
            if (
                m.rule.role == "vehicle"
                and _PROTEIN_LOADED.search(text, 0, m.end)
                and any(label == "GENE" and _PROTEIN_LOADED.fullmatch(text, b, m.end) for _, b, label in spans)
            ):
                continue  # "EGFR-loaded exosomes": a protein the cells load, no engineered carrier
            _give_roles(facts, entity_ids, m, [name for *_, name in described])
    machinery = _machinery()
    for i in entity_ids:
        if doc.entities[i].name in machinery and "inverted" in facts.roles.get(i, set()):
            # "knock-down of Rab27a reduced exosome release": the vesicles' loss, not a cargo's
            for v in entity_ids:
                if doc.entities[v].label == "VESICLE":
                    facts.roles.setdefault(v, set()).add("inverted")
    if turned_by_loss and any("inverted" in roles for roles in facts.roles.values()):
        # "its knock-down in BMSCs abrogated ...": the knock-down turns the molecule's statement already (its role)
        for k in turned_by_loss:
            facts.cues[k] = replace(facts.cues[k], effect=FLIP[facts.cues[k].effect])
    if lost and any("inverted" in roles for roles in facts.roles.values()):
        # "exosomes with H19 knockdown lost the ability to induce resistance": without H19 no resistance, so H19
        # confers it (the cue turned here, turned back by the knock-down); without a knock-down, a null result
        facts.cues.extend(lost)
        facts.cues.sort(key=lambda c: c.start)
    _coordinate(doc, facts)
    return facts


# words that end a cell description read leftwards from "cells": CELLSTOP, and the verbs of the rule file
_CELL_STOP_CLASSES = (
    "CELLSTOP",
    "UP",
    "DOWN",
    "PROTECT",
    "TARGETVERB",
    "SENSITIZE",
    "DESENSITIZE",
    "CARRY",
    "DONORVERB",
    "RECIPVERB",
    "VESWORD",
)


@cache
def _described_cell_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = load_engine().ruleset.word_classes
    head = re.compile(r"\b(?:" + "|".join(words.get("CELLHEAD", ["(?!)"])) + r")\b", re.IGNORECASE)
    stop_words = [w for name in _CELL_STOP_CLASSES for w in words.get(name, [])]
    stop = re.compile(r"^(?:" + "|".join(stop_words or ["(?!)"]) + r")$", re.IGNORECASE)
    return head, stop


def _described_cells(text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cells a sentence describes in words rather than by a cell line or cell type ("GC cells", "ovarian cancer
    cells", "TMZ-resistant cells", "receipt cells"): up to three words before a CELLHEAD word ("cells") that are
    not CELLSTOP words (function words, -ing forms) nor verbs or vesicle words of the rule file, nor punctuated; none where a cell line or cell
    type is among them (that entity is the cell). The rule engine sees the part after any other entity ("TMZ-"
    stays outside, so the drug keeps its own roles) as a CELL_DESCRIBED mention; its name is the whole phrase.
    Returns (start, end, name), offsets into ``text``."""
    head, stop = _described_cell_res()
    out: list[tuple[int, int, str]] = []
    for m in head.finditer(text):
        start = pos = m.start()
        words = 0
        while words < 3 and pos > 0 and text[pos - 1].isspace():
            token = re.search(r"(\S+)\s+$", text[:pos])
            if token is None:
                break
            word = token.group(1)
            if re.search(r"[,;:()\[\].\u2019']", word) or stop.match(word):
                break
            start = pos = token.start(1)
            words += 1
        if not words:
            continue
        inside = [(s, e, label) for s, e, label in spans if s < m.end() and e > start]
        if any(label in CELL_LABELS for *_, label in inside):
            continue
        core = max([start, *(e for _, e, _ in inside)])
        while core < m.start() and not text[core].isalnum():
            core += 1
        if core >= m.start() or not re.search(r"[A-Za-z]", text[core : m.start()]):
            continue
        out.append((core, m.end(), re.sub(r"\s+", " ", text[start : m.end()])))
    return out


@cache
def _vesicle_markers() -> frozenset[str]:
    return frozenset(load_engine().ruleset.vesicle_markers)


@cache
def _hedge_re() -> re.Pattern[str]:
    words = load_engine().ruleset.word_classes.get("HEDGE", [])
    return re.compile(r"\b(?:" + "|".join(words) + r")\b" if words else r"(?!)", re.IGNORECASE)


@cache
def _clause_break_re() -> re.Pattern[str]:
    # "not only ... but also" joins two predicates of one clause
    words = [re.escape(w) + (r"(?!\s+also)" if w == "but" else "") for w in load_engine().ruleset.clause_breaks]
    # a colon ends the rule engine's cue spans, not a clause: "had the opposite effect: they increased ..."
    return re.compile(r"(?:;|\b(?:" + "|".join(w for w in words if w not in (";", ":", r"\.")) + r")\b)", re.IGNORECASE)


def _clauses(doc: Document, f: SentenceFacts) -> Callable[[int], int]:
    """The clause (0, 1, ...) of the sentence that a document offset falls in, cut at the clause breaks; none
    inside an insert set off by commas ("EVs of senescent fibroblasts, but not those of proliferating ones,
    reduced ..."): the insert belongs to the clause around it."""
    text = doc.span_text(f.span)
    inserts = [m.span() for m in _WITHOUT_INSERT.finditer(text)]
    cuts = [
        f.span.start + m.start()
        for m in _clause_break_re().finditer(text)
        if not any(a <= m.start() < b for a, b in inserts)
    ]
    return lambda offset: sum(c <= offset for c in cuts)


def _same_clause(doc: Document, f: SentenceFacts, offset: int, cue: Cue) -> bool:
    clause = _clauses(doc, f)
    return clause(offset) in (clause(cue.start), clause(cue.end - 1))


def _coordinated(doc: Document, i: int, resisted: list[int]) -> bool:
    """A drug that is the second member of the phrase naming a resisted drug before it, with the same preposition
    ("reduced apoptosis after etoposide from 37% to 16% and after cisplatin", "raised the olaparib IC50 fivefold
    and that of niraparib"): it shares the resisted drug's role."""
    e = doc.entities[i]
    for j in resisted:
        r = doc.entities[j]
        if r.end >= e.start:
            continue
        between = _COORDINATED_DRUG_BETWEEN.fullmatch(doc.text[r.end : e.start])  # its pattern is anchored
        if between is None:
            continue
        if between.group("p") is None:  # "... and that of niraparib"
            return True
        before = _PREPOSITION_BEFORE_DRUG.search(doc.text, max(0, r.start - 16), r.start)
        if before and before.group("p").lower() == between.group("p").lower():
            return True
    return False


def _in_cue_clauses(doc: Document, f: SentenceFacts, drugs: list[int]) -> list[int]:
    """The drugs in a clause that states an effect, where some are ("exosomes from gefitinib-treated cells
    decreased the effect of cisplatin, while ... did not affect that of gefitinib": cisplatin)."""
    if len(drugs) < 2:
        return drugs
    affirmed = [i for i in drugs if not _set_apart(doc, f, i)]  # not "..., but not under everolimus"
    drugs = affirmed or drugs
    clause = _clauses(doc, f)
    stated = {clause(c.start) for c in f.cues}
    kept = [i for i in drugs if clause(doc.entities[i].start) in stated]
    return kept or drugs


def _set_apart(doc: Document, f: SentenceFacts, i: int) -> bool:
    """A drug that "but not" sets apart from those a sentence states a change for ("increased the viability under
    sunitinib and pazopanib, but not under everolimus or cabozantinib"), or a member of its list."""
    e = doc.entities[i]
    if _DENIED_DRUG_BEFORE.search(doc.text, max(f.span.start, e.start - 24), e.start):
        return True
    j = _drug_listed_before(doc, f, i)
    return j is not None and _set_apart(doc, f, j)


def _drug_listed_before(doc: Document, f: SentenceFacts, i: int) -> int | None:
    """The drug just before drug ``i`` in the same list ("to cisplatin, vincristine or lomustine"), if any."""
    e = doc.entities[i]
    previous = [j for j in f.entities if doc.entities[j].label in DRUG_LABELS and doc.entities[j].end <= e.start]
    if not previous:
        return None
    j = max(previous, key=lambda k: doc.entities[k].end)
    return j if _COORDINATION.match(doc.text[doc.entities[j].end : e.start]) else None


def _vesicles_in_cue_clause(doc: Document, f: SentenceFacts, cues: list[Cue]) -> bool:
    """Whether vesicles are named in a clause of the sentence that states one of ``cues`` ("tumour-derived exosomes
    induced M2 polarization, while cisplatin resistance was mediated by ABCB1": not the exosomes' statement)."""
    clause = _clauses(doc, f)
    stated = {clause(c.start) for c in cues} | {clause(c.end - 1) for c in cues}
    places = [doc.entities[i].start for i in f.entities if doc.entities[i].label == "VESICLE"]
    places += [f.span.start + m.start() for m in vesicle_words(doc.span_text(f.span))]
    return any(clause(p) in stated for p in places)


@cache
def _class_word(*names: str) -> re.Pattern[str]:
    """A word of the rule file's word classes ``names``, at a position of a sentence's text."""
    classes = load_engine().ruleset.word_classes
    words = [w for name in names for w in classes.get(name, [])]
    return re.compile(r"(?:" + "|".join(words) + r")\b", re.IGNORECASE) if words else re.compile(r"(?!)")


def _reagent_word(text: str, start: int, spans: Sequence[tuple[int, int, str]]) -> bool:
    """A cue that starts on the word after a mention that makes it a reagent ("miR-211 inhibitor", "NEAT1
    knockdown"): the word belongs to the mention."""
    return bool(_class_word("INVERTAFTER").match(text, start)) and any(
        label not in DRUG_LABELS and 0 <= start - b <= 1 and text[b:start] in ("", " ", "-") for _, b, label in spans
    )


def _inverter_of_a_mention(text: str, start: int, inner: int, spans: Sequence[tuple[int, int, str]]) -> bool:
    """A cue that starts on a word that inverts a mention after it ("Blocking exosome release restores ...",
    "Knockdown of miR-21 reduced ..."): the word's object is the mention, not the cue inside."""
    return bool(_class_word("INVERTN", "INVERTV").match(text, start)) and any(
        start < a < inner and label not in DRUG_LABELS for a, _, label in spans
    )


@cache
def _machinery() -> frozenset[str]:
    return frozenset(load_engine().ruleset.secretion_machinery)


@cache
def _never_cargo() -> frozenset[str]:
    return frozenset(load_engine().ruleset.never_cargo)


@cache
def _supportive() -> frozenset[str]:
    return frozenset(load_engine().ruleset.supportive_drugs)


def _never_resisted(name: str) -> bool:
    """A drug no cancer resists in a statement: a supportive drug (folinic acid beside 5-fluorouracil) or an
    anti-infective ("carbapenem-resistant Klebsiella": the microbe's resistance)."""
    return name in _supportive() or bool(_ANTI_INFECTIVE.fullmatch(name))


@cache
def _background_re() -> re.Pattern[str]:
    phrases = load_engine().ruleset.background
    return re.compile("|".join(phrases) if phrases else r"(?!)", re.IGNORECASE)


@cache
def _prognosis_re() -> re.Pattern[str]:
    phrases = load_engine().ruleset.prognosis
    return re.compile("|".join(phrases) if phrases else r"(?!)", re.IGNORECASE)


def _states_prognosis(doc: Document, f: SentenceFacts) -> bool:
    """The sentence states a prognosis (survival, death) and names no drug and no treatment: what it says of a
    cargo is no drug response ("presence of C-MYC mRNA ... was associated with short progression-free
    survival"; not "patients receiving IPI who showed extended PFS"). Drugs named only as covariates ("in Cox models
    adjusted for ... adjuvant capecitabine or gemcitabine-based chemotherapy") name no treatment of the statement."""
    covariates = [i for i in f.entities if f.roles.get(i, set()) & _NOT_RESISTED]
    if any(doc.entities[i].label in DRUG_LABELS for i in f.entities if i not in covariates):
        return False
    text = doc.span_text(f.span)
    for i in covariates:  # ... blanked, so that "chemotherapy" among them is no treatment either
        a, b = doc.entities[i].start - f.span.start, doc.entities[i].end - f.span.start
        text = text[:a] + " " * (b - a) + text[b:]
    # a treatment named only to deny it ("... but was not related to treatment response") names none
    treated = any(not _NEGATION.search(text, max(0, m.start() - 40), m.start()) for m in _THERAPY_RE.finditer(text))
    if treated:
        return False
    # a short form the paper defines as something else is not the survival measure ("osteosarcoma (OS)")
    defined = _defined_short_forms(doc)
    return any(
        not (m.group(0) in defined and not _prognosis_re().search(defined[m.group(0)]))
        for m in _prognosis_re().finditer(text)
    )


def _defined_short_forms(doc: Document) -> dict[str, str]:
    """The short forms the paper defines, in its prose or glossary, with their long forms; once per document."""
    return _once_per_document("defined_short_forms", doc, lambda: {**find_definitions(doc.text), **doc.abbreviations})


@cache
def _aim_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ruleset = load_engine().ruleset
    return tuple(  # type: ignore[return-value]
        re.compile("|".join(phrases) if phrases else r"(?!)", re.IGNORECASE)
        for phrases in (ruleset.aim_before, ruleset.aim_after)
    )


@cache
def _label_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ruleset = load_engine().ruleset
    labels = re.compile(
        r"(?:^|(?<=[.!?])[ \t]+|(?<=\n))(?P<label>" + "|".join(ruleset.abstract_labels or ["(?!)"]) + r")"
        r"(?:[ \t]*:[ \t]*|[ \t]*\n|[ \t]+(?=[A-Z0-9(]))"
    )
    design = re.compile("|".join(ruleset.design_labels or ["(?!)"]))
    return labels, design


def _label_regions(text: str, kind: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
    """Where the parts of a structured abstract whose label ``kind`` matches stand in ``text`` (from the label to
    the next label): the labels as printed on their own line or run into the text ("... T-cell functions. Methods
    Exosomes were isolated ...")."""
    found = list(_label_res()[0].finditer(text))
    return tuple(
        (m.start("label"), found[k + 1].start("label") if k + 1 < len(found) else len(text))
        for k, m in enumerate(found)
        if kind.fullmatch(m.group("label"))
    )


@lru_cache(maxsize=8)
def design_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Where a structured abstract's Methods part stands in ``text``."""
    return _label_regions(text, _label_res()[1])


def _in_design(doc: Document, sentence: Span) -> bool:
    return any(start <= sentence.start < end for start, end in design_regions(doc.text))


@cache
def _background_label_re() -> re.Pattern[str]:
    return re.compile("|".join(load_engine().ruleset.background_labels or ["(?!)"]))


@lru_cache(maxsize=8)
def background_regions(text: str) -> tuple[tuple[int, int], ...]:
    """Where a structured abstract's Background part stands in ``text``: what was known before the study."""
    return _label_regions(text, _background_label_re())


def _in_background_part(doc: Document, sentence: Span) -> bool:
    return any(start <= sentence.start < end for start, end in background_regions(doc.text))


def _aim(before: str, after: str) -> bool:
    """A cue that is the question the study asks: after an inquiry in its clause ("to measure if", "we asked
    whether") or in the subject of a sentence that ends in one ("... as predictors of response was explored")."""
    aim_before, aim_after = _aim_res()
    return bool(aim_before.search(before[-260:]) or aim_after.search(after))


def _background(text: str) -> bool:
    """The sentence reports earlier work ("Exosomes have been shown to spread chemoresistance")."""
    return bool(_background_re().search(text))


def _hedged(before: str) -> bool:
    """A hedge word in the same clause just before a cue."""
    clause = re.split(r"[;,.]", before)[-1]
    return bool(_hedge_re().search(clause))


_ABBREVIATION_OPENS = re.compile(r"^\s*\(\s*$")  # "5-fluorouracil (" before its short form "5-Fu"
_SHARED_ROLES = ("cargo", "target", "donor", "recipient", "inverted", "resisted", "payload", "status")
_LABEL_KIND = {"CELL_LINE": "cell", "CELL_TYPE": "cell", "DRUG": "drug", "DRUG_CLASS": "drug"}


def _names(doc: Document, i: int) -> set[str]:
    return {c.name for c in _concepts(doc.entities[i])}


def _runs(doc: Document, facts: SentenceFacts) -> list[list[int]]:
    """The sentence's mentions of one kind joined by "and", "or", "," or "/" (or a short form in brackets after
    its long form), as lists of entity indices in reading order."""
    ids = sorted(facts.entities, key=lambda i: doc.entities[i].start)
    runs: list[list[int]] = []
    last_drug_run: list[int] | None = None
    for i in ids:
        e = doc.entities[i]
        kind = _LABEL_KIND.get(e.label, "molecule" if e.label != "VESICLE" else "vesicle")
        if kind == "drug" and last_drug_run is not None:
            # "letrozole and the selective oestrogen receptor degrader fulvestrant": the class words between may hold
            # mentions of their own (the receptor), the two drugs are still one run
            before = doc.entities[last_drug_run[-1]]
            if before.end <= e.start and _DESCRIBED_DRUG_AFTER_AND.match(doc.text[before.end : e.start]):
                last_drug_run.append(i)
                continue
        prev = runs[-1][-1] if runs else None
        if prev is not None:
            p = doc.entities[prev]
            p_kind = _LABEL_KIND.get(p.label, "molecule" if p.label != "VESICLE" else "vesicle")
            gap = doc.text[p.end : e.start] if p.end <= e.start else None
            if (
                p_kind == kind
                and gap is not None
                and (
                    _COORDINATION.match(gap)
                    or (_ABBREVIATION_OPENS.match(gap) and doc.text[e.end : e.end + 1] == ")")
                    or (kind == "drug" and _DRUG_COMBINATION.match(gap))
                )
            ):
                runs[-1].append(i)
                if kind == "drug":
                    last_drug_run = runs[-1]
                continue
        runs.append([i])
        if kind == "drug":
            last_drug_run = runs[-1]
    return runs


def _coordinate(doc: Document, facts: SentenceFacts) -> None:
    """Mentions joined by "and", "or", "," or "/" share their roles: "in PC3, DU145 and LNCaP cells" are all
    recipients, "target genes p27 and ERα" both targets; so does a mention and its short form in brackets after
    it ("resistance to 5-fluorouracil (5-Fu) or oxaliplatin (OXA)": both drugs resisted)."""
    runs = _runs(doc, facts)
    rules = load_engine().rules
    for run in runs:
        if len(run) < 2:
            continue
        shared = set().union(*(facts.roles.get(i, set()) for i in run)) & set(_SHARED_ROLES)
        # ... and the rules that gave them, so that the proteins "PD-1, CD80 and PD-L1 on circulating sEVs" are all
        # cargo by rule (not RNAs: "the exosomal circ_0005963/miR-122 axis" names one cargo and its target)
        shared_rules = (
            {r for i in run for r in facts.role_rules.get(i, set()) if r in rules and rules[r].role == "cargo"}
            if "cargo" in shared and all(doc.entities[i].label == "GENE" for i in run)
            else set()
        )
        for i in run:
            facts.roles[i] |= shared
            if shared_rules:
                facts.role_rules[i] |= shared_rules


def _give_roles(facts: SentenceFacts, entity_ids: list[int], m: RuleMatch, described: list[str]) -> None:
    for local in m.entities:
        if local >= len(entity_ids):  # a cell described in words
            facts.described[described[local - len(entity_ids)]].add(m.rule.role or "")
            continue
        facts.roles[entity_ids[local]].add(m.rule.role or "")
        facts.role_rules[entity_ids[local]].add(m.rule.name)


def _concepts(e: Entity) -> list[Concept]:
    ids = [e.id, *e.other_ids] if e.other_ids else [e.id] * (1 + len(e.other_names))
    kind = CARGO_TYPES.get(e.label, "protein" if e.label == "GENE" else e.label)
    return [Concept(name=n, id=i, type=kind) for n, i in zip(e.names, ids, strict=False)]


def _drug_concept(e: Entity) -> Concept:
    return Concept(name=e.name or e.text, id=e.id, type=e.label)


def _drug_concepts(e: Entity) -> list[Concept]:
    """Every drug a mention names: one, or a regimen's ("FOLFOX": folinic acid, fluorouracil, oxaliplatin)."""
    if not e.other_names:
        return [_drug_concept(e)]
    ids = [e.id, *e.other_ids] if e.other_ids else [e.id] * (1 + len(e.other_names))
    return [Concept(name=n, id=i, type=e.label) for n, i in zip(e.names, ids, strict=False)]


@dataclass(frozen=True)
class _CargoContext:
    """What a unit says about its molecules as a whole."""

    cargo_genes: set[str]  # genes a rule puts in vesicles somewhere in the unit
    targets: set[str]  # genes and RNAs that are a target or a receptor status somewhere in the unit
    vesicle_unit: bool  # the unit speaks of vesicles
    vehicles: bool  # ... as engineered vehicles ("iRGD-modified exosomes deliver siRNA")
    cargo_rnas: set[str] = field(default_factory=set)  # RNAs a rule puts in vesicles somewhere in the unit
    # RNAs the unit names with vesicles only where it diagnoses ("... was also detectable in serum exosomes, where
    # it distinguished patients from healthy donors") or denies them ("barely detectable in exosomes"): their drug
    # statements elsewhere are the cells' own
    marker_only: set[str] = field(default_factory=set)
    acted_on: set[str] = field(default_factory=set)  # what a named RNA cargo acts on in a sentence of the unit
    # the unit measured the vesicles' own proteins ("correlating EV protein changes with tumour reduction"): a gene
    # whose levels it reports ("NOS3, VEGFR-2, and ANGPT2 levels correlated inversely with ...") is their cargo
    vesicle_proteome: bool = False


def _is_cargo(doc: Document, facts: SentenceFacts, i: int, context: _CargoContext) -> bool:
    e = doc.entities[i]
    roles = facts.roles.get(i, set())
    if e.name in _machinery():
        return False  # Rab27a, nSMase2: what releases the vesicles, not what they carry
    if e.name in _never_cargo():
        return False  # cell-free DNA: the fraction outside the vesicles
    if _REFERENCE_BEFORE.search(doc.text, max(facts.span.start, e.start - 50), e.start) or _REFERENCE_AFTER.match(
        doc.text, e.end
    ):
        return False  # "normalised to miR-16-5p", "the reference miR-103a-3p": a measurement's yardstick
    if e.label == "GENE" and _STIMULUS_BEFORE.search(doc.text, max(facts.span.start, e.start - 90), e.start):
        return False  # "polarised into M2 macrophages with IL-4 and IL-13": the donors' stimulus
    if _VESICLE_FREE.search(doc.text, max(facts.span.start, e.start - 80), e.start):
        return False  # "In the EV-depleted fraction, by contrast, soluble PD-L1 ... were higher": no vesicles' cargo
    if e.label == "GENE" and _SOLUBLE_BEFORE.search(doc.text, max(0, e.start - 12), e.start):
        return False  # "soluble PD-L1": the free form, beside or instead of the vesicles'
    if e.label == "GENE" and _REGULATOR_AFTER.match(doc.text, e.end):
        return False  # "a HIF-1α-dependent increase in exosomal miR-210": what drives the cargo, none itself
    if e.label == "GENE" and _REGULATOR_BEFORE.search(doc.text, max(0, e.start - 60), e.start):
        return False  # "miR-211-5p, a melanocyte-lineage miRNA controlled by MITF": the cargo's regulator
    if e.label == "GENE" and (
        _GENOTYPE_AFTER.match(doc.text, e.end)
        or (
            _GENOTYPE_BEFORE.search(doc.text, max(0, e.start - 20), e.start)
            and not _MOLECULE_AFTER.match(doc.text, e.end)
        )
    ):
        return False  # "ESR1 mutations in EV-DNA", "FLT3-ITD cells", "mutant EGFR": a genotype, no molecule carried
    if context.vehicles and (e.label == "GENE" or "inverted" in roles or e.reagent in _INVERTING):
        return False  # engineered vesicles carry a therapy (an siRNA, an inhibitor), not a cargo of the cells
    if "status" in roles and "cargo" not in roles:
        return False
    if e.label == "GENE" and _OUTCOME_MEASURE_AFTER.match(doc.text, e.end):
        return False  # "predicts poor PSA response": the response's yardstick, no cargo
    if _TISSUE_BEFORE.search(doc.text, max(0, e.start - 14), e.start) and not _names_vesicles(doc, facts):
        return False  # "tumour AFAP1-AS1 expression was higher in poor responders": the tissue's, no vesicles'
    if _TISSUE_SETTING.search(doc.span_text(facts.span)) and not _names_vesicles(doc, facts):
        return False  # "In tumour biopsies from 22 patients, X expression was higher at progression": the tissue's
    if "agent" in roles and e.label in RNA_LABELS:
        return context.vesicle_unit  # "PTEN, which is targeted by miR-222": miR-222 acts, it is no target
    if e.label in RNA_LABELS:
        if e.name in context.targets and e.name not in context.cargo_rnas:
            return False  # "... through the miR-217/NAP1L1 axis": a target of the unit's cargo all through it
        if "target" in roles and context.vesicle_unit:
            rules = load_engine().rules
            named = [rules[r] for r in facts.role_rules.get(i, set()) if r in rules and rules[r].role == "cargo"]
            return any(r.confidence >= 0.9 for r in named)  # "the exosomal circ_0005963/miR-122 axis": its head
        if e.name in context.marker_only:
            return False  # an RNA the vesicles only served to measure, or were denied to carry
        return context.vesicle_unit and "target" not in roles
    if e.label == "GENE":
        if not context.vesicle_unit:
            return False  # "the transfer of P-gp between cells" with no vesicle anywhere: no EV cargo
        if _fusion_partner(doc, i):
            return False  # "BCR::ABL1-independent", "EML4-ALK-positive": a fusion gene, the tumour's genotype
        if _STATUS_AFTER.match(doc.text, e.end):
            return False  # "tamoxifen resistance in ER+ breast cancer": a receptor status (not "HER2+ exosomes")
        if _MARKER_SIGN.match(doc.text, e.end) and _CAPTURE_BEFORE.search(doc.text, max(0, e.start - 40), e.start):
            return False  # "immunomagnetic capture of EpCAM-positive exosomes": the marker they were isolated by
        rules = load_engine().rules
        cargo_rules = [rules[r] for r in facts.role_rules.get(i, set()) if r in rules and rules[r].role == "cargo"]
        if e.name in context.targets and not cargo_rules:
            return False  # "exo-miR-522 and ALOX15": a target of the unit shares no cargo role by coordination
        target_rules = [rules[r] for r in facts.role_rules.get(i, set()) if r in rules and rules[r].role == "target"]
        strong_target = any(r.confidence >= 0.8 for r in target_rules)
        if strong_target and not any(r.confidence >= 0.9 for r in cargo_rules):
            return False  # "ERα-targeting miRNAs in exosomes": a target; only "exosomal ERα" would outweigh it
        if "cargo" in roles:
            return True
        if roles & {"target", "status"}:
            return False
        return e.name in context.cargo_genes or (
            context.vesicle_proteome and _LEVELS_AFTER.match(doc.text, e.end) is not None
        )
    return False


def _fusion_partner(doc: Document, i: int) -> bool:
    """Whether the gene mention ``i`` is half of a fusion written with "::" or a hyphen ("BCR::ABL1", "EML4-ALK",
    "TMPRSS2-ERG"): the other half is a gene mention right beside it."""
    e = doc.entities[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(doc.entities) and doc.entities[j].label in ("GENE", "GENE_FAMILY"):
            other = doc.entities[j]
            gap = doc.text[other.end : e.start] if j < i else doc.text[e.end : other.start]
            if gap in ("::", "-", "\u2010") and other.sentence == e.sentence:
                return True
    return False


def _names_vesicles(doc: Document, facts: SentenceFacts) -> bool:
    """Whether the sentence names vesicles: a vesicle word or a VESICLE mention."""
    return facts.vesicle_words or any(doc.entities[i].label == "VESICLE" for i in facts.entities)


def _nearest(cues: list[Cue], a: int, b: int) -> Cue:
    """The cue nearest to the cargo at ``a`` and the drug at ``b`` among those that hold for the cargo."""
    cues = [c for c in cues if c.holds_for(a)] or cues
    lo, hi = min(a, b), max(a, b)

    def distance(c: Cue) -> tuple[int, float]:
        gap = 0 if c.end >= lo and c.start <= hi else min(abs(c.start - hi), abs(lo - c.end))
        return gap, -c.confidence

    return min(cues, key=distance)


def unit_resistance(doc: Document, unit: StudyUnit) -> list[Assertion]:
    """The resistance assertions of one study unit (its title first, where it has one)."""
    spans: list[Span] = ([unit.title] if unit.title else []) + [doc.sentences[s] for s in unit.sentences]
    text = " ".join(doc.span_text(sp) for sp in spans)
    if _TOXICITY.search(text) and not any(
        _RESISTANCE_WORD.search(clause) and not _NEGATION.search(clause)
        for sp in spans
        for clause in _CLAUSE_CUT.split(doc.span_text(sp))
    ):
        # vesicles that shield normal tissue from a drug's injury ("doxorubicin-induced cardiotoxicity"), whatever
        # the unit denies of resistance ("did not alter DOX sensitivity of MDA-MB-231 cells")
        return []
    if not _speaks_of_cancer(doc):
        return []  # antimony resistance shared by Leishmania's vesicles, antibiotics and bacteria: no cancer drug's
    by_sentence: dict[int, list[int]] = defaultdict(list)
    placed: set[int] = set()
    for k, sp in enumerate(spans):  # each entity in the first span it begins in
        for i in entities_in(doc, sp.start, sp.end):
            if i not in placed and not _no_vesicles(doc, i) and not _radionuclide(doc, i):
                placed.add(i)
                by_sentence[k].append(i)
    facts = [sentence_facts(doc, k, sp, by_sentence[k]) for k, sp in enumerate(spans)]
    if not unit.refs:
        for f in facts:
            # earlier work ("has been shown to"), or a structured abstract's Background part: what was known before
            text = doc.span_text(f.span)
            if _background(text) or (_in_background_part(doc, f.span) and not _OWN_FINDING.search(text)):
                f.cues = []  # ... but an Introduction's "Here we show that ..." is the paper's own finding
    for f in facts:  # a question asks ("Do exosomes transmit imatinib resistance between CML cells? A negative study")
        f.cues = [c for c in f.cues if not _QUESTION_AFTER.match(doc.text, c.end, f.span.end)]
        if future := _FUTURE_WORK.search(doc.span_text(f.span)):
            # work proposed for later ("... deserves evaluation as an indicator of TKI resistance"), not what the
            # sentence found before it ("predicted the response to docetaxel and warrants validation")
            f.cues = [c for c in f.cues if c.start - f.span.start < future.start()]
    # the unit speaks of vesicles where a sentence names them and does not deny them a part ("independently of
    # exosome secretion"), and not only as earlier work ("Circulating and exosomal microRNAs have been studied as
    # response markers, but ...; tumour tissue may be a more robust source")
    # ... nor only in work proposed for later ("future work should test whether circulating exosomal HOTTIP ...")
    vesicle_unit = any(
        _names_vesicles(doc, f)
        and not _vesicles_denied(doc, f)
        and not ((_background(doc.span_text(f.span)) or _OPEN_QUESTION.search(doc.span_text(f.span))) and not f.cues)
        and not _vesicles_only_in_future_work(doc, f)
        for f in facts
    )
    # targets and receptor statuses of the unit; not "PD-1/CD80+ sEVs", where the sign marks the vesicles' cargo
    unit_targets = {
        doc.entities[i].name
        for f in facts
        for i, r in f.roles.items()
        if r & {"target", "status"}
        and not ("cargo" in r and any(rules & _POSITIVE_VESICLES for rules in f.role_rules.values()))
    }
    cargo_genes = {
        doc.entities[i].name
        for f in facts
        for i, r in f.roles.items()
        if "cargo" in r and doc.entities[i].label == "GENE" and doc.entities[i].name not in unit_targets
    }
    vehicles = any("vehicle" in r for f in facts for r in f.roles.values())
    cargo_rnas = {
        doc.entities[i].name
        for f in facts
        for i, r in f.roles.items()
        if "cargo" in r and doc.entities[i].label in RNA_LABELS
    }
    # what a named RNA cargo acts on in its own sentence ("exosomal LINC01559 induces PD-L1 in macrophages")
    acted_on = {
        doc.entities[i].name
        for f in facts
        if any("cargo" in r and doc.entities[k].label in RNA_LABELS for k, r in f.roles.items())
        for i, r in f.roles.items()
        if "target" in r and "cargo" not in r
    }
    context = _CargoContext(
        cargo_genes,
        unit_targets,
        vesicle_unit,
        vehicles,
        cargo_rnas,
        _marker_only(doc, facts),
        acted_on,
        vesicle_unit and any(_VESICLE_PROTEOME.search(doc.span_text(f.span)) for f in facts),
    )
    # drugs the unit uses to block the vesicles somewhere ("identified sulfisoxazole as an inhibitor of sEV
    # secretion", "GW4869 reduced exosome release"), or says it used to inhibit or probe something: tools in every
    # sentence of it, unless the paper names a response to them
    tools = {
        doc.entities[i].name
        for f in facts
        for i in f.entities
        if f.role_rules.get(i, set()) & _UNIT_TOOL_RULES and _tool(doc, f, i)
    }
    resisted: list[Concept] = []
    for f in facts:
        if _OPEN_QUESTION.search(doc.span_text(f.span)):
            continue  # "their relevance to the response to immunotherapy remains to be determined"
        tools_here = _tool_names(doc, f)
        for i in f.entities:
            roles = f.roles.get(i, set())
            if (
                doc.entities[i].label in DRUG_LABELS
                and "resisted" in roles
                and not roles & _NOT_RESISTED
                and not _negated_mention(doc, f, i)
                and doc.entities[i].name not in tools_here
                and doc.entities[i].name not in tools
                # "... warrant evaluation in cohorts treated with decitabine": future work resists nothing
                and not _FUTURE_WORK_BEFORE.search(
                    doc.text, max(f.span.start, doc.entities[i].start - 90), doc.entities[i].start
                )
            ):
                for c in _drug_concepts(doc.entities[i]):
                    if c.name not in {r.name for r in resisted} and not _never_resisted(c.name):
                        resisted.append(c)
    specific = [c for c in resisted if c.name != CHEMOTHERAPY.name] or [
        c for c in _unit_drugs(doc, facts) if c.name not in tools
    ]
    # drugs the unit's vesicles carry ("5-Fu-loaded exosomes"): the vesicles deliver them, they resist nothing
    payloads = {
        c.name
        for f in facts
        for i, r in f.roles.items()
        if "payload" in r and "resisted" not in r and doc.entities[i].label in DRUG_LABELS
        for c in _drug_concepts(doc.entities[i])
    }
    chemo_unit = any(_affirmed_chemo(doc.span_text(f.span)) for f in facts)

    _resolve_anaphoric_cues(facts)
    pairs: list[_Pair] = []
    last_cargo: list[tuple[int, int]] = []  # (entity index, sentence index) of the cargo named last
    last_drugs: tuple[list[Concept], int] = ([], -1)  # the drugs a sentence named for its statement, and where
    for f in facts:
        cargo = [
            i
            for i in f.entities
            if _is_cargo(doc, f, i, context)
            # "..., whereas miR-17-5p did not differ": a cargo whose own predicate is negated states nothing
            and not _NO_DIFFERENCE.match(doc.text[doc.entities[i].end : doc.entities[i].end + 160])
            # "miR-652-3p, but not exosomal PD-L1, predicts ...": the contrasted item is denied what is stated
            and not _DENIED_ITEM_BEFORE.search(
                doc.text, max(f.span.start, doc.entities[i].start - 40), doc.entities[i].start
            )
            and not _contribution_untold(doc, f, i)
        ]
        cargo = _singled_out(doc, f, cargo)
        if not f.cues:
            if cargo:
                last_cargo = [(i, f.index) for i in cargo]
            continue
        text = doc.span_text(f.span)
        vesicles = [i for i in f.entities if doc.entities[i].label == "VESICLE"]
        vehicle_only = bool(vesicles) and all("vehicle" in f.roles.get(v, set()) for v in vesicles)
        cargo_sources: list[tuple[int | None, int, float]] = []  # entity (None: "EV"), sentence, weight
        if cargo:
            cargo_sources = [(i, f.index, 1.0) for i in cargo]
        else:
            causal = [c for c in f.cues if c.effect != "associated"]
            if (
                causal
                and _vesicles_in_cue_clause(doc, f, causal)
                and not vehicle_only
                and not context.vehicles
                and not _vesicles_denied(doc, f)  # "... does not appear to act through exosomal transfer"
                and not _vesicle_clauses_diagnose(doc, f)  # "..., and its serum exosomal level discriminates ..."
            ):
                cargo_sources = [(None, f.index, 0.8)]  # "exosomes from resistant cells transferred resistance"
            # "it", "these exosomes", "this miRNA"; "recipient cells became less sensitive": the vesicles' cells
            if last_cargo and (
                _ANAPHOR.search(text) or _RECIPIENT_CELLS.search(text) or any(c.anaphoric for c in f.cues)
            ):
                # not a cargo this sentence says its effect was not told apart for ("These exosomes reduced ...,
                # but the experiments did not distinguish the contribution of PCAT1 from that of other cargo")
                untold = {doc.entities[i].name for i in f.entities if _contribution_untold(doc, f, i)}
                cargo_sources += [(i, s, 0.75) for i, s in last_cargo if doc.entities[i].name not in untold]
        if not cargo_sources:
            continue
        tools_here = _tool_names(doc, f)
        drugs_here = [
            i
            for i in f.entities
            if doc.entities[i].label in DRUG_LABELS
            and ("payload" not in f.roles.get(i, set()) or "resisted" in f.roles.get(i, set()))
            # "exosomes from gefitinib-treated cells": the donors' drug; "chemotherapy-naive patients": none
            and not f.roles.get(i, set()) & _NOT_RESISTED
            and not _never_resisted(doc.entities[i].name)  # folinic acid beside 5-fluorouracil, an antibiotic
            and doc.entities[i].name not in tools_here
            and doc.entities[i].name not in tools  # "SFX ... as an inhibitor of sEV secretion", then "SFX also ..."
            and not _apposed_class(doc, i)
            # "..., but whether they help to choose between docetaxel and other therapies is unknown": asked only
            and not _open_whether_clause(text, doc.entities[i].start - f.span.start)
            # "..., while the same exosomes had no effect on the response to X": a negated clause with no statement
            and not (_negated_mention(doc, f, i) and not _cue_in_clause(doc, f, i))
            # "... abolished the gain in cetuximab sensitivity without altering cisplatin resistance"
            and not _NEGATED_JUST_BEFORE.search(
                doc.text, max(f.span.start, doc.entities[i].start - 30), doc.entities[i].start
            )
            # "... and warrant evaluation in cohorts treated with decitabine": future work, no drug of the finding
            and not _FUTURE_WORK_BEFORE.search(
                doc.text, max(f.span.start, doc.entities[i].start - 90), doc.entities[i].start
            )
        ]
        drugs_here = _in_cue_clauses(doc, f, drugs_here)
        # "Exosomes from cisplatin-resistant cells made recipient cells more responsive to cetuximab": the donors'
        # drug names them; the statement's drug is the other named drug (not a class, which may be the donors')
        donors_drug = [i for i in drugs_here if _names_donors(doc, f, i)]
        if donors_drug and any(doc.entities[i].label == "DRUG" for i in drugs_here if i not in donors_drug):
            named = {c.name for i in drugs_here if i not in donors_drug for c in _drug_concepts(doc.entities[i])}
            drugs_here = [i for i in drugs_here if i not in donors_drug or _names(doc, i) <= named]
        # a sentence whose every cue refers back ("abolished this effect") takes the drugs of the statement it refers
        # to
        refers_back = bool(last_drugs[0] and f.cues) and all(c.anaphoric for c in f.cues)
        if refers_back:
            # "This sensitisation tracked with miR-107, ... enriched in CAL27/CDDP exosomes": a subline's drug names
            # the donors, not the statement's
            drugs_here = [i for i in drugs_here if not f.role_rules.get(i, set()) <= _SUBLINE_DRUG_RULES]
        resisted_here = [i for i in drugs_here if "resisted" in f.roles.get(i, set())]
        resisted_here += [i for i in drugs_here if i not in resisted_here and _coordinated(doc, i, resisted_here)]
        drug_sources: list[tuple[Concept, int, float, int | None]] = []  # concept, offset, weight, sentence
        sentence = f.span
        for i in resisted_here or drugs_here:
            for concept in _drug_concepts(doc.entities[i]):
                if (
                    concept.name == CHEMOTHERAPY.name
                    and _DRUG_BASED.search(doc.text, max(0, doc.entities[i].start - 14), doc.entities[i].start)
                    and any(
                        doc.entities[j].label == "DRUG"
                        and doc.entities[j].end <= doc.entities[i].start <= doc.entities[j].end + 12
                        for j in drugs_here
                    )
                ):
                    continue  # "DDP-based chemotherapy": the named drug's regimen, not every drug of the study
                if concept.name == CHEMOTHERAPY.name and specific:  # "chemoresistance" of a study naming its drugs
                    drug_sources += [(c, doc.entities[i].start, 0.9, _first_sentence(doc, facts, c)) for c in specific]
                else:
                    drug_sources.append((concept, doc.entities[i].start, 1.0, None))
        if not drug_sources and _RADIATION.search(text):
            pass  # "increased the survival of cells after 2-8 Gy of ionising radiation": the radiation's response
        elif not drug_sources and all(_CELL_FATE_END.search(doc.text, c.start, c.end) for c in f.cues):
            pass  # "promoted the proliferation of endothelial cells", "promoted cell death": no drug's effect
        elif not drug_sources and any(
            doc.entities[i].label in DRUG_LABELS and _ANTI_INFECTIVE.fullmatch(doc.entities[i].name) for i in f.entities
        ):
            pass  # "may spread carbapenem resistance": a microbe's resistance to an anti-infective, no cancer drug's
        elif not drug_sources and _states_prognosis(doc, f):
            pass  # "patients with high exosomal CRNDE had shorter recurrence-free survival": a prognosis, no response
        elif not drug_sources and _GENERIC_VESICLES.match(text):
            pass  # "MVs can interact with surrounding cells to favor tumor resistance": what vesicles can do in general
        elif not drug_sources and _growth_only(doc, f):
            pass  # "These results uncover a circuit that sustains ccRCC growth": the cells' growth, no drug's response
        elif not drug_sources and _other_phenotype(doc, f):
            pass  # "reduced their cytotoxicity" of NK cells, "more metastatic foci, an effect abolished by": no drug's
        elif not drug_sources:
            if refers_back:
                # "Treating donors with an anti-miR-9-5p oligonucleotide abolished this effect": the effect's drugs
                drug_sources = [(c, sentence.end, 0.8, last_drugs[1]) for c in last_drugs[0]]
            elif resisted:
                drug_sources = [(c, sentence.end, 0.8, _first_sentence(doc, facts, c)) for c in resisted]
            elif specific and (_CHEMO.search(text) or _DRUG_ANAPHOR.search(text)):  # "resistance to this drug"
                drug_sources = [(c, sentence.end, 0.7, _first_sentence(doc, facts, c)) for c in specific]
            elif _CHEMO.search(text) or _MULTIDRUG.search(text) or (chemo_unit and f.cues):
                # "confer a multidrug-resistance phenotype": chemotherapy, the cargo's own drugs where the unit
                # pairs it with some (subsume)
                chemo = _CHEMO.search(text) or _MULTIDRUG.search(text)
                drug_sources = [(CHEMOTHERAPY, sentence.start, 0.7 if chemo else 0.5, None)]
        clause_of = _clauses(doc, f)
        respective = _respective_pairs(doc, f, text, cargo_sources, drug_sources)
        for ci, cs, cw in cargo_sources:
            if ci is None:
                # "..., an effect abolished after sEV depletion": a loss of the vesicles that undid the statement
                # before it confirms it
                undone = _EFFECT_UNDONE.search(text)
                concepts, c_offset, inverted = (
                    [EV],
                    (doc.entities[vesicles[0]].start if vesicles else sentence.start),
                    any(
                        "inverted" in f.roles.get(v, set())
                        and not (undone and doc.entities[v].start >= sentence.start + undone.end())
                        for v in vesicles
                    ),
                )
            else:
                e = doc.entities[ci]
                concepts, c_offset = _concepts(e), e.start if cs == f.index else sentence.start
                inverted = cs == f.index and ("inverted" in f.roles.get(ci, set()) or e.reagent in _INVERTING)
                if inverted and (undone := _EFFECT_UNDONE.search(text)) and e.start >= sentence.start + undone.end():
                    inverted = False  # "..., an effect blocked when survivin was silenced": the loss confirms it
                if cs != f.index:
                    inverted = any("inverted" in f.roles.get(v, set()) for v in vesicles)
            # an earlier sentence's cargo knocked down in this one ("when GAS5 was silenced in the donor cells, their
            # exosomes rendered cells less responsive", "a miR-155 antagomir abolished the effect")
            knocked = (
                [
                    doc.entities[j].start
                    for j in f.entities
                    if doc.entities[j].name == e.name and "inverted" in f.roles.get(j, set())
                ]
                if ci is not None and cs != f.index
                else [
                    # "miR-4680-3p was responsible ..., because an antagomir against it abrogated the protection"
                    f.span.start + m.start()
                    for m in _INVERTER_OF_IT.finditer(text)
                    if ci is not None and f.span.start + m.start() > doc.entities[ci].end
                ][:1]
            )
            for drug, d_offset, dw, d_sentence in drug_sources:
                if ci is None and drug.name in payloads:
                    continue
                if respective and ci is not None and (doc.entities[ci].name, d_offset) not in respective:
                    continue  # "deliver DNM3OS and UCA1 ... protect them from carboplatin and paclitaxel, respectively"
                # the cues of the cargo's own clause first ("miR-125b was higher in refractory patients, whereas
                # miR-99a predicted refractoriness to R-CHOP": the level, not the prediction, is miR-125b's)
                own = [c for c in f.cues if cs == f.index and clause_of(c.start) == clause_of(c_offset)]
                if (
                    own
                    and d_sentence is None
                    and clause_of(d_offset) > clause_of(c_offset)
                    and _pronoun_clause(doc, f, clause_of, d_offset, cargo_sources, ci)
                ):
                    # "miR-21 increased resistance to cisplatin, while it sensitised cells to paclitaxel": the
                    # pronoun's clause is the cargo's too, and its drug takes that clause's cue
                    own = [c for c in f.cues if clause_of(c.start) == clause_of(d_offset)]
                elif own and _other_clause_drug(f, clause_of, c_offset, d_offset, d_sentence, drug_sources):
                    continue
                cue = _nearest(own or f.cues, c_offset, d_offset)
                if (inverted and ci is not None and cs == f.index) or knocked:
                    # "..., and antagomir-mediated depletion of miR-483-3p reversed the effect": a knocked-down cargo
                    # is the subject of the verb after it, however near the drug another cue stands
                    start = knocked[0] if knocked else c_offset
                    after = [c for c in own or f.cues if c.start > start]
                    cue = min(after, key=lambda c: c.start) if after else cue
                if ci is not None and _other_mention_states(doc, f, ci, cs, cargo, cue):
                    continue
                if ci is not None and cs == f.index and _own_coordinate_clause(doc, f, c_offset, cue, cargo):
                    continue  # "... a mediator of gefitinib resistance, and miR-200c-3p may help to identify ..."
                # a knock-down in another clause ("..., whereas exosomes from X-depleted cells had no effect")
                # turns no statement of this one
                turned = inverted and (ci is None or cs != f.index or _same_clause(doc, f, c_offset, cue))
                if turned and ci is not None and cs == f.index:
                    # "Loss of exosomal miR-145-5p ... and its restoration as a route to resensitisation": undone
                    turned = not _ITS_RESTORATION.search(doc.text, doc.entities[ci].end, cue.start)
                turned = turned or (bool(knocked) and not inverted and _same_clause(doc, f, knocked[0], cue))
                effect = FLIP.get(cue.effect, cue.effect) if turned else cue.effect
                if ci is not None and not inverted and _restored_target(doc, f, cue, clause_of, ci):
                    # "miR-155 suppressed DCK, and ectopic DCK reversed the resistance": the cargo confers it
                    effect = FLIP.get(effect, effect)
                if ci is not None and not turned and _cargo_inhibited_before(doc, f, ci, cargo, cue, clause_of):
                    # "Exosomal FABP4 was required ..., and the FABP4 inhibitor BMS309403 restored carboplatin-induced
                    # apoptosis": what inhibiting the cargo undid, the cargo did
                    effect = FLIP.get(effect, effect)
                if ci is None and not turned and _tool_as_subject(doc, f, cue, tools):
                    # "GW4869 abrogated the exosome-mediated protection from ibrutinib": what blocking the vesicles
                    # undid, the vesicles did
                    effect = FLIP.get(effect, effect)
                sentences = tuple(sorted({f.index, cs, *([d_sentence] if d_sentence is not None else [])}))
                for concept in concepts:
                    confidence = round(cue.confidence * cw * dw, 3)
                    pairs.append(_Pair(concept, drug, effect, confidence, cue.rule, sentences, d_sentence is not None))
        if cargo:
            last_cargo = [(i, f.index) for i in cargo]
        own_drugs = [d for d, _, _, elsewhere in drug_sources if elsewhere is None]
        if own_drugs and cargo_sources:
            last_drugs = (own_drugs, f.index)
    pairs += _unit_pairs(doc, facts, pairs, resisted, context)
    return _assemble(doc, unit, facts, subsume(pairs), spans)


def _contribution_untold(doc: Document, f: SentenceFacts, i: int) -> bool:
    """The sentence says what the mention contributed was not told apart ("... but the experiments did not
    distinguish the contribution of PCAT1 from that of other cargo"): the vesicles' effect is not its own."""
    start = doc.entities[i].start
    return bool(_CONTRIBUTION_UNDISTINGUISHED_BEFORE.search(doc.text, max(f.span.start, start - 90), start))


def _cargo_inhibited_before(
    doc: Document, f: SentenceFacts, ci: int, cargo: list[int], cue: Cue, clause_of: Callable[[int], int]
) -> bool:
    """The cargo's name again, as what a drug or reagent inhibits ("the FABP4 inhibitor BMS309403", "an anti-X
    antibody"), between the cargo and the cue and as the cue's subject: the cue says what inhibiting it undid."""
    name, end = doc.entities[ci].name, doc.entities[ci].end
    for j in f.entities:
        e = doc.entities[j]
        if j in cargo or e.name != name or not end < e.start < cue.start or "inverted" not in f.roles.get(j, set()):
            continue
        if clause_of(e.start) in (clause_of(cue.start), clause_of(cue.end - 1)) and not any(
            e.end <= c.start < cue.start for c in f.cues
        ):
            return True
    return False


def _tool_as_subject(doc: Document, f: SentenceFacts, cue: Cue, tools: set[str]) -> bool:
    """A drug that blocks the vesicles (GW4869 and its kind, a tool of the unit, or one named a tool in this
    sentence) is the subject of the cue ("GW4869 reduced the exosome-mediated cisplatin resistance"): the cue says what blocking them undid."""
    if _VESICLE_BLOCKER_BEFORE.search(doc.text, max(f.span.start, cue.start - 60), cue.start):
        return True
    for i in f.entities:
        e = doc.entities[i]
        if e.label not in DRUG_LABELS or e.end > cue.start:
            continue
        if not (e.name in tools or "tool" in f.roles.get(i, set())):
            continue
        if _DRUG_AS_SUBJECT.fullmatch(doc.text, e.end, cue.start):
            return True
    return False


def _restored_target(doc: Document, f: SentenceFacts, cue: Cue, clause_of: Callable[[int], int], ci: int) -> bool:
    """A gene restored in the cue's clause, not the cargo ("..., and ectopic DCK largely reversed the resistance",
    "restoring FOXO1 expression abrogated the resistance"): the cue says what the target's loss did, so the cargo
    that represses it has the opposite effect."""
    here = clause_of(cue.start)
    return any(
        "restored" in f.roles.get(i, set())
        and clause_of(doc.entities[i].start) == here
        and doc.entities[i].start < cue.start
        and doc.entities[i].name != doc.entities[ci].name
        for i in f.entities
    )


def _names_donors(doc: Document, f: SentenceFacts, i: int) -> bool:
    """A drug mention inside "exosomes from <drug>-resistant cells": it names the cells the vesicles came from."""
    e = doc.entities[i]
    lo = max(f.span.start, e.start - 50)
    return any(
        lo + m.start() <= e.start < lo + m.end()
        for m in _DONOR_SUBLINE_DRUG.finditer(doc.text[lo : min(f.span.end, e.end + 12)])
    )


def _other_clause_drug(
    f: SentenceFacts,
    clause_of: Callable[[int], int],
    c_offset: int,
    d_offset: int,
    d_sentence: int | None,
    drug_sources: list[tuple[Concept, int, float, int | None]],
) -> bool:
    """A drug named in another clause of the sentence, with a cue of its own there, when the cargo's clause names
    its own drug ("miR-21 reduced the sensitivity to carboplatin and paclitaxel, whereas miR-29a-3p increased
    paclitaxel-induced apoptosis": carboplatin is not miR-29a-3p's drug)."""
    here = clause_of(c_offset)
    if d_sentence is not None or clause_of(d_offset) == here:
        return False
    return any(clause_of(c.start) == clause_of(d_offset) for c in f.cues) and any(
        clause_of(offset) == here for _, offset, _, other in drug_sources if other is None
    )


def _pronoun_clause(
    doc: Document,
    f: SentenceFacts,
    clause_of: Callable[[int], int],
    offset: int,
    cargo_sources: list[tuple[int | None, int, float]],
    ci: int | None,
) -> bool:
    """The clause at ``offset`` opens with "it" or "they" as its subject (", while it sensitised ...", "but they
    also ..."), with a cue of its own, and ``ci`` is the first cargo of the sentence: the pronoun's antecedent."""
    here = clause_of(offset)
    starts = [f.span.start + m.end() for m in _clause_break_re().finditer(doc.span_text(f.span))]
    opening = next((s for s in starts if clause_of(s) == here), None)
    pronoun = _PRONOUN_SUBJECT.match(doc.text, opening, f.span.end) if opening is not None else None
    if pronoun is None or not any(clause_of(c.start) == here for c in f.cues):
        return False
    if pronoun.group("pronoun") == "they":
        return True  # "they": every cargo of the clauses before
    own = [c for c, cs, _ in cargo_sources if cs == f.index]
    first = min(own, key=lambda i: doc.entities[i].start if i is not None else f.span.end, default=None)
    return first == ci


def _resolve_anaphoric_cues(facts: list[SentenceFacts]) -> None:
    """ "Exosomes from CAFs induced gemcitabine resistance. Silencing miR-106b abrogated this effect": the second
    cue's effect is the first's, turned round by "abrogated" (and turned again by the silencing, as any cue is); an
    anaphoric cue with no statement before it says nothing."""
    last: str | None = None
    for f in facts:
        resolved = []
        for c in f.cues:
            if c.anaphoric is None:
                resolved.append(c)
                if c.effect in FLIP:
                    last = c.effect
            elif last is not None:
                resolved.append(replace(c, effect=last if c.anaphoric == "keep" else FLIP[last]))
        f.cues = resolved


def subsume(pairs: list[_Pair]) -> list[_Pair]:
    """Drop the pairs a more specific pair of the same unit states already: a drug class ("chemotherapy",
    "TKIs") for a cargo that is paired with a named drug, and the vesicles themselves ("EV") for a drug that a
    named cargo is paired with ("exosomal miRNAs ... in cisplatin resistance" beside "exosomal miR-155 ...
    cisplatin resistance") unless the vesicles' own statement is direct and strong ("macrophage-derived
    exosomes promoted doxorubicin resistance"); but a class the statement names itself outranks the named drugs
    of another sentence, which go."""
    named_drugs = {(p.cargo.name, p.effect) for p in pairs if p.drug.type == "DRUG"}
    own_drugs = {(p.cargo.name, p.effect) for p in pairs if p.drug.type == "DRUG" and not p.borrowed}
    # a class the statement names itself ("discriminated platinum-resistant from platinum-sensitive disease"),
    # where the named drugs are only another sentence's ("patients who received carboplatin and paclitaxel")
    own_classes = {
        (p.cargo.name, p.effect)
        for p in pairs
        if p.drug.type != "DRUG" and p.drug.name != CHEMOTHERAPY.name and not p.borrowed
    } - own_drugs
    other_drugs = {(p.cargo.name, p.effect) for p in pairs if p.drug.name != CHEMOTHERAPY.name}
    drugs_of_cargo = {p.drug.name for p in pairs if p.cargo.name != EV.name}
    named_of_cargo: dict[str, list[Concept]] = {}
    for p in pairs:
        if p.drug.type == "DRUG" and p.drug not in named_of_cargo.setdefault(p.cargo.name, []):
            named_of_cargo[p.cargo.name].append(p.drug)
    # a miRNA cluster ("the miR-17-92 cluster") beside members of it the unit names ("miR-19b-3p and miR-92a-3p")
    members = {p.cargo.name for p in pairs if p.cargo.type == "miRNA" and not p.cargo.name.endswith(" cluster")}
    out: list[_Pair] = []
    for p in pairs:
        if p.cargo.name.endswith(" cluster") and members:
            continue  # ... the members are the cargo
        # ... of the same statement: "associated with poor response to EGFR-TKIs" beside "conferred gefitinib
        # resistance" is a prediction of its own
        key = (p.cargo.name, p.effect)
        if p.drug.type != "DRUG" and key in named_drugs and key not in own_classes:
            continue
        if p.drug.type == "DRUG" and p.borrowed and key in own_classes:
            continue
        if p.drug.name == CHEMOTHERAPY.name and (p.cargo.name, p.effect) in other_drugs:
            continue
        if p.drug.name == CHEMOTHERAPY.name and named_of_cargo.get(p.cargo.name):
            # ... and "chemoresistance" where the unit names the cargo's drugs under another statement: those drugs
            out.extend(replace(p, drug=d, borrowed=True) for d in named_of_cargo[p.cargo.name])
            continue
        if (
            p.cargo.name == EV.name
            and p.confidence < _DIRECT_EV
            and (p.borrowed or p.effect not in ("confers_resistance", "sensitizes"))
            and (p.drug.name in drugs_of_cargo or (p.borrowed and bool(drugs_of_cargo)))
        ):
            continue  # ... or a drug of another sentence ("... as predictors of this outcome") beside a named cargo
        out.append(p)
    return out


def _unit_pairs(
    doc: Document,
    facts: list[SentenceFacts],
    pairs: list[_Pair],
    resisted: list[Concept],
    context: _CargoContext,
) -> list[_Pair]:
    """A unit is one study: a cargo it names in a sentence without a cue ("... secreted exosomal miR-222 and
    miR-221. This ... induced tamoxifen resistance") takes the unit's main statement, at a lower confidence."""
    # a cue in a sentence that names neither vesicles nor a molecule ("drug resistance is one of the main factors
    # limiting the efficacy of chemotherapy") speaks of the disease, not of a cargo
    cues = [
        (c, f)
        for f in facts
        for c in f.cues
        if (f.vesicle_words or _names_a_molecule(doc, f))
        and not _radiation_only(doc, f)
        and not ((_other_phenotype(doc, f) or _growth_only(doc, f)) and not _names_drug(doc, f))
        and not _states_prognosis(doc, f)  # "high exosomal X was associated with recurrence after gastrectomy"
        and not _VESICLE_FREE.search(doc.span_text(f.span))  # "in the vesicle-free fraction, higher X predicted"
    ]
    if not cues or not resisted:
        return []
    if pairs:  # the unit's statement is its best pair ("exosomes ... inhibited the cisplatin sensitivity")
        main = max(pairs, key=lambda p: p.confidence + EFFECT_BONUS.get(p.effect, 0))
        statement = (main.effect, main.rule, min(1.0, main.confidence / 0.8), main.sentences[-1])
    else:  # else its strongest cue
        cue, cue_facts = max(cues, key=lambda cf: cf[0].confidence + EFFECT_BONUS.get(cf[0].effect, 0))
        statement = (cue.effect, cue.rule, cue.confidence, cue_facts.index)
    effect_of_unit, rule, confidence, where = statement
    paired = {p.cargo.name for p in pairs}
    named_cargo = any(p.cargo.name != EV.name for p in pairs)
    in_vesicles = {doc.entities[i].name for g in facts for i, r in g.roles.items() if "cargo" in r}
    # a cargo the unit denies any relation to the outcome ("correlated with disease stage, but not with response")
    # (a test that "did not distinguish" responders at one time point denies nothing of the next)
    denied = {
        doc.entities[i].name
        for g in facts
        if any(not m.group(0).lower().startswith("d") for m in _OUTCOME_DENIED.finditer(doc.span_text(g.span)))
        for i in g.entities
    }
    # ... or one whose own predicate denies a difference ("Exosomal miR-155, by contrast, did not differ between
    # responders and non-responders", "Exo-R and Exo-P contained similar amounts of P-glycoprotein")
    denied |= {
        doc.entities[i].name
        for g in facts
        for i in g.entities
        if _NO_DIFFERENCE.match(doc.text[doc.entities[i].end : doc.entities[i].end + 160])
        or _SIMILAR_AMOUNTS_BEFORE.search(doc.text, max(0, doc.entities[i].start - 40), doc.entities[i].start)
        # "Transfection of miR-222-3p mimics failed to alter DDP sensitivity, but ...": it changed nothing
        or _UNCHANGED_AFTER_MENTION.match(doc.text[doc.entities[i].end : doc.entities[i].end + 120])
        # "miR-652-3p, but not exosomal PD-L1, predicts ...": the contrasted item
        or _DENIED_ITEM_BEFORE.search(doc.text, max(g.span.start, doc.entities[i].start - 40), doc.entities[i].start)
        or _contribution_untold(doc, g, i)
    }
    # ... or one a sentence with no cue says changed nothing ("H19 was also enriched in CAF exosomes, but its
    # knock-down in CAFs did not change drug response")
    denied |= {
        doc.entities[i].name
        for g in facts
        if not g.cues and _RESPONSE_UNCHANGED.search(doc.span_text(g.span))
        for i in g.entities
    }
    out: list[_Pair] = []
    for f in facts:
        if f.index != where and (
            _states_prognosis(doc, f)
            or _diagnoses(doc, f)
            or _OUTCOME_DENIED.search(doc.span_text(f.span))
            or _OPEN_QUESTION.search(doc.span_text(f.span))
            # "Vesicles carrying miR-365 ... have each been studied in experimental models": earlier work's cargo
            or (_background(doc.span_text(f.span)) and not f.cues)
        ):
            # the cargo of a survival statement, of a diagnosis, of one "unrelated to treatment outcome" or of an
            # open question ("It is not yet known whether ... CD20-bearing exosomes also affects ...")
            continue
        if _in_design(doc, f.span):
            continue  # what the Methods measured is no cargo of the finding
        # a list that names the statement's own cargo among others is an inventory the statement chose from:
        # "identified seven ANXA members (ANXA2, ..., ANXA5, ANXA6, ...)" ... "ANXA5 and ANXA6 predicted"
        inventory = {i for run in _runs(doc, f) if {n for k in run for n in _names(doc, k)} & paired for i in run}
        for i in f.entities:
            if i in inventory:
                continue
            if not _is_cargo(doc, f, i, context) or doc.entities[i].name in denied:
                continue
            e = doc.entities[i]
            if e.name in _vesicle_markers():
                continue  # "exosomes were confirmed by the expression of HSP70 and CD63"
            if e.name.endswith((" cluster", " family")):
                continue  # "exosomes rich in miR-17-92 cluster miRNAs": the class the statement's cargo belongs to
            if named_cargo and e.name not in in_vesicles:
                continue  # beside the unit's cargo, an RNA no rule puts in vesicles is its partner (a sponged miRNA)
            if paired and e.name in context.acted_on:
                continue  # beside the unit's cargo, what it induces or targets ("induces PD-L1 in macrophages")
            if f.cues and _own_coordinate_clause(
                doc,
                f,
                e.start,
                _nearest(f.cues, e.start, e.start),
                [k for k in f.entities if "cargo" in f.roles.get(k, ())],
            ):
                continue  # "X may predict resistance to AIs, and EV DNA offers an additional source": its own clause
            inverted = "inverted" in f.roles.get(i, set()) or e.reagent in _INVERTING
            effect = FLIP.get(effect_of_unit, effect_of_unit) if inverted else effect_of_unit
            for concept in _concepts(e):
                if concept.name in paired:
                    continue
                for drug in resisted:
                    sentences = tuple(sorted({f.index, where}))
                    out.append(
                        _Pair(concept, drug, effect, round(confidence * 0.6, 3), "unit:" + rule, sentences, True)
                    )
    return out


_POSITIVE_VESICLES = frozenset(["cargo_positive_vesicles"])
# tools of the whole unit: drugs that block the vesicles, and drugs a sentence says were used to inhibit or probe
_UNIT_TOOL_RULES = frozenset(
    ["tool_vesicle_inhibitor", "tool_lowered_vesicles", "tool_used_to_probe", "tool_to_deplete", "tool_mimicked"]
)
_T = TypeVar("_T")
_PER_DOCUMENT: dict[str, tuple[Document, Any]] = {}


def _once_per_document(key: str, doc: Document, compute: Callable[[], _T]) -> _T:
    """``compute()`` for ``doc``, worked out once while the same document is read (the last document's value kept
    per key, no document held beyond the next)."""
    held = _PER_DOCUMENT.get(key)
    if held is not None and held[0] is doc:
        return held[1]  # type: ignore[no-any-return]
    value = compute()
    _PER_DOCUMENT[key] = (doc, value)
    return value


def _speaks_of_cancer(doc: Document) -> bool:
    """Whether the paper names a cancer anywhere (CANCER), or at least no microbe (MICROBE) and no other disease
    (OTHER_DISEASE): resistance in a paper on parasites, bacteria, sepsis or epilepsy that names no cancer is no
    cancer drug's; worked out once per document."""
    return _once_per_document(
        "cancer",
        doc,
        lambda: bool(_CANCER.search(doc.text)) or not (_MICROBE.search(doc.text) or _OTHER_DISEASE.search(doc.text)),
    )


def _radionuclide(doc: Document, i: int) -> bool:
    """A drug mention that names a radioactive isotope given as treatment ("radioiodine", "131I"): radiation, no
    drug (GUIDELINES)."""
    e = doc.entities[i]
    return e.label in DRUG_LABELS and bool(_RADIATION.regex.fullmatch(e.text))


def _no_vesicles(doc: Document, i: int) -> bool:
    """A VESICLE mention that names no vesicles (``names_no_vesicles``)."""
    e = doc.entities[i]
    return e.label == "VESICLE" and names_no_vesicles(doc.text, e.start, e.end)


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _respective_pairs(
    doc: Document,
    f: SentenceFacts,
    text: str,
    cargo_sources: list[tuple[int | None, int, float]],
    drug_sources: list[tuple[Concept, int, float, int | None]],
) -> set[tuple[str, int]] | None:
    """The (cargo name, drug offset) pairs a "respectively" sentence matches in order ("deliver DNM3OS and UCA1 ...
    and protect them from carboplatin and paclitaxel, respectively"), where "respectively" follows the list of drugs
    (not of targets or numbers) and the sentence names as many cargos as drugs (two or more); else None."""
    drug_ends = [doc.entities[i].end for i in f.entities if doc.entities[i].label in DRUG_LABELS]

    def after_drugs(at: int) -> bool:  # "... carboplatin and paclitaxel, respectively"
        before = [e for e in drug_ends if e <= at]
        return bool(before) and re.fullmatch(r"[\s,)\]]*", doc.text[max(before) : at]) is not None

    if not any(after_drugs(f.span.start + m.start()) for m in _RESPECTIVELY.finditer(text)):
        return None
    here = sorted(
        (ci for ci, cs, _ in cargo_sources if ci is not None and cs == f.index), key=lambda i: doc.entities[i].start
    )
    cargos = list(dict.fromkeys(doc.entities[i].name for i in here))
    drugs = sorted({offset for _, offset, _, elsewhere in drug_sources if elsewhere is None})
    if len(cargos) < 2 or len(cargos) != len(drugs):
        return None
    return set(zip(cargos, drugs, strict=True))


def _singled_out(doc: Document, f: SentenceFacts, cargo: list[int]) -> list[int]:
    """The cargo a sentence singles out with "only" before its cues ("Of the five miRNAs tested (...), all were
    abundant in M2-Exo, but only miR-155-5p inhibition abolished the resistance"), else ``cargo``."""
    only = [
        i
        for i in cargo
        if _ONLY_BEFORE.search(doc.text, max(f.span.start, doc.entities[i].start - 24), doc.entities[i].start)
    ]
    if not only or not f.cues:
        return cargo
    first = min(doc.entities[i].start for i in only)
    if any(c.start < first for c in f.cues):
        return cargo  # a cue before the singled-out mention states something of the others too
    names = {doc.entities[i].name for i in only}
    return [i for i in cargo if doc.entities[i].name in names or doc.entities[i].start > first]


def _vesicles_denied(doc: Document, f: SentenceFacts) -> bool:
    """Whether every mention of vesicles in the sentence follows a denial within 40 characters ("barely
    detectable in exosomes, and neither these exosomes nor ...", "does not appear to act through exosomal
    transfer", "rather than through effects on vesicle secretion"). Vesicles in a concessive opening clause
    ("Although circRNAs are often exported in exosomes, ...") are what the sentence concedes, not its finding:
    only the others count; a sentence on what a class of molecules is or can do ("Circular RNAs are ... and can be
    detected in exosomes") names none of the study's vesicles."""
    text = doc.span_text(f.span)
    if _GENERIC_CLASS.match(text) and not any(doc.entities[i].label in RNA_LABELS for i in f.entities):
        return True  # "Circular RNAs (circRNAs) are ... and can be detected in exosomes": what a class can do
    spans = _vesicle_spans(doc, f, text)
    concession = _CONCESSIVE_OPENING.match(text)
    if concession:
        spans = [(a, b) for a, b in spans if a >= concession.end()]
    if not spans:
        return False
    ends = dict(spans)
    # a denial holds for the vesicles coordinated after the denied ones ("barely detectable in exosomes secreted by
    # CRC cells or in plasma exosomes"); vesicles whose own predicate is denied ("exosomes from A549/DDP cells did
    # not change ...") are denied too
    denied_before = None
    for p in sorted(ends):
        near = (
            _NEGATION.search(_CLAUSE_CUT.split(text[max(0, p - 60) : p])[-1])
            or _VESICLES_DENIED.search(text, max(0, p - 40), p)
            or _VESICLES_NO_EFFECT.match(text[ends[p] : ends[p] + 120])
        )
        carried = denied_before is not None and not re.search(r"[,;:]", text[denied_before:p])
        if not (near or carried):
            return False
        denied_before = p
    return True


def _vesicle_spans(doc: Document, f: SentenceFacts, text: str) -> list[tuple[int, int]]:
    """Where the sentence (``text``) names vesicles, in its own offsets: vesicle words and VESICLE mentions."""
    return [m.span() for m in vesicle_words(text)] + [
        (doc.entities[i].start - f.span.start, doc.entities[i].end - f.span.start)
        for i in f.entities
        if doc.entities[i].label == "VESICLE"
    ]


def _clause_bounds(text: str, cut: re.Pattern[str], at: int) -> tuple[int, int]:
    """The start and end of the clause of ``text`` that offset ``at`` falls in, clauses cut where ``cut`` matches."""
    cuts = [0] + [m.start() for m in cut.finditer(text)] + [len(text)]
    return max(c for c in cuts if c <= at), min(c for c in cuts if c > at)


# vesicles of unmodified cells whose own predicate denies any effect ("exosomes from A549/DDP cells did not change
# ..."); not those of knocked-down cells, whose failure says the knocked-down cargo acts
_VESICLES_NO_EFFECT = re.compile(
    r"(?![^,;.]{0,80}?(?:silenc|knock|deplet|defici|inhibit|shRNA|siRNA|-null|KO\b|lacking))"
    r"[^,;.]{0,80}?\b(?:did|does|do)\s+not\s+(?:change|alter|affect|modify|influence|transfer|confer)\b"
)


def _blank_denied_items(window: str, cue_at: int) -> str:
    """``window`` with the items that "but not" denies blanked ("cytarabine-induced but not [daunorubicin-induced]
    apoptosis"), but for one whose denied word opens the cue at ``cue_at`` ("prognostic but not predictive of D")."""
    return _BUT_NOT_ITEM.sub(lambda b: b.group(0) if b.start() < cue_at < b.end() else _blank(b), window)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


_GENERIC_VESICLES = re.compile(
    r"\s*(?:\w+,\s+)?(?:EVs|sEVs|MVs|exosomes|microvesicles|vesicles|extracellular vesicles)\s+(?:can|could|may|might)\s",
    re.IGNORECASE,
)
_CONCESSIVE_OPENING = re.compile(r"(?:although|though|even though|while|whereas|despite)\b[^,;]*,", re.IGNORECASE)
# clauses of a sentence for what its vesicles serve: cut at ";", ":" and a comma before a conjunction
_COORDINATE_CLAUSE = re.compile(r"[;:]|,\s+(?:and|but|while|whereas)\b|\b(?:whereas|while|but|although|however)\b")


def _own_coordinate_clause(doc: Document, f: SentenceFacts, offset: int, cue: Cue, cargo: list[int]) -> bool:
    """Whether the mention at ``offset`` stands in a coordinate clause of its own (cut at ";" and ", and") that has
    a verb of its own, or in a contrast clause ("whereas", "while"), with no cue and no word referring back, apart
    from the cue's clause, which names a cargo of its own ("miR-3173-5p appears to be a mediator of gefitinib
    resistance, and miR-200c-3p may help to identify patients ...", "X predicts resistance to R-CHOP, whereas
    miR-6089 mainly reflects tumour burden")."""
    text = doc.span_text(f.span)
    here = _clause_bounds(text, _AND_CLAUSE, offset - f.span.start)
    there = _clause_bounds(text, _AND_CLAUSE, max(0, cue.start - f.span.start))
    if there == here:
        return False
    if not any(there[0] <= doc.entities[i].start - f.span.start < there[1] for i in cargo):
        return False  # the cue's clause names no cargo of its own ("..., and a combined score predicted ...")
    lo, hi = f.span.start + here[0], f.span.start + here[1]
    if any(lo <= c.start < hi for c in f.cues):
        return False
    # a clause that refers back ("..., and this was mediated by miR-21-5p") shares the other's statement
    contrast = bool(_CONTRAST_OPENS.match(text, here[0]))
    own_verb = contrast or bool(_OWN_VERB.search(text, here[0], here[1]))
    return own_verb and not _ANAPHOR.search(text, here[0], here[1])


_MODAL = re.compile(r"\b(?:may|might|could|can|would|will|should)\b")
_AND_CLAUSE = re.compile(r";|,\s+and\b|,?\s+(?=(?:whereas|while)\b)")
_OWN_VERB = re.compile(
    r"\b(?:may|might|could|can|will|would|should|was|were|is|are|has|have|had|did|does|do"
    # lexical verbs that open a clause's own predicate ("..., and EV DNA offers an additional source")
    r"|(?:offer|provide|represent|reflect|serve|show|appear|seem|remain|allow|enable|add|yield|give|constitute"
    r"|require|warrant|deserve|merit|permit|facilitate)(?:s|ed)?)\b"
)


def _diagnoses(doc: Document, f: SentenceFacts) -> bool:
    """A sentence that diagnoses (DIAGNOSIS: patients told from healthy people, a test's AUC) and names no drug."""
    return _diagnosis_text(doc, doc.span_text(f.span)) and not any(
        doc.entities[i].label in DRUG_LABELS for i in f.entities
    )


def _diagnosis_text(doc: Document, text: str) -> bool:
    """DIAGNOSIS in ``text``, also through a short form the paper defines ("higher in prostate cancer than in BPH",
    BPH defined as benign prostatic hyperplasia)."""
    if _DIAGNOSIS.search(text):
        return True
    return any(
        _DIAGNOSIS.search(long) and re.search(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", text)
        for short, long in _diagnosis_short_forms(doc).items()
    )


def _diagnosis_short_forms(doc: Document) -> dict[str, str]:
    """The short forms the paper defines (in its prose or glossary) whose long form diagnoses ("benign prostatic
    hyperplasia (BPH)"); worked out once per document."""

    def compute() -> dict[str, str]:
        return {short: long for short, long in _defined_short_forms(doc).items() if _DIAGNOSIS.search(long)}

    return _once_per_document("diagnosis_short_forms", doc, compute)


def _vesicle_clauses_diagnose(doc: Document, f: SentenceFacts) -> bool:
    """Whether every clause of the sentence that names vesicles diagnoses and names no drug and states nothing on
    one ("miR-4516 promotes docetaxel resistance, and its serum exosomal level discriminates prostate cancer from
    benign prostatic hyperplasia": the vesicles only measure it)."""
    text = doc.span_text(f.span)
    places = [a for a, _ in _vesicle_spans(doc, f, text)]
    if not places:
        return False
    for p in places:
        a, b = _clause_bounds(text, _COORDINATE_CLAUSE, p)
        if not _diagnosis_text(doc, text[a:b]):
            return False
        lo, hi = f.span.start + a, f.span.start + b
        if any(lo <= doc.entities[i].start < hi and doc.entities[i].label in DRUG_LABELS for i in f.entities):
            return False
        if any(lo <= c.start < hi for c in f.cues):
            return False
    return True


def _marker_only(doc: Document, facts: list[SentenceFacts]) -> set[str]:
    """The RNAs whose every sentence with vesicles is a diagnosis naming no drug (DIAGNOSIS), earlier work, an open
    question, a denial of the vesicles, or one whose vesicles stand only in a clause that diagnoses: the vesicles
    are where they were measured, or nothing, not what carries their effect on a drug."""
    seen: dict[str, bool] = {}
    scarce: set[str] = set()
    for f in facts:
        if not _names_vesicles(doc, f):
            continue
        text = doc.span_text(f.span)
        # no sentence on the vesicles' carrying it: a diagnosis or earlier work with no statement of its own, or
        # vesicles only denied
        diagnosis = (
            ((_diagnoses(doc, f) or _background(text) or _OPEN_QUESTION.search(text)) and not f.cues)
            or _vesicles_denied(doc, f)
            or _vesicle_clauses_diagnose(doc, f)
        )
        for i in f.entities:
            if doc.entities[i].label in RNA_LABELS:
                name = doc.entities[i].name
                # "depends on intracellular HOXA-AS3 rather than on vesicle-mediated transfer": the cell's own
                inside = _INTRACELLULAR_BEFORE.search(
                    doc.text, max(0, doc.entities[i].start - 24), doc.entities[i].start
                )
                seen[name] = seen.get(name, True) and (diagnosis or bool(inside))
                # "DANCR was barely detectable in exosomes": not carried ("exosomes of knock-down cells contained
                # little miR-182-5p" is a control's vesicles, no denial)
                if _SCARCE_AFTER.match(doc.text[doc.entities[i].end : doc.entities[i].end + 80]):
                    scarce.add(name)
    return {name for name, only in seen.items() if only} | scarce


def _other_phenotype(doc: Document, f: SentenceFacts) -> bool:
    """A sentence on metastasis, migration or immune cells (OTHER_PHENOTYPE) whose cues name an activity or effect
    and no word of resistance or sensitivity (GENERIC_SENSITIVITY): the activity is the cells', no drug's."""
    text = doc.span_text(f.span)
    if not _OTHER_PHENOTYPE.search(text):
        return False
    return all(  # the cue's words, or a one-verb cue's object ("blunt NK-cell cytotoxicity")
        _GENERIC_SENSITIVITY.search(doc.text, c.start, min(f.span.end, max(c.end, c.start + 40)))
        and not _RESISTANCE_WORD.search(doc.text, c.start, min(f.span.end, max(c.end, c.start + 40)))
        for c in f.cues
    )


def _growth_only(doc: Document, f: SentenceFacts) -> bool:
    """A sentence whose cues all name the cells' proliferation or growth and no word of resistance or sensitivity
    ("increased their proliferation", "sustains ccRCC growth"): growth, no drug's response."""
    text = doc.span_text(f.span)
    return (
        bool(f.cues)
        and not _RESISTANCE_WORD.search(text)
        and all(_GROWTH.search(doc.text, c.start, c.end) for c in f.cues)
    )


def _word_before(text: str, at: int) -> str:
    """The word right before offset ``at`` ("radioprotective" of "the radioprotective effect")."""
    m = re.search(r"(\S+)\s+$", text[max(0, at - 40) : at])
    return m.group(1) if m else ""


def _names_drug(doc: Document, f: SentenceFacts) -> bool:
    """Whether the sentence names a drug that is no tool of the experiment (nor the class of one), nor the drug the
    donor cells were exposed to."""
    return any(
        doc.entities[i].label in DRUG_LABELS
        and not _tool(doc, f, i)
        and not _apposed_class(doc, i)
        and not f.roles.get(i, set()) & _NOT_RESISTED  # "EVs from cisplatin-treated cells": the donors' drug
        for i in f.entities
    )


def _radiation_only(doc: Document, f: SentenceFacts) -> bool:
    """A sentence whose treatment is radiation, heat or light and that names no drug ("increased the survival of
    cells after 2-8 Gy"): its statement is the radiation's."""
    return bool(_RADIATION.search(doc.span_text(f.span))) and not any(
        doc.entities[i].label in DRUG_LABELS for i in f.entities
    )


def _names_a_molecule(doc: Document, f: SentenceFacts) -> bool:
    """The sentence names a molecule (not only a genotype: "MGMT promoter methylation may sensitise gliomas to
    temozolomide" speaks of the tumours) or refers back to one."""
    return any(
        doc.entities[i].label in _MOLECULE_LABELS
        and not (doc.entities[i].label == "GENE" and _GENOTYPE_AFTER.match(doc.text, doc.entities[i].end))
        for i in f.entities
    ) or bool(_ANAPHOR.search(doc.span_text(f.span)))


_MOLECULE_LABELS = frozenset(["MIRNA", "LNCRNA", "CIRCRNA", "NCRNA", "MRNA", "DNA", "GENE", "VESICLE"])


_CLAUSE_CUT = re.compile(r"[,;:()]|\b(?:whereas|while|but|although|however)\b", re.IGNORECASE)


def _cue_in_clause(doc: Document, f: SentenceFacts, i: int) -> bool:
    """A statement of the sentence stands in the clause of entity ``i``."""
    clause = _clauses(doc, f)
    here = clause(doc.entities[i].start)
    return any(here in (clause(c.start), clause(c.end - 1)) for c in f.cues)


def _affirmed_chemo(text: str) -> bool:
    """The sentence speaks of chemotherapy, not only to deny it ("None of the patients received adjuvant
    chemotherapy")."""
    return any(not _NEGATION.search(_CLAUSE_CUT.split(text[: m.start()])[-1]) for m in _CHEMO.finditer(text))


def _negated_mention(doc: Document, f: SentenceFacts, i: int) -> bool:
    """A drug named in a negated statement of its clause ("did not change the sensitivity of recipient cells to
    cisplatin or docetaxel"): no statement of the unit's other sentences is about it."""
    e = doc.entities[i]
    before = _WITHOUT_INSERT.sub(_blank, doc.text[max(f.span.start, e.start - 100) : e.start])  # "X, but not Y, did"
    if _NEGATION.search(_CLAUSE_CUT.split(before)[-1]) or _UNCHANGED_AFTER.match(doc.text[e.end : e.end + 80]):
        return True  # "did not change the sensitivity to X", "Sensitivity to X was unchanged"
    # an item of a list takes the denial of the list's first item ("to cisplatin, vincristine or lomustine")
    j = _drug_listed_before(doc, f, i)
    return j is not None and _negated_mention(doc, f, j)


def _other_mention_states(doc: Document, f: SentenceFacts, ci: int, cs: int, cargo: list[int], cue: Cue) -> bool:
    """Another mention of the same cargo stands in the cue's clause and this one does not ("miR-92a-3p targeted
    BTG2; when miR-92a-3p was inhibited, their exosomes no longer protected cells from DDP"), or stands nearer
    before the cue in the same clause: that mention, with what it says of the cargo (inhibited), is the
    statement's."""
    if cs != f.index:
        return False
    clause = _clauses(doc, f)  # the sentence's clauses worked out once, not once per mention
    stated = (clause(cue.start), clause(cue.end - 1))
    name = doc.entities[ci].name
    if clause(doc.entities[ci].start) in stated:
        # ... or stands between this one and the cue, nearer to it ("Exosome-delivered ANRIL raised HMGA2, and ANRIL
        # knockdown in donor cells abolished the transfer of resistance": the knocked-down mention's statement)
        start = doc.entities[ci].start
        return any(
            j != ci and doc.entities[j].name == name and start < doc.entities[j].start < cue.start for j in cargo
        )
    return any(j != ci and doc.entities[j].name == name and clause(doc.entities[j].start) in stated for j in cargo)


def _apposed_class(doc: Document, i: int) -> bool:
    """A drug class that names the class of the drug after it ("the EGFR-TKI gefitinib", "the TGFBR1 kinase
    inhibitor galunisertib"): the statement is about that drug."""
    e = doc.entities[i]
    if e.label != "DRUG_CLASS" or i + 1 >= len(doc.entities):
        return False
    after = doc.entities[i + 1]
    return after.label == "DRUG" and after.start >= e.end and not doc.text[e.end : after.start].strip()


def _tool_names(doc: Document, f: SentenceFacts) -> set[str]:
    """The names of the sentence's tools (``_tool``): a tool's name is a tool's wherever the sentence repeats it
    ("pre-treatment with O6-benzylguanine (O6-BG), ..., abolished the protective effect")."""
    return {doc.entities[j].name for j in f.entities if _tool(doc, f, j)}


def _tool(doc: Document, f: SentenceFacts, i: int) -> bool:
    """A drug named as the inhibitor of a molecule ("the P-gp inhibitor verapamil", "tariquidar, a P-gp
    inhibitor") that blocks the effect under study: a tool of the experiment, not a drug the cells resist; unless
    the paper states resistance or sensitivity to it somewhere ("the EGFR inhibitor gefitinib" in a paper on
    gefitinib resistance)."""
    if _ENZYME.search(doc.entities[i].text) or _BLOCKING_ANTIBODY.search(doc.entities[i].text):
        return True  # "DNase treatment of permeabilised EVs", "an anti-PD-L1 blocking antibody": a reagent
    roles = f.roles.get(i, set())
    if "tool" not in roles or doc.entities[i].name in _resisted_in(doc):
        return False
    if "resisted" not in roles:
        return True
    # both: the surer reading ("treated with ethidium bromide to deplete mtDNA": the purpose outweighs "treated")
    rules = load_engine().rules
    fired = [rules[r] for r in f.role_rules.get(i, set()) if r in rules]
    tool = max((r.confidence for r in fired if r.role == "tool"), default=0.0)
    return tool > max((r.confidence for r in fired if r.role == "resisted"), default=0.0)


def _resisted_in(doc: Document) -> frozenset[str]:
    """The names of the drugs whose resistance or sensitivity ``doc`` names anywhere ("gefitinib resistance",
    "sensitivity to cisplatin"); worked out once per document."""
    return _once_per_document(
        "resisted",
        doc,
        lambda: frozenset(
            e.name
            for e in doc.entities
            if e.label in DRUG_LABELS
            and (
                _RESPONSE_AFTER.match(doc.text, e.end)
                or _RESPONSE_BEFORE.search(doc.text[max(0, e.start - 80) : e.start])
            )
        ),
    )


def _unit_drugs(doc: Document, facts: list[SentenceFacts]) -> list[Concept]:
    """The specific drugs (no class, no payload, no tool) a unit names."""
    out: list[Concept] = []
    for f in facts:
        for i in f.entities:
            e = doc.entities[i]
            if (
                e.label == "DRUG"
                and "payload" not in f.roles.get(i, set())
                and not _tool(doc, f, i)
                and not _negated_mention(doc, f, i)
            ):
                for c in _drug_concepts(e):
                    if c.name not in {o.name for o in out} and not _never_resisted(c.name):
                        out.append(c)
    return out


def _first_sentence(doc: Document, facts: list[SentenceFacts], drug: Concept) -> int | None:
    for f in facts:
        for i in f.entities:
            e = doc.entities[i]
            if e.label in DRUG_LABELS and drug.name in (e.name or e.text, *e.other_names):
                return f.index
    return None


def _rank(p: _Pair) -> tuple[bool, float]:
    return (not p.borrowed, p.confidence + EFFECT_BONUS.get(p.effect, 0))


def _assemble(
    doc: Document, unit: StudyUnit, facts: list[SentenceFacts], pairs: list[_Pair], spans: list[Span]
) -> list[Assertion]:
    if not pairs:
        return []
    # per (cargo, drug): the best supported effect
    best: dict[tuple[str, str], _Pair] = {}
    support: dict[tuple[str, str], list[_Pair]] = defaultdict(list)
    for p in pairs:
        key = (p.cargo.name, p.drug.name)
        support[key].append(p)
        # a statement that names the drug itself outranks one that borrowed it from another sentence
        if key not in best or _rank(p) > _rank(best[key]):
            best[key] = p
    # per (cargo, effect): the drugs; then cargos with the same drugs, effect and evidence together
    grouped: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for key, p in best.items():
        grouped[(key[0], p.effect)].append(key)
    rows: dict[tuple[str, tuple[str, ...], tuple[int, ...]], list[str]] = {}
    info: dict[str, Concept] = {}
    for (cargo_name, effect), keys in grouped.items():
        drugs = tuple(k[1] for k in keys)
        sentences = tuple(
            sorted({s for k in keys for p in support[k] if p.effect == best[k].effect for s in p.sentences})
        )
        rows.setdefault((effect, drugs, sentences), []).append(cargo_name)
        for k in keys:
            info[k[0]] = best[k].cargo
            info["drug:" + k[1]] = best[k].drug
    donors, recipients = _cells(doc, facts)
    # a prediction or a difference measured in patients is of their blood or urine, whatever cells the unit's
    # experiments used ("plasma exosomes ... from 96 patients" ... "high exosomal miR-3173-5p predicted progression")
    fluids = [
        Concept(name=name, id=None, type="source")
        for name in _phrases([doc.span_text(f.span) for f in facts], _cell_phrase_patterns()["biofluid"])
    ]
    study_keys = [r.study_key for r in (doc.reference(n) for n in unit.refs) if r is not None and r.study_key]
    out = []
    for (effect, drugs, sentences), cargo_names in rows.items():
        clinical = effect == "predicts_resistance" or (
            effect == "associated" and any(_PATIENT_WORDS.search(doc.span_text(spans[s])) for s in sentences)
        )
        # ... unless its own sentences name the cells the vesicles came from ("T cell-derived exosomes in serum")
        named_here = {
            doc.entities[i].name
            for f in facts
            if f.index in sentences
            for i, roles in f.roles.items()
            if "donor" in roles and doc.entities[i].label in CELL_LABELS
        }
        donors_here = fluids if clinical and fluids and not named_here else donors
        used = [best[(c, d)] for c in cargo_names for d in drugs if (c, d) in best]
        targets = _targets(doc, facts, sentences, set(cargo_names))
        shown = sorted((spans[s] for s in sentences), key=lambda sp: sp.start)
        first, last = shown[0], max(shown, key=lambda sp: sp.end)
        out.append(
            Assertion(
                relation="transfers_resistance",
                effect=effect,  # type: ignore[arg-type]
                confidence=max(p.confidence for p in used),
                method="rules:" + ",".join(sorted({p.rule for p in used})),
                cargo=[info[c] for c in cargo_names],
                drugs=[info["drug:" + d] for d in drugs],
                target_genes=targets,
                donor_cells=donors_here,
                recipient_cells=[r for r in recipients if r.name not in {d.name for d in donors}],
                refs=unit.refs,
                study_keys=study_keys,
                provenance=Provenance(
                    doc_id=doc.doc_id,
                    source="text",
                    page=first.page,
                    start=first.start,
                    end=last.end,
                    evidence=" ".join(doc.span_text(sp) for sp in shown),
                ),
            )
        )
    return out


def _cells(doc: Document, facts: list[SentenceFacts]) -> tuple[list[Concept], list[Concept]]:
    """The unit's donor and recipient cells. A cell named in several sentences takes the role most of its
    mentions have (a tie: donor); a resistant subline written "A549/DDP" is a cell of its own beside "A549".
    Cells described in words ("GC cells") come in where no cell line or cell type has the role."""
    votes: dict[str, list[int]] = {}
    concepts: dict[str, Concept] = {}
    parents: dict[str, Concept] = {}  # the lines the unit's sublines were derived from ("PC9" of "PC9/OR")
    cell_starts = {doc.entities[i].start for f in facts for i in f.entities if doc.entities[i].label in CELL_LABELS}
    for f in facts:
        for i in f.entities:
            e = doc.entities[i]
            if e.label not in CELL_LABELS:
                continue
            roles = f.roles.get(i, set())
            if not roles & {"donor", "recipient"}:
                continue
            name = e.name or e.text
            sub = _SUBLINE.match(doc.text, e.end)
            if sub and e.end + 1 not in cell_starts:
                name = e.text + sub.group(0)
                parents.setdefault(e.name or e.text, Concept(name=e.name or e.text, id=e.id, type=e.label))
            concepts.setdefault(name, Concept(name=name, id=e.id, type=e.label))
            tally = votes.setdefault(name, [0, 0])
            tally[0 if "donor" in roles else 1] += 1
    donors = [concepts[n] for n, (d, r) in votes.items() if d >= r]
    recipients = [concepts[n] for n, (d, r) in votes.items() if r > d]
    described: dict[str, list[Concept]] = {"donor": [], "recipient": []}
    for f in facts:
        for name, roles in f.described.items():
            role = "donor" if "donor" in roles else "recipient" if "recipient" in roles else None
            if role and name.lower() not in {c.name.lower() for c in described[role]}:
                described[role].append(Concept(name=name, id=None, type="source"))
    if not donors:
        donors = _most_specific(described["donor"])[:3]
    if not recipients:
        taken = {d.name.lower() for d in donors}
        recipients = _most_specific([c for c in described["recipient"] if c.name.lower() not in taken])[:3]
    texts = [doc.span_text(f.span) for f in facts]
    patterns = _cell_phrase_patterns()
    if not donors:  # "exosomes from cisplatin-resistant cells", "serum exosomal miR-21"
        found = (
            _phrases(texts, patterns["resistant_donor"])
            or _phrases(texts, patterns["biofluid"])
            or _phrases(texts, patterns["patients"])  # "EVs derived from relapsed AML patients"
        )
        for name in found:
            donors.append(Concept(name=name, id=None, type="source"))
    if not recipients:  # "to sensitive cells", "parental MCF-7 cells" without a tagged cell line
        for name in _phrases(texts, patterns["recipient"]):
            if name not in {d.name for d in donors}:
                recipients.append(Concept(name=name, id=None, type="source"))
    # "exosomes from PC9/OR cells ... to parental cells": the parental cells are the lines the sublines came from
    if parents and any(c.type == "source" and _PARENTAL.match(c.name) for c in recipients):
        named = [p for p in parents.values() if p.name not in {c.name for c in recipients}]
        recipients = named + [c for c in recipients if not (c.type == "source" and _PARENTAL.match(c.name))]
    return donors, recipients


def _most_specific(cells: list[Concept]) -> list[Concept]:
    """Cells described by more than the words of others: "liver cancer cells", not "cancer cells" beside it; and
    not "tumor cells" (GENERICCELL words of the rule file only) beside "ovarian cancer cells"."""
    names = [c.name.lower() for c in cells]
    kept = [c for c in cells if not any(n.endswith(" " + c.name.lower()) for n in names)]
    generic = re.compile(
        r"^(?:(?:" + "|".join(load_engine().ruleset.word_classes.get("GENERICCELL", ["(?!)"])) + r")\s+)+cells$",
        re.IGNORECASE,
    )
    specific = [c for c in kept if not generic.match(c.name)]
    return specific or kept


# "A549/DDP", "MCF7/T", "SGC7901/5-FU", "HCC827-GR", "SKOV3-DDP": a resistant subline (not "A549-Exo",
# "Fibroblast-Derived")
_SUBLINE = re.compile(
    r"/(?=[\w-]*[A-Z])[A-Za-z0-9](?:[A-Za-z0-9]|-(?!(?i:exos?|evs?|sevs?|mvs?|cm|exosomes?|derived|secreted)\b)){0,9}\b"
    r"|-(?!(?i:exos?|evs?|sevs?|mvs?|cm|exosomes?)\b)(?![A-Z][a-z]+\b)(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{1,8}\b(?!-)",
    re.ASCII,
)


@cache
def _cell_phrase_patterns() -> dict[str, re.Pattern[str]]:
    """Donors and recipients a unit describes without a cell line or cell type: the word classes VESWORD,
    RESISTANT, BIOFLUID and RECIPADJ of the rules file put into three phrase patterns."""
    words = load_engine().ruleset.word_classes

    def alt(name: str) -> str:
        return "(?:" + "|".join(words.get(name, ["(?!)"])) + ")"

    ves, resistant, fluid, recip = alt("VESWORD"), alt("RESISTANT"), alt("BIOFLUID"), alt("RECIPADJ")
    return {
        "resistant_donor": re.compile(
            rf"\b{ves}\b[^.;]{{0,30}}?\b(?:from|of|by)\s+(?:the\s+)?((?:[\w/]+-)?{resistant}"
            rf"(?:\s+(?!(?:to|into|than|versus|vs|and|or)\b)[\w/-]+){{0,3}}?\s+cells)\b",
            re.IGNORECASE,
        ),
        "biofluid": re.compile(
            rf"\b({fluid})\b(?=(?:\s+[\w-]+){{0,3}}?\s+{ves}\b)"
            rf"|\b{ves}\b[^.;]{{0,30}}?\b(?:from|in|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?({fluid})\b",
            re.IGNORECASE,
        ),
        "patients": re.compile(
            rf"\b{ves}\b[^.;]{{0,30}}?\b(?:from|of|in)\s+(?:the\s+)?(?:[\w/+-]+\s+){{0,6}}?"
            rf"((?:(?!(?:and|or|both|the|of|with|from)\b)[\w/+-]+\s+){{1,3}}patients)\b",
            re.IGNORECASE,
        ),
        "recipient": re.compile(
            rf"\b((?:[\w/]+-)?{recip}(?:\s+[\w/-]+){{0,3}}?\s+cells)\b(?![\w-]*\s*-?\s*(?:derived|secreted|released))",
            re.IGNORECASE,
        ),
    }


def _phrases(texts: list[str], pattern: re.Pattern[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        for m in pattern.finditer(text):
            phrase = next((g for g in m.groups() if g), None)
            if phrase is None:
                continue
            phrase = re.sub(r"\s+", " ", phrase).strip()
            phrase = _FLUIDS.get(phrase.lower(), phrase)
            if phrase.lower() not in {o.lower() for o in out}:
                out.append(phrase)
    return out[:3]


_PATIENT_WORDS = re.compile(
    r"\b(?:patients?|cohorts?|responders?|non-?responders?|plasma|serum|sera|urine|blood)\b", re.I
)
_FLUIDS = {
    "serum": "serum",
    "plasma": "plasma",
    "blood": "blood",
    "urine": "urine",
    "urinary": "urine",
    "saliva": "saliva",
    "salivary": "saliva",
    "circulating": "blood",
    "circulation": "blood",
    "ascites": "ascites",
    "csf": "cerebrospinal fluid",
}


def _targets(doc: Document, facts: list[SentenceFacts], sentences: tuple[int, ...], cargo: set[str]) -> list[Concept]:
    """The targets named in the assertion's sentences and in any sentence of the unit that names its cargo
    ("circCABIN1 regulated the expression of OLFML3 by sponging miR-637")."""
    out: list[Concept] = []
    for f in facts:
        names_cargo = any(c.name in cargo for i in f.entities for c in _concepts(doc.entities[i]))
        if f.index not in sentences and not names_cargo:
            continue
        for i, roles in f.roles.items():
            if ("target" in roles and "cargo" not in roles) or (
                "target" in roles and doc.entities[i].label in RNA_LABELS
            ):
                for c in _concepts(doc.entities[i]):
                    if c.name not in cargo and c.name not in {t.name for t in out}:
                        out.append(c)
    return out
