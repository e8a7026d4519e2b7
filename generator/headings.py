"""Study pages' titles and heading anchors, as MkDocs' toc (pymdownx unicode slugify) makes them.

Used by the validator (does a question's `source#anchor` exist?) and by the practice pages
(the label of the link back: `页面标题 › 小节标题`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_ATTR = re.compile(r"\s*\{[^}]*\}\s*$")
_ATTR_ID = re.compile(r"\{[^}]*#([^\s}]+)[^}]*\}\s*$")
_FRONT_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)


@lru_cache(maxsize=None)
def _slugifier():
    import markdown
    from pymdownx.slugs import slugify

    return markdown.Markdown(), slugify(case="lower")


def heading_slug(text: str) -> str:
    """The anchor of a heading: inline markup rendered as toc does, then slugified (lower case).
    One Markdown instance is reused: a new one per heading costs about a millisecond."""
    md, slugify = _slugifier()
    html = re.sub(r"^<p>|</p>$", "", md.reset().convert(text))
    return slugify(html, "-")


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*`]|\^\^|~~|==", "", text).strip()


@lru_cache(maxsize=None)
def _page_info(path: Path, mtime_ns: int) -> tuple[str, dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    title = ""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        m = _FRONT_TITLE.search(text[3:end] if end > 0 else "")
        if m:
            title = m.group(1).strip("'\"")
    headings: dict[str, str] = {}
    fence = None
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
            continue
        if fence or line.startswith("    "):
            continue
        m = _HEADING.match(line)
        if not m:
            continue
        raw = m.group(2)
        explicit = _ATTR_ID.search(raw)
        label = _plain(_ATTR.sub("", raw))
        if len(m.group(1)) == 1 and not title:
            title = label
        if explicit:
            headings[explicit.group(1)] = label
            continue
        slug = heading_slug(_ATTR.sub("", raw))
        unique, n = slug, 0
        while unique in headings:  # duplicates numbered _1, _2 as toc does
            n += 1
            unique = f"{slug}_{n}"
        headings[unique] = label
    return title or path.stem, headings


def page_info(path: Path) -> tuple[str, dict[str, str]]:
    """(title, {anchor: heading text}) of a Markdown page; re-read when the file changes."""
    return _page_info(path, path.stat().st_mtime_ns)
