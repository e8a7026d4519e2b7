"""The `cwexam` command line: a thin layer over the loader, checks, generators and exporters."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator import __version__, cli_zh

cli_zh.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _bank_dir(ctx: click.Context) -> Path:
    from generator.loader import default_bank_dir

    return ctx.obj.get("bank") or default_bank_dir()


def _print_diagnostics(diags) -> None:
    for d in diags:
        click.echo(str(d), err=True)


class BankFailure(click.ClickException):
    """Bad input in the bank or on the command line: the diagnostics, then exit 1."""

    def __init__(self, diagnostics):
        self.diagnostics = diagnostics
        super().__init__(f"出错：共 {len(diagnostics)} 个问题，未写出任何文件。")

    def show(self, file=None) -> None:
        _print_diagnostics(self.diagnostics)
        click.echo(self.message, err=True)


class Group(click.Group):
    def invoke(self, ctx):
        from generator.errors import BankError

        try:
            return super().invoke(ctx)
        except BankError as exc:
            raise BankFailure(exc.diagnostics) from None
        except OSError as exc:
            name = f"：{exc.filename}" if exc.filename else ""
            raise click.ClickException(f"文件操作失败{name}（{exc.strerror or exc}）") from None


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="cwexam", message="%(prog)s %(version)s")
@click.option("--bank", type=click.Path(path_type=Path, file_okay=False), default=None, metavar="DIR",
              help="题库目录（默认：项目的 questions/）。")
@click.pass_context
def cli(ctx: click.Context, bank: Path | None) -> None:
    """社区工作者题库工具：校验题库、新建题目、统计、导出与生成模拟试卷。"""
    ctx.ensure_object(dict)
    ctx.obj["bank"] = bank


@cli.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--no-similarity", is_flag=True, help="跳过相似题检查（大题库时更快）。")
@click.pass_context
def validate(ctx: click.Context, directory: Path | None, no_similarity: bool) -> None:
    """校验整个题库，一次列出所有问题（路径:行号: 说明）。有错误时退出码为 1。"""
    from generator.loader import load_bank

    bank, diags = load_bank(directory or _bank_dir(ctx), similarity=not no_similarity)
    if not any(d.level == "error" for d in diags):
        from generator.blueprint import check_blueprints

        diags = diags + check_blueprints(bank)
    _print_diagnostics(diags)
    errors = sum(d.level == "error" for d in diags)
    warnings = len(diags) - errors
    summary = f"共 {len(bank.topics)} 个主题、{len(bank.questions)} 道题：{errors} 个错误，{warnings} 个警告。"
    if errors:
        click.echo("校验未通过。" + summary, err=True)
        ctx.exit(1)
    click.echo("校验通过。" + summary)


@cli.command()
@click.pass_context
def stats(ctx: click.Context) -> None:
    """按领域、主题、题型与难度统计题目数量。"""
    from generator.loader import load_valid_bank
    from generator.stats import stats_table

    click.echo(stats_table(load_valid_bank(_bank_dir(ctx))))


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="题目文件 Schema 的输出文件（默认：题库目录下的 schema.json）。")
@click.option("--blueprint-output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="试卷蓝图 Schema 的输出文件（默认：题库目录下的 blueprints/schema.json）。")
@click.pass_context
def schema(ctx: click.Context, output: Path | None, blueprint_output: Path | None) -> None:
    """写出题目文件与试卷蓝图的 JSON Schema，供编辑器自动补全与检查。"""
    import json

    from generator.blueprint import BlueprintModel
    from generator.model import QuestionFile
    from generator.output import write_atomic

    bank = _bank_dir(ctx)
    for model, path in ((QuestionFile, output or bank / "schema.json"),
                        (BlueprintModel, blueprint_output or bank / "blueprints" / "schema.json")):
        write_atomic(path, json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
        click.echo(f"已写出 {path}")


TYPE_CHOICE = click.Choice(["single", "multiple", "judge", "case", "writing"])  # = model.QUESTION_TYPES (not imported: keeps start-up light)


@cli.command()
@click.option("--topic", help="主题，如 competencies/communication（不存在时新建）。")
@click.option("--title", help="新建主题文件时的主题名称。")
@click.option("--prefix", help="新建主题文件时的编号前缀。")
@click.option("--type", "qtype", type=TYPE_CHOICE, help="题型。")
@click.option("--difficulty", type=click.IntRange(1, 3), help="难度 1–3。")
@click.option("--stem", help="题干。")
@click.option("--option", "options", multiple=True, help="选项（可重复，按顺序）。")
@click.option("--answer", help="答案：单选 B；多选 A,C；判断 true/false。")
@click.option("--explanation", help="解析。")
@click.option("--source", help="出处页面，如 competencies/communication.md#倾听。")
@click.pass_context
def new(ctx, topic, title, prefix, qtype, difficulty, stem, options, answer, explanation, source):
    """新建一道题：追加到主题文件末尾，并自动取下一个可用编号。未给出的项会逐一询问。"""
    from generator.loader import load_bank
    from generator.scaffold import append_question, next_id, skeleton

    root = _bank_dir(ctx)
    bank, _ = load_bank(root, check=False)
    keys = [t.key for t in bank.topics]
    if not topic:
        if keys:
            click.echo("现有主题：" + "、".join(keys))
        topic = click.prompt("主题（<领域>/<主题>）")
    existing = next((t for t in bank.topics if t.key == topic), None)
    if existing is None:
        title = title or click.prompt("新主题名称")
        prefix = prefix or click.prompt("编号前缀（小写字母，如 comm）")
    else:
        prefix = existing.prefix
    qtype = qtype or click.prompt("题型", type=TYPE_CHOICE, default="single")
    difficulty = difficulty or click.prompt("难度（1–3）", type=click.IntRange(1, 3), default=2)
    stem = stem or click.prompt("题干")
    question: dict = {"id": next_id(bank, prefix), "type": qtype, "difficulty": difficulty, "stem": stem}
    if qtype in ("single", "multiple"):
        if not options:
            collected = []
            while True:
                text = click.prompt(f"选项 {chr(65 + len(collected))}（直接回车结束）", default="",
                                    show_default=False)
                if not text:
                    break
                collected.append(text)
            options = tuple(collected)
        question["options"] = list(options)
        answer = answer or click.prompt("答案（单选如 B，多选如 A,C）")
        letters = [a.strip().upper() for a in answer.replace("，", ",").split(",") if a.strip()]
        if qtype == "multiple" and len(letters) == 1 and len(letters[0]) > 1:
            letters = list(letters[0])
        question["answer"] = letters[0] if qtype == "single" and len(letters) == 1 else letters
    elif qtype == "judge":
        answer = answer or click.prompt("答案（true 正确 / false 错误）")
        value = answer.strip().lower()
        if value not in ("true", "false", "对", "错", "正确", "错误"):
            raise click.BadParameter("判断题答案应为 true 或 false", param_hint="--answer")
        question["answer"] = value in ("true", "对", "正确")
    question["explanation"] = explanation or click.prompt("解析")
    question["source"] = source or click.prompt("出处页面（相对 docs/，如 work/grid.md#网格员职责）")
    question.update(skeleton(qtype))
    path = append_question(root, topic, question, title=title, prefix=prefix)
    click.echo(f"已添加 {question['id']} 到 {path}")
    if qtype in ("case", "writing"):
        click.echo("请打开文件补全“（待填写）”的内容，然后运行 cwexam validate。")


@cli.command()
@click.option("-b", "--blueprint", required=True, metavar="路径或名称",
              help="试卷蓝图：YAML 文件路径，或题库 blueprints/ 目录中的名称（如 mock-exam）。")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=None,
              help="随机种子：相同题库、蓝图与种子生成完全相同的试卷（不写则随机选取并打印）。")
@click.option("--versions", type=click.IntRange(1, 200), default=1, show_default=True,
              help="生成几套试卷（A、B、C……卷），各卷尽量不重复。")
@click.option("--format", "formats", default="html,pdf", show_default=True, metavar="格式",
              help="输出格式，逗号分隔：html、pdf、md、json。")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=Path("out/papers"),
              show_default=True, help="输出目录。")
@click.option("--no-shuffle", is_flag=True, help="不打乱选项与题目顺序（保持题库中的顺序）。")
@click.pass_context
def paper(ctx, blueprint: str, seed: int | None, versions: int, formats: str, out: Path, no_shuffle: bool) -> None:
    """按蓝图随机组卷：每套包括试卷、答题卡与参考答案（含解析与评分要点）。"""
    from generator.blueprint import load_blueprint, resolve
    from generator.loader import load_valid_bank
    from generator.output import staged_dir
    from generator.render import FORMATS, write_versions
    from generator.select import make_papers

    wanted = [f.strip().lower() for f in formats.replace("，", ",").split(",") if f.strip()]
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise click.BadParameter(f"未知格式 {'、'.join(bad) or '（空）'}；可选：{'、'.join(FORMATS)}",
                                 param_hint="--format")
    if seed is None:
        import secrets

        seed = secrets.randbelow(10**6)
        click.echo(f"未指定 --seed，使用随机种子 {seed}（用同一种子可重新生成相同的试卷）。", err=True)
    root = _bank_dir(ctx)
    bank = load_valid_bank(root)
    bp = load_blueprint(resolve(blueprint, root))
    papers = make_papers(bank, bp, seed, versions, shuffle=not no_shuffle)
    with staged_dir(out) as tmp:
        if versions > 1:
            with click.progressbar(length=len(papers), label="生成试卷", file=sys.stderr, show_pos=True) as bar:
                count = write_versions(papers, wanted, tmp, done=lambda p: bar.update(1))
        else:
            count = write_versions(papers, wanted, tmp)
    labels = papers[0].version + (f"–{papers[-1].version}" if versions > 1 else "")
    click.echo(f"已生成 {bp.title} {versions} 套（{labels} 卷，随机种子 {seed}，满分 "
               f"{'、'.join(sorted({f'{p.total:g}' for p in papers}))} 分），共 {count} 个文件，写入 {out}")
    if versions > 1:
        ids = [{i.id for i in p.items} for p in papers]
        worst = max(len(a & b) for k, a in enumerate(ids) for b in ids[k + 1:])
        click.echo(f"各卷之间最多有 {worst} 道相同的题（每套 {len(ids[0])} 道）。")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["gift", "moodle", "anki", "csv", "json"]), default="json",
              show_default=True, help="导出格式：gift（Moodle GIFT）、moodle（Moodle XML）、anki（Anki 卡组 .apkg）、"
                                      "csv（表格）、json。")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="输出文件。")
@click.option("--topic", "topics", multiple=True, help="只导出这些主题（如 work/duties，可重复）。")
@click.option("--type", "types", type=TYPE_CHOICE, multiple=True, help="只导出这些题型（可重复）。")
@click.pass_context
def export(ctx, fmt: str, output: Path, topics: tuple, types: tuple) -> None:
    """把题库导出为其他工具可读的格式。"""
    from generator.exporters import EXPORTERS
    from generator.loader import load_valid_bank
    from generator.output import write_atomic

    bank = load_valid_bank(_bank_dir(ctx))
    known = {t.key for t in bank.topics}
    unknown = [t for t in topics if t not in known]
    if unknown:
        raise click.BadParameter("没有主题 " + "、".join(unknown) + "；现有主题：" + "、".join(sorted(known)),
                                 param_hint="--topic")
    questions = [q for q in bank.questions
                 if (not topics or q.topic in topics) and (not types or q.type in types)]
    write_atomic(output, EXPORTERS[fmt](questions, {t.key: t.title for t in bank.topics}))
    click.echo(f"已导出 {len(questions)} 道题到 {output}")


@cli.command()
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="输出目录（默认：学习站的 docs/practice/）。")
@click.option("--docs", "docs_dir", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="学习站 docs 目录（默认：题库目录旁的 docs/）。")
@click.option("--no-papers", is_flag=True, help="不生成“打印试卷”页面（docs/exam/papers.md 与 docs/exam/papers/）。")
@click.pass_context
def pages(ctx, out: Path | None, docs_dir: Path | None, no_papers: bool) -> None:
    """生成学习站的练习页面（每个主题一页）、模拟考试与错题本所用的题库数据 bank.js，以及打印试卷。

    mkdocs build / mkdocs serve 会通过钩子自动运行这一步；生成的文件不要提交到仓库。"""
    from generator.loader import docs_dir_for, load_valid_bank
    from generator.pages import paper_formats, write_pages, write_papers

    root = _bank_dir(ctx)
    docs_dir = docs_dir or docs_dir_for(root)
    bank = load_valid_bank(root, docs_dir)
    out = out or docs_dir / "practice"
    result = write_pages(bank, out, docs_dir=docs_dir)
    click.echo(f"已生成 {len(bank.topics)} 个主题、{len(bank.questions)} 道题的练习页面到 {out}（{result.summary()}）")
    if not no_papers:
        click.echo(f"打印试卷：{write_papers(bank, docs_dir, formats=paper_formats())}（{docs_dir / 'exam'}）")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="输出的 zip 文件（默认：site/cw-study-offline.zip）。")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              default=None, help="mkdocs.yml（默认：当前目录的 mkdocs.yml）。")
def offline(output: Path | None, config_file: Path | None) -> None:
    """生成离线版学习站（mkdocs 的 offline 插件）并打包为 zip：解压后直接打开 index.html，无需联网。"""
    from generator.offline import OfflineBuildError, build_offline_zip

    config_file = config_file or Path("mkdocs.yml")
    if not config_file.is_file():
        raise click.UsageError("找不到 mkdocs.yml：请在项目根目录运行，或用 --config 指定。")
    output = output or config_file.resolve().parent / "site" / "cw-study-offline.zip"
    try:
        size = build_offline_zip(config_file, output)
    except OfflineBuildError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"已生成离线版 {output}（{size / 1024 / 1024:.1f} MB）")


def main(argv: list[str] | None = None) -> None:
    """Entry point: Chinese messages for every failure, never a traceback (CWEXAM_DEBUG=1 shows one)."""
    try:
        code = cli.main(args=argv, prog_name="cwexam", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("已中止。", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("\n已中断。", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last resort: a message, not a traceback
        if os.environ.get("CWEXAM_DEBUG"):
            raise
        click.echo(f"内部错误：{type(exc).__name__}: {exc}（设置 CWEXAM_DEBUG=1 可查看详细信息）", err=True)
        sys.exit(2)
