"""What a run reads: the files under the paths given (.pdf, .txt, .md, JATS/PubMed/BioC XML, BioC JSON), each with its identity, and what was left out and why.

A file's identity in a run (its ``key``, the manifest's ``path``) is its path relative to the parent of the
input root it was found under: ``evminer run papers/`` names ``papers/A/review.txt`` and ``papers/B/review.txt``,
two documents. A file given by itself is keyed under its folder's name (``papers/review.txt`` again), so
running a file or its folder names it the same way. Keys are relative, so a moved input folder keeps its cache.

Nothing is left out silently: a folder that cannot be read, a symlink (not followed unless asked when it leads
out of the input root), a FIFO or device with an article's suffix each get an Entry with the reason.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import printable
from pipeline.ingest import SUPPORTED_SUFFIXES

_ATTRIBUTION_RE = re.compile(r"attribution|licen[cs]e|readme|sources", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One input: ``path`` where to read it, ``key`` its identity, ``problem`` why it is not read (if so) and
    ``status`` the manifest status it then gets ("error", or "skipped" for a symlink not followed)."""

    path: Path
    key: str
    problem: str = ""
    status: str = ""


@dataclass
class Scan:
    files: list[Entry] = field(default_factory=list)
    left_out: list[Entry] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)  # key prefixes of the folders given ("papers/")
    folders: dict[str, Path] = field(default_factory=dict)  # key prefix -> the folder's absolute path


def _key(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` with "/" separators, control characters and undecodable bytes escaped."""
    return printable("/".join(path.relative_to(base).parts))


def _supported(name: str) -> bool:
    return Path(name).suffix.lower() in SUPPORTED_SUFFIXES and not _ATTRIBUTION_RE.search(name)


def _readable(path: Path) -> bool:
    """A .json only when it is a BioC collection (not, say, the documents/*.json of a run's output folder)."""
    if path.suffix.lower() != ".json":
        return True
    from pipeline.ingest.xml import sniff

    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(4096)) == "bioc-json"
    except OSError:
        return True  # its reader says why it cannot be read


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _walk(folder: Path, base: Path, follow_symlinks: bool, scan: Scan, exclude: str | None) -> None:
    root_real = os.path.realpath(folder)
    seen = {root_real} | ({exclude} if exclude else set())
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            problem = f"folder cannot be read ({exc.strerror or exc}); the files in it were not read"
            scan.left_out.append(Entry(current, _key(current, base) + "/", problem, "error"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .DS_Store, editors' backups)
            path = Path(entry.path)
            key = _key(path, base)
            try:
                if entry.is_symlink():
                    target = os.path.realpath(path)
                    is_dir = os.path.isdir(target)
                    if not is_dir and not _supported(entry.name):
                        continue
                    if not os.path.exists(target):
                        scan.left_out.append(Entry(path, key, "a broken symlink (its target does not exist)", "error"))
                    elif not follow_symlinks:
                        where = (
                            f"a symlink to {printable(os.path.relpath(target, base))}, read under that name"
                            if _inside(target, root_real)
                            else "a symlink to a path outside the input folder: not followed (--follow-symlinks)"
                        )
                        scan.left_out.append(Entry(path, key + ("/" if is_dir else ""), where, "skipped"))
                    elif is_dir:
                        if target in seen or _inside(root_real, target):
                            scan.left_out.append(Entry(path, key + "/", "a symlink loop: not followed", "skipped"))
                        else:
                            seen.add(target)
                            stack.append(path)
                    elif _readable(path):
                        scan.files.append(Entry(path, key))
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if exclude is None or os.path.realpath(path) != exclude:  # the run's own output folder
                        stack.append(path)
                    continue
                if not _supported(entry.name):
                    continue
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISREG(mode):
                    if _readable(path):
                        scan.files.append(Entry(path, key))
                else:
                    scan.left_out.append(Entry(path, key, f"{_kind(mode)}, not a file: not read", "error"))
            except OSError as exc:
                scan.left_out.append(Entry(path, key, f"cannot be read ({exc.strerror or exc})", "error"))


def scan(paths: Iterable[str | Path], follow_symlinks: bool = False, exclude: str | Path | None = None) -> Scan:
    """Every file a reader takes under ``paths``, hidden files and folders left out, in key order; ``exclude``
    (the run's output folder) is not walked into."""
    out = Scan()
    skip = os.path.realpath(exclude) if exclude is not None else None
    for given in map(Path, paths):
        absolute = Path(os.path.abspath(given))
        base = absolute.parent
        try:
            mode = os.stat(absolute).st_mode
        except OSError:
            out.files.append(Entry(absolute, _key(absolute, base)))  # reported as an error row: no such file
            continue
        if stat.S_ISDIR(mode):
            prefix = _key(absolute, base) + "/"
            out.roots.append(prefix)
            out.folders[prefix] = absolute
            _walk(absolute, base, follow_symlinks, out, skip)
        elif stat.S_ISREG(mode):
            out.files.append(Entry(absolute, _key(absolute, base)))
        else:
            out.left_out.append(Entry(absolute, _key(absolute, base), f"{_kind(mode)}, not a file: not read", "error"))
    unique: dict[str, Entry] = {}
    for entry in out.files:
        unique.setdefault(entry.key, entry)
    out.files = sorted(unique.values(), key=lambda e: e.key)
    left: dict[str, Entry] = {}
    for entry in out.left_out:
        left.setdefault(entry.key, entry)
    out.left_out = [e for k, e in sorted(left.items()) if k not in unique]
    return out


__all__ = ["Entry", "Scan", "scan"]
