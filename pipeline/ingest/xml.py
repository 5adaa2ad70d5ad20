"""Safe XML parsing for the structured readers, and what kind of XML (or BioC JSON) a file holds.

Every parse goes through lxml with entity resolution, DTD loading and network access off and the huge-tree
limits on. Before that, the prolog is checked: a document type that declares entities (an external entity
pointing at a file or a URL, or nested entities that expand exponentially: "billion laughs") is refused with
a typed error, so no input can read local files, reach the network or blow up memory, and none hangs.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from typing import IO, Literal

from lxml import etree

from pipeline.errors import EmptyInputError, XMLEntityError, XMLError, XMLRootError

XMLKind = Literal["jats", "pubmed", "bioc"]
StructuredKind = Literal["jats", "pubmed", "bioc", "bioc-json"]

ROOTS: dict[str, XMLKind] = {
    "article": "jats",
    "pmc-articleset": "jats",
    "PubmedArticleSet": "pubmed",
    "PubmedArticle": "pubmed",
    "MedlineCitationSet": "pubmed",
    "MedlineCitation": "pubmed",
    "collection": "bioc",
}
HEAD_BYTES = 65536
_GZIP_MAGIC = b"\x1f\x8b"
_PROLOG_RE = re.compile(rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)*<([A-Za-z_][\w.:-]*)", re.DOTALL)
_ENTITY_RE = re.compile(rb"<!ENTITY\s", re.IGNORECASE)


def is_gzip(data: bytes) -> bool:
    return data[:2] == _GZIP_MAGIC


def gunzip(data: bytes, source: str) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as exc:
        raise XMLError(source, f"not a readable gzip file ({exc})") from exc


def root_name(head: bytes) -> str | None:
    """The root element's local name from the first bytes of a file (None when it is not XML)."""
    head = head.lstrip(b"\xef\xbb\xbf")
    m = _PROLOG_RE.match(head)
    if not m:
        return None
    return m[1].decode("ascii", "replace").rsplit(":", 1)[-1]


def sniff(head: bytes) -> StructuredKind | None:
    """Which structured reader a file's first bytes call for (after gunzip), or None for anything else."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "bioc-json" if re.search(rb'"documents"\s*:', stripped[:HEAD_BYTES]) else None
    if not stripped.startswith(b"<"):
        return None
    name = root_name(stripped)
    return ROOTS.get(name) if name else None


def check_prolog(head: bytes, source: str) -> None:
    """Refuse entity declarations (external entities, entity bombs) before any parser sees the file."""
    m = _PROLOG_RE.match(head.lstrip(b"\xef\xbb\xbf"))
    prolog = head[: m.end()] if m else head[:HEAD_BYTES]
    if _ENTITY_RE.search(prolog):
        raise XMLEntityError(
            source,
            "the XML declares entities in its DOCTYPE (an external entity or an entity expansion such as "
            "'billion laughs'); refused, no entity is resolved",
        )


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )  # fmt: skip


def _syntax_error(exc: Exception, source: str) -> XMLError:
    line = getattr(exc, "lineno", None) or getattr(getattr(exc, "position", None), "__getitem__", lambda _: None)(0)
    msg = getattr(exc, "msg", None) or str(exc)
    where = f" (line {line})" if line else ""
    return XMLError(source, f"not well-formed XML{where}: {msg}")


def parse_xml(data: bytes, source: str, expect: XMLKind) -> etree._Element:
    """Parse a whole XML document whose root must be one of ``expect``'s root elements."""
    if not data.strip():
        raise EmptyInputError(source, "the file is empty")
    check_prolog(data[:HEAD_BYTES], source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, source) from exc
    check_root(local(root.tag), source, expect)
    return root


def check_root(name: str, source: str, expect: XMLKind) -> None:
    if ROOTS.get(name) != expect:
        wanted = ", ".join(f"<{r}>" for r, k in ROOTS.items() if k == expect)
        raise XMLRootError(source, f"the root element is <{name}>, not {wanted}: not a {expect.upper()} file")


def local(tag: object) -> str:
    """An element's name without its namespace (comments and processing instructions give '')."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def open_stream(data_or_path: bytes | str, source: str) -> IO[bytes]:
    """A binary stream over a file or bytes, gunzipped on the fly when it is gzip (.xml.gz)."""
    fh: IO[bytes] = open(data_or_path, "rb") if isinstance(data_or_path, str) else io.BytesIO(data_or_path)  # noqa: SIM115
    if fh.read(2) == _GZIP_MAGIC:
        fh.seek(0)
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    fh.seek(0)
    return fh


def iter_elements(stream: IO[bytes], tags: set[str], source: str, expect: XMLKind) -> Iterator[etree._Element]:
    """Stream the elements named ``tags`` (direct children of the root) one by one, each cleared after use, so
    a file of 30,000 citations never sits whole in memory. Errors are typed and name ``source``."""
    try:
        head = stream.read(HEAD_BYTES)
    except (OSError, EOFError) as exc:
        raise XMLError(source, f"cannot be read ({exc})") from exc
    if not head.strip():
        raise EmptyInputError(source, "the file is empty")
    check_prolog(head, source)
    name = root_name(head)
    if name is None:
        raise XMLError(source, "not XML (no root element where the file starts)")
    check_root(name, source, expect)
    body = _Chain(head, stream)
    context = etree.iterparse(
        body, events=("end",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )  # fmt: skip
    try:
        for _, el in context:
            parent = el.getparent()
            if local(el.tag) in tags and (
                parent is None or (parent.getparent() is None and local(parent.tag) not in tags)
            ):
                yield el
                el.clear(keep_tail=False)
                while parent is not None and el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, source) from exc
    except (OSError, EOFError) as exc:  # a truncated .gz
        raise XMLError(source, f"cannot be read to its end ({exc})") from exc


class _Chain(io.RawIOBase):
    """The bytes already read for sniffing, then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = head
        self.rest = rest

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        if self.head:
            if n is None or n < 0:
                out, self.head = self.head + self.rest.read(), b""
                return out
            out, self.head = self.head[:n], self.head[n:]
            return out
        return self.rest.read(n)


def text_of(el: etree._Element | None) -> str:
    """An element's text with white space collapsed ('' for None)."""
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())
