"""The offline edition: the site built with the `offline` plugin (OFFLINE=true) and zipped.

A learner unzips it and opens index.html from the file system: no server and no network needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

FOLDER = "cw-study-offline"
README = """社区工作者学习站（离线版）

使用方法：解压整个文件夹，用浏览器（Chrome、Edge、Firefox 等）打开其中的 index.html。
无需联网即可阅读学习页面、做题练习、参加模拟考试和使用错题本。
练习记录与错题本保存在本机浏览器中；换一台电脑或清除浏览器数据后不会保留。
"""


class OfflineBuildError(Exception):
    """The offline build failed; the message holds MkDocs' own output."""


def build_offline_zip(config_file: Path, output: Path) -> int:
    """Build the offline site from `config_file` and write it as a zip to `output`; returns its size."""
    config_file = Path(config_file).resolve()
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cw-offline-") as tmp:
        site = Path(tmp) / FOLDER
        env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1")
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config_file), "-d", str(site)],
            cwd=config_file.parent, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise OfflineBuildError("离线版构建失败：\n" + (result.stderr or result.stdout)[-4000:])
        fd, partial = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
        os.close(fd)
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
                zf.writestr(f"{FOLDER}/README.txt", README)
                for path in sorted(site.rglob("*")):
                    if path.is_file() and path.suffix != ".map":  # source maps: debugging only
                        zf.write(path, f"{FOLDER}/{path.relative_to(site).as_posix()}")
            os.replace(partial, output)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return output.stat().st_size
