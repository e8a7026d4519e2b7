"""Apply autocorrect's fixes (spacing, full-width punctuation) to docs/ and questions/ in place."""

from pathlib import Path

import autocorrect_py

ROOT = Path(__file__).resolve().parent.parent
changed = 0
for path in sorted(ROOT.glob("docs/**/*.md")) + sorted(ROOT.glob("questions/**/*.yaml")):
    rel = str(path.relative_to(ROOT))
    if rel.startswith(("docs/practice/", "docs/exam/papers/")):
        continue
    text = path.read_text(encoding="utf-8")
    fixed = autocorrect_py.format_for(text, rel)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")
        changed += 1
        print("fixed", rel)
print(f"{changed} files changed")
