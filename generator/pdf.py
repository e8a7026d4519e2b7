"""HTML papers to PDF with WeasyPrint (imported only when a PDF is asked for).

Fonts come from fontconfig: the paper CSS asks for "Noto Serif CJK SC" / "Noto Sans CJK SC"
(Debian `fonts-noto-cjk`); WeasyPrint embeds the subsets it uses, so the PDF prints anywhere.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from functools import lru_cache

from generator.errors import BankError, Diagnostic

CJK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")


@lru_cache(maxsize=None)
def missing_fonts() -> tuple[str, ...]:
    """The CJK families fontconfig cannot find (empty when fc-list is unavailable)."""
    if not shutil.which("fc-list"):
        return ()
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    return tuple(f for f in CJK_FAMILIES if f not in listed)


def html_to_pdf(html: str) -> bytes:
    missing = missing_fonts()
    if missing:
        raise BankError(Diagnostic("PDF", 0, "找不到中文字体 " + "、".join(missing)
                                   + "；请安装 Debian 软件包 fonts-noto-cjk（make sysdeps）"))
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango missing
        raise BankError(Diagnostic("PDF", 0, f"无法加载 WeasyPrint（{exc}）；请安装 Pango 等系统依赖（make sysdeps）")) from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, base_url=".").write_pdf()
