"""MkDocs hook (mkdocs.yml `hooks:`): regenerate the bank's pages before every build.

Thin on purpose: the pages come from `generator.pages.write_pages` (also `cwexam pages`), so the
site does not depend on this hook; it only saves running that command by hand. The bank is
`$CWEXAM_BANK` if set, else `questions/` beside mkdocs.yml.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.cwexam")

# The offline plugin adds a script from a CDN; the same file (MIT, iframe-worker 1.0.4) is vendored.
_CDN_SHIM = "https://unpkg.com/iframe-worker/shim"
_LOCAL_SHIM = "assets/vendor/iframe-worker-shim.js"


_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command


def _bank_dir(config) -> Path:
    env = os.environ.get("CWEXAM_BANK")
    if env:
        return Path(env)
    return Path(config.config_file_path).resolve().parent / "questions"


def on_config(config):
    polyfills = config.extra.get("polyfills")
    if polyfills:
        config.extra["polyfills"] = [_LOCAL_SHIM if str(p).startswith(_CDN_SHIM) else p
                                     for p in polyfills]
    return config


def on_pre_build(config):
    from generator.errors import BankError
    from generator.pages import generate_site_pages

    try:
        # While serving, papers are HTML only: PDFs take seconds and each bank edit redraws them.
        formats = ("html",) if _command["name"] == "serve" else None
        result = generate_site_pages(_bank_dir(config), Path(config.docs_dir), formats=formats)
    except BankError as exc:
        shown = exc.diagnostics[:50]
        more = len(exc.diagnostics) - len(shown)
        lines = [str(d) for d in shown] + ([f"……另有 {more} 个问题"] if more > 0 else [])
        raise PluginError("题库有错误，无法生成练习页面（运行 cwexam validate 查看全部）：\n"
                          + "\n".join(lines)) from None
    log.info("练习页面：%s", result)


def on_files(files, config):
    # "Edit this page" on a generated practice page opens the topic's YAML file instead.
    for f in files:
        parts = f.src_uri.split("/")
        if parts[0] == "practice" and len(parts) == 3 and parts[2].endswith(".md"):
            f.edit_uri = f"../questions/{parts[1]}/{parts[2][:-3]}.yaml"
        elif parts[0] == "practice" and f.src_uri.endswith(".md"):
            f.edit_uri = None
        elif f.src_uri.startswith("exam/papers/") or f.src_uri == "exam/papers.md":
            f.edit_uri = None
    return files


def on_serve(server, config, builder):
    bank = _bank_dir(config)
    if bank.is_dir():
        server.watch(str(bank))
    return server
