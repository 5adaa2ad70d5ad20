"""Hand-made PDFs for tests: numbered objects joined with their cross-reference table and trailer."""

from __future__ import annotations


def assemble_pdf(objects: list[bytes]) -> bytes:
    """A PDF 1.4 file whose object N (from 1) is ``objects[N - 1]`` and whose catalog is object 1."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
