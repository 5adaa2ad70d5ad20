"""The committed lexicons of ``models/lexicons/``, loaded lazily and looked up by a folded key.

Each surface form may name several entries (the HGNC alias "p27" names PSMD9 and SSSCA1, while papers mean
CDKN1B). Entries are ranked by how much a form can be trusted: the curated supplement first, then approved
symbols and labels, previous symbols, aliases, and long names. A form whose best rank names two different
canonical entries is ambiguous and is not resolved.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.errors import LexiconError

LEXICON_KINDS = ("genes", "gene_families", "mirnas", "drugs", "drug_classes", "cell_lines", "cell_types")
# Lexicons kept by hand in the supplement's format (no vocabulary to build them from).
CURATED_KINDS = frozenset(["drug_classes"])
RANK = {"curated": 0, "symbol": 1, "previous": 2, "alias": 3, "name": 4}

_GREEK_ASCII = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "ζ": "zeta",
    "η": "eta",
    "ι": "iota",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "θ": "theta",
    "ω": "omega",
    "ν": "nu",
    "ξ": "xi",
    "π": "pi",
    "ρ": "rho",
    "χ": "chi",
    "ψ": "psi",
    "σ": "sigma",
    "τ": "tau",
    "φ": "phi",
    "ϕ": "phi",
}


class Entry(NamedTuple):
    text: str
    canonical: str
    identifier: str
    category: str
    kind: str
    source: str

    @property
    def rank(self) -> int:
        return RANK.get(self.kind, 9)


def models_dir() -> Path:
    """``$EVMINER_MODELS`` if set, else ``models/`` beside the ``pipeline`` package."""
    env = os.environ.get("EVMINER_MODELS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "models"


@lru_cache(maxsize=262144)
def fold_key(text: str) -> str:
    """The lookup key: Greek spelled out, case and punctuation folded ("ER α" == "ERalpha" == "er-α")."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_GREEK_ASCII.get(c, c) for c in text.replace("Φ", "φ"))
    return re.sub(r"[^0-9a-z]+", "", text.lower())


class Lexicon:
    """Surface form -> entries, for one kind of entity.

    Entries are kept as their raw TSV lines grouped by fold key and parsed the first time a key is looked up:
    loading 350,000 names costs one pass over the files, not 350,000 objects.
    """

    def __init__(self, raw: dict[str, list[str]] | Mapping[str, str]) -> None:
        # values are lists of lines, or (the compiled form, read-only) the lines joined by RECORD_SEP
        self._raw: dict[str, list[str] | str] = raw  # type: ignore[assignment]
        self._parsed: dict[str, list[Entry]] = {}

    @classmethod
    def from_entries(cls, entries: list[Entry]) -> Lexicon:
        raw: dict[str, list[str]] = {}
        for e in entries:
            raw.setdefault(fold_key(e.text), []).append("\t".join(e))
        return cls(raw)

    def add(self, entries: list[Entry]) -> None:
        for e in entries:
            key = fold_key(e.text)
            self._raw[key] = [*self._lines(key), "\t".join(e)]
            self._parsed.pop(key, None)

    def _lines(self, key: str) -> list[str]:
        found = self._raw.get(key, ())
        return found.split(RECORD_SEP) if isinstance(found, str) else list(found)

    def compiled(self) -> dict[str, str]:
        """The lexicon as fold key -> its lines joined by RECORD_SEP (what ``marshal`` stores compactly)."""
        return {k: v if isinstance(v, str) else RECORD_SEP.join(v) for k, v in self._raw.items()}

    def __len__(self) -> int:
        return sum(len(self._lines(k)) for k in self._raw)

    def keys(self) -> set[str]:
        """The folded keys (a live view, for fast membership tests)."""
        return self._raw.keys()  # type: ignore[return-value]

    def _bucket(self, key: str) -> list[Entry]:
        found = self._parsed.get(key)
        if found is None:
            found = sorted((Entry(*line.split("\t")[:6]) for line in self._lines(key)), key=lambda e: e.rank)
            self._parsed[key] = found
        return found

    def exact(self, text: str) -> list[Entry]:
        """Entries whose surface form is exactly ``text`` (case-sensitive), best rank first."""
        return [e for e in self._bucket(fold_key(text)) if e.text == text]

    def folded(self, text: str) -> list[Entry]:
        """Entries whose folded surface form equals ``text``'s, best rank first."""
        return self._bucket(fold_key(text))

    def resolve(self, text: str, *, max_rank: int = 9, case_sensitive: bool = False) -> Entry | None:
        """The single best entry for ``text``, or None when absent or ambiguous at the best rank."""
        found = [e for e in (self.exact(text) or ([] if case_sensitive else self.folded(text))) if e.rank <= max_rank]
        if not found:
            return None
        best = found[0].rank
        top = {e.canonical for e in found if e.rank == best}
        if len(top) > 1:
            # Exact case wins a tie ("Era" alias of ESR1 vs a folded "ERA" alias of something else).
            exact = {e.canonical for e in found if e.rank == best and e.text == text}
            if len(exact) != 1:
                return None
            return next(e for e in found if e.rank == best and e.text == text)
        return found[0]


def _read_tsv(path: Path) -> dict[str, list[str]]:
    """A built lexicon file as fold key -> raw lines (the key is the last column)."""
    if not path.exists():
        raise LexiconError(path, "lexicon file is missing; run 'evminer build-lexicons --vocab ../shared/vocab'")
    raw: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header[:2] != ["text", "canonical"] or header[-1] != "key":
            raise LexiconError(path, f"unexpected header {header!r}; rebuild with 'evminer build-lexicons'")
        for line in fh:
            head, _, key = line.rstrip("\n").rpartition("\t")
            if head.count("\t") == 5:
                raw.setdefault(key, []).append(head)
    return raw


RECORD_SEP = "\x1e"
_KIND_SEP = "\x1f"  # between a lexicon kind and a fold key in the compiled entries' keys
# the lexicons running text is matched against (the miRNA lexicon is read by the miRNA grammar)
INDEX_KINDS = ("drugs", "drug_classes", "cell_types", "cell_lines", "genes", "gene_families")


class CompiledLexicons:
    """Every lexicon as two marisa tries, the form a saved pipeline keeps (see :func:`compile_lexicons`).

    ``entries`` maps ``kind + "\\x1f" + fold key`` to that key's TSV lines joined by RECORD_SEP, ``index`` holds the
    fold keys of INDEX_KINDS, which running text is matched against. Both are memory-mapped from their files: a
    load reads nothing until a key is looked up, so it costs milliseconds whatever the lexicons' size.
    """

    ENTRIES_FILE = "lexicons.marisa"
    INDEX_FILE = "index.marisa"

    def __init__(self, entries: Any, index: Any, kinds: tuple[str, ...]) -> None:
        self.entries = entries
        self.index = index
        self.kinds = kinds

    @classmethod
    def build(cls, data: dict[str, dict[str, str]]) -> CompiledLexicons:
        """From kind -> fold key -> lines joined by RECORD_SEP (what :meth:`Lexicon.compiled` gives)."""
        import marisa_trie

        entries = marisa_trie.BytesTrie(
            (kind + _KIND_SEP + key, lines.encode("utf-8"))
            for kind, lexicon in data.items()
            for key, lines in lexicon.items()
        )
        index = marisa_trie.Trie(frozenset().union(*(data[kind].keys() for kind in INDEX_KINDS if kind in data)))
        return cls(entries, index, tuple(data))

    def save(self, folder: Path) -> None:
        """Write both tries into ``folder`` through temporary files and renames: a process loading the pipeline
        at the same time maps the old files or the new ones, never half of one."""
        for trie, name in ((self.entries, self.ENTRIES_FILE), (self.index, self.INDEX_FILE)):
            tmp = folder / f".{name}.{os.getpid()}.tmp"
            trie.save(str(tmp))
            os.replace(tmp, folder / name)

    @classmethod
    def mmap(cls, folder: Path, kinds: tuple[str, ...]) -> CompiledLexicons:
        """Map the tries saved in ``folder`` (``kinds`` as the pipeline's meta.json lists them).

        Raises:
            LexiconError: a file is missing or is no marisa trie.
        """
        import marisa_trie

        entries, index = marisa_trie.BytesTrie(), marisa_trie.Trie()
        for trie, name in ((entries, cls.ENTRIES_FILE), (index, cls.INDEX_FILE)):
            try:
                trie.mmap(str(folder / name))
            except RuntimeError as exc:  # marisa's I/O errors: missing, truncated, not a trie
                raise LexiconError(folder / name, f"compiled lexicon not readable ({exc})") from exc
        return cls(entries, index, kinds)

    def lexicon(self, kind: str) -> Lexicon:
        return Lexicon(_CompiledKind(self.entries, kind))


class _CompiledKind(Mapping[str, str]):
    """One kind of a :class:`CompiledLexicons` as fold key -> lines joined by RECORD_SEP (read-only)."""

    def __init__(self, entries: Any, kind: str) -> None:
        self._entries = entries
        self._prefix = kind + _KIND_SEP

    def __getitem__(self, key: str) -> str:
        found = self._entries.get(self._prefix + key)
        if not found:
            raise KeyError(key)
        return str(found[0].decode("utf-8"))

    def get(self, key: str, default: Any = None) -> Any:
        found = self._entries.get(self._prefix + key)
        return found[0].decode("utf-8") if found else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (self._prefix + key) in self._entries

    def __iter__(self) -> Iterator[str]:
        cut = len(self._prefix)
        return (k[cut:] for k in self._entries.iterkeys(self._prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self._entries.iterkeys(self._prefix))


_installed: list[CompiledLexicons] = []


def install_compiled(compiled: CompiledLexicons) -> None:
    """Use compiled lexicons (from the spaCy pipeline's ``evminer_entities`` folder, see
    :func:`compile_lexicons`) for every later :func:`load_lexicon` without a ``root``."""
    missing = set(LEXICON_KINDS) - set(compiled.kinds)
    if missing:
        raise LexiconError("compiled lexicons", f"kinds missing: {', '.join(sorted(missing))}")
    _installed[:] = [compiled]
    load_lexicon.cache_clear()


def installed_index() -> Any:
    """The fold keys of INDEX_KINDS of the installed compiled lexicons (a marisa trie), or None."""
    return _installed[0].index if _installed else None


def compile_lexicons(root: str | None = None) -> dict[str, dict[str, str]]:
    """Every lexicon, supplement included, as kind -> fold key -> lines joined by RECORD_SEP (the input of
    :meth:`CompiledLexicons.build`)."""
    return {kind: _load_lexicon_files(kind, root).compiled() for kind in LEXICON_KINDS}


@cache
def load_lexicon(kind: str, root: str | None = None) -> Lexicon:
    """The lexicon ``kind`` (one of LEXICON_KINDS) with the curated supplement's entries of that kind: the
    compiled form a loaded pipeline installed, else the TSV files under ``root`` (``models/lexicons``)."""
    if kind not in LEXICON_KINDS:
        raise LexiconError(kind, f"unknown lexicon kind; expected one of {', '.join(LEXICON_KINDS)}")
    if root is None and _installed:
        return _installed[0].lexicon(kind)
    return _load_lexicon_files(kind, root)


def _load_lexicon_files(kind: str, root: str | None = None) -> Lexicon:
    base = Path(root) if root else models_dir() / "lexicons"
    if kind in CURATED_KINDS:
        if not (base / f"{kind}.tsv").exists():
            raise LexiconError(base / f"{kind}.tsv", "curated lexicon file is missing")
        return Lexicon.from_entries(read_supplement(base / f"{kind}.tsv", kind))
    lexicon = Lexicon(_read_tsv(base / f"{kind}.tsv"))
    lexicon.add(read_supplement(base / "supplement.tsv", kind))
    return lexicon


def read_supplement(path: Path, kind: str) -> list[Entry]:
    """Curated entries of one lexicon kind: ``text canonical identifier category lexicon note``."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [
        Entry(r["text"], r["canonical"], r["identifier"], r["category"], "curated", "supplement")
        for r in rows
        if r["lexicon"] == kind
    ]
