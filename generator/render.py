"""Papers to files: HTML and Markdown through Jinja2 templates (generator/templates/), JSON directly.

Every piece of bank text is escaped on the way out: HTML templates use autoescape; the Markdown
environment runs every `{{ … }}` through `md_escape` (via Jinja's `finalize`), so contributor text
can never add markup, links or script. Output depends only on its inputs: no timestamps, stable
ordering, JSON with sorted keys.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from generator.model import TYPE_NAMES
from generator.scoring import fmt_points
from generator.textwidth import width

FORMATS = ("html", "pdf", "md", "json")
JUDGE_TEXT = {True: "正确（√）", False: "错误（×）"}


# ---- Markdown escaping --------------------------------------------------------------------

class MdSafe(str):
    """Markdown that is already escaped (output of `md_escape`/`md_block` or template literals)."""


_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "^": "&#94;",
                "$": "&#36;", "=": "&#61;", '"': "&quot;"}
_MD_BACKSLASH = set("\\`*_[]{}#!")
_MD_LINE_START = re.compile(r"^([-+:]|\d+(?=[.)]))")


_MD_TABLE = str.maketrans({**_MD_ENTITIES, **{ch: "\\" + ch for ch in _MD_BACKSLASH}})


def _md_line(line: str) -> str:
    text = line.translate(_MD_TABLE).strip()
    # Constructs that only matter at the start of a line: list markers, ordered lists, def lists.
    m = _MD_LINE_START.match(text)
    if m:
        lead = m.group(1)
        if lead[0].isdigit():
            text = lead + "\\" + text[len(lead):]
        elif lead == ":":
            text = "&#58;" + text[1:]
        else:
            text = "\\" + text
    return text


def md_escape(value) -> str:
    """Inline text: every Markdown/HTML special character neutralised; line breaks kept as hard
    breaks within the same paragraph."""
    if value is None:
        return ""
    if isinstance(value, MdSafe):
        return value
    if isinstance(value, bool):
        return JUDGE_TEXT[value]
    if isinstance(value, (int, float)):
        return fmt_points(float(value))
    return _md_escape_text(str(value))


@lru_cache(maxsize=1 << 16)
def _md_escape_text(text: str) -> MdSafe:
    """Cached: every version of a paper escapes the same bank texts again."""
    lines = [_md_line(line) for line in text.splitlines()]
    return MdSafe("  \n".join(line for line in lines if line))


def md_options(choices) -> MdSafe:
    """Options, each on its own line (hard breaks), continuing the stem's paragraph."""
    return MdSafe("".join(f"  \n{c.label}. {md_escape(c.text)}" for c in choices))


def md_block(value) -> MdSafe:
    """Multi-line text as its own paragraphs (blank lines separate paragraphs)."""
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    return MdSafe("\n\n".join(md_escape(p) for p in paragraphs if p.strip()))


# ---- helpers shared by the templates ------------------------------------------------------

def option_columns(options) -> int:
    """How many options fit on one printed line: 4 short ones, 2 medium, else 1 each."""
    longest = max((width(c.text) for c in options), default=0)
    if longest <= 14:
        return 4
    if longest <= 34:
        return 2
    return 1


def answer_text(answer) -> str:
    if answer is None:
        return ""
    if isinstance(answer, bool):
        return "√" if answer else "×"
    return "".join(answer)


def section_summary(section) -> str:
    n = len(section.items)
    if section.points_each is not None:
        return f"共 {n} 题，每题 {fmt_points(section.points_each)} 分，共 {fmt_points(section.total)} 分"
    return f"共 {n} 题，共 {fmt_points(section.total)} 分"


def sheet_rows(paper) -> dict:
    """The answer sheet: choice rows (number, bubbles) in blocks of five, and the areas for
    written answers."""
    rows, written = [], []
    for item in paper.items:
        if item.type in ("single", "multiple"):
            rows.append((str(item.number), [c.label for c in item.options]))
        elif item.type == "judge":
            rows.append((str(item.number), ["√", "×"]))
        elif item.type == "case":
            for part in item.parts:
                label = f"{item.number}({part.number})"
                if part.type in ("single", "multiple"):
                    rows.append((label, [c.label for c in part.options]))
                elif part.type == "judge":
                    rows.append((label, ["√", "×"]))
                else:
                    lines = min(12, max(5, sum(r.score for r in part.rubric) + 2))
                    written.append({"label": f"第 {item.number} 题（{part.number}）", "lines": lines,
                                    "grid": False})
        else:
            written.append({"label": f"第 {item.number} 题", "lines": 25, "grid": True})
    blocks = [rows[i:i + 5] for i in range(0, len(rows), 5)]
    widest = max((len(marks) for _, marks in rows), default=2)
    return {"blocks": blocks, "written": written, "block_width": f"{10.2 + 5.7 * widest:.1f}"}


def key_rows(paper) -> list[tuple[str, str]]:
    """(number, answer) of every automatically scored question or part, for 答案速查."""
    out = []
    for item in paper.items:
        if item.type == "case":
            out += [(f"{item.number}({p.number})", answer_text(p.answer)) for p in item.parts if p.answer is not None]
        elif item.answer is not None:
            out.append((str(item.number), answer_text(item.answer)))
    return out


def _context(paper) -> dict:
    bp = paper.blueprint
    return {
        "paper": paper, "bp": bp.model, "sheet": sheet_rows(paper), "key": key_rows(paper),
        "total": fmt_points(paper.total), "type_names": TYPE_NAMES,
    }


# ---- environments -------------------------------------------------------------------------

def _filters(env) -> None:
    env.filters.update(points=fmt_points, answer=answer_text, summary=section_summary, columns=option_columns)


@lru_cache(maxsize=None)
def html_env():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    _filters(env)
    return env


@lru_cache(maxsize=None)
def md_env():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=False, finalize=md_escape,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    _filters(env)
    env.filters.update(block=md_block, options=md_options, points=lambda x: MdSafe(fmt_points(x)),
                       answer=lambda a: md_escape(answer_text(a)), summary=lambda s: md_escape(section_summary(s)))
    return env


def render_html(paper, part: str, context: dict | None = None) -> str:
    """part: "paper" (试卷 + 答题卡) or "key" (参考答案与解析)."""
    return html_env().get_template(f"{part}.html.j2").render(**(context or _context(paper)))


def render_md(paper, part: str, context: dict | None = None) -> str:
    return md_env().get_template(f"{part}.md.j2").render(**(context or _context(paper)))


# ---- JSON ---------------------------------------------------------------------------------

def _choice_record(obj) -> dict:
    return {"options": [{"label": c.label, "text": c.text} for c in obj.options], "answer": obj.answer}


def item_record(item, section) -> dict:
    q = item.question
    rec = {"id": q.id, "number": item.number, "section": section.heading, "type": q.type, "topic": q.topic,
           "difficulty": q.difficulty, "stem": q.stem, "points": item.points, "explanation": q.explanation,
           "source": q.source}
    if q.refs:
        rec["refs"] = list(q.refs)
    if q.type in ("single", "multiple"):
        rec.update(_choice_record(item))
        rec["original_letters"] = dict(sorted(item.letter_map.items()))
    elif q.type == "judge":
        rec.update(options=[], answer=item.answer)
    elif q.type == "case":
        rec["material"] = q.material
        parts = []
        for p in item.parts:
            pr = {"number": p.number, "type": p.type, "stem": p.stem, "points": p.points}
            if p.type in ("single", "multiple"):
                pr.update(_choice_record(p), explanation=p.explanation)
            elif p.type == "judge":
                pr.update(options=[], answer=p.answer, explanation=p.explanation)
            else:
                pr.update(reference=p.reference, rubric=[{"point": r.point, "score": r.score} for r in p.rubric])
            parts.append(pr)
        rec["parts"] = parts
    else:
        rec.update(material=q.material, requirements=list(q.requirements), model_answer=q.model_answer,
                   rubric=[{"point": r.point, "score": r.score} for r in q.rubric])
    return rec


def render_json(paper) -> str:
    """The paper as JSON: one question per line (keys sorted), the paper's fields first."""
    bp = paper.blueprint
    head = {
        "blueprint": bp.name, "title": bp.title, "subtitle": bp.model.subtitle, "seed": paper.seed,
        "version": paper.version, "shuffled": paper.shuffled, "time_limit": bp.model.time_limit,
        "total_points": paper.total, "instructions": list(bp.model.instructions),
        "scoring": {"multiple": bp.scoring.multiple, "per_option": bp.scoring.per_option},
        "sections": [{"heading": s.heading, "type": s.type, "note": s.note, "count": len(s.items),
                      "points_each": s.points_each, "total": s.total} for s in paper.sections],
    }
    questions = [json.dumps(item_record(i, s), ensure_ascii=False, sort_keys=True)
                 for s in paper.sections for i in s.items]
    text = json.dumps(head, ensure_ascii=False, sort_keys=True)
    return text[:-1] + ', "questions": [\n' + ",\n".join(questions) + "\n]}\n"


# ---- all files of one version -------------------------------------------------------------

def paper_files(paper, formats) -> dict[str, bytes]:
    """File name -> content for one version in the requested formats."""
    out: dict[str, bytes] = {}
    stem = paper.stem_name
    context = _context(paper)
    html = {}
    if "html" in formats or "pdf" in formats:
        html = {part: render_html(paper, part, context) for part in ("paper", "key")}
    if "html" in formats:
        for part, text in html.items():
            out[f"{stem}-{part}.html"] = text.encode("utf-8")
    if "md" in formats:
        for part in ("paper", "key"):
            out[f"{stem}-{part}.md"] = render_md(paper, part, context).encode("utf-8")
    if "json" in formats:
        out[f"{stem}.json"] = render_json(paper).encode("utf-8")
    if "pdf" in formats:
        from generator.pdf import html_to_pdf

        for part, text in html.items():
            out[f"{stem}-{part}.pdf"] = html_to_pdf(text)
    return out


# ---- writing many versions ----------------------------------------------------------------

_JOB: tuple | None = None  # (papers, formats, folder), set before worker processes fork


def _write_version(index: int) -> int:
    papers, formats, folder = _JOB
    files = paper_files(papers[index], formats)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return len(files)


def write_versions(papers, formats, folder, done=lambda paper: None) -> int:
    """Write every version's files into `folder`; returns the file count. Many versions are
    rendered by several processes (each version is independent); `done` is called per version,
    in order, for a progress bar."""
    import os

    global _JOB
    _JOB = (papers, formats, folder)
    workers = min(os.cpu_count() or 1, 8)
    count = 0
    try:
        if len(papers) < 4 or workers < 2:
            for i, paper in enumerate(papers):
                count += _write_version(i)
                done(paper)
            return count
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for paper, n in zip(papers, pool.map(_write_version, range(len(papers)))):
                count += n
                done(paper)
        return count
    finally:
        _JOB = None
