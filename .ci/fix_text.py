"""Apply autocorrect's fixes (spacing, full-width punctuation) to docs/ and questions/ in place."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.typography import content_files, fix_file  # noqa: E402

changed = [p for p in content_files(ROOT) if fix_file(p)]
for p in changed:
    print("fixed", p.relative_to(ROOT))
print(f"{len(changed)} files changed")
