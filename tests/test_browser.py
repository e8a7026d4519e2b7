"""The study site in a real browser (Playwright driving Debian's Chromium).

One build of a small test site (the real mkdocs.yml, assets and app pages; the fixture bank plus a
hostile topic and a test blueprint), served over http on 127.0.0.1; one browser for the session.
Every page load is watched: a request to any other host, or a script error, fails the test.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

import sitekit
from generator.scoring import score_choice

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
LOCAL = re.compile(r"^(http://127\.0\.0\.1:\d+/|data:|blob:|file://)")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    return sitekit.make_project(tmp_path_factory.mktemp("siteproj") / "proj")


@pytest.fixture(scope="session")
def site(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("testsite")
    result = sitekit.build(project, out)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def server(site):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "需要 Debian 的 chromium（运行 make sysdeps 安装）"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watch:
    """Requests, script errors and dialogs of one browser context."""

    def __init__(self):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    @property
    def foreign(self) -> list[str]:
        return [u for u in self.requests if not LOCAL.match(u)]


def new_page(browser, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", accept_downloads=True)
    watch = Watch()
    context.on("request", lambda r: watch.requests.append(r.url))
    # Anything not local is also blocked, so a regression cannot reach the network.
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:\d+/|data:|blob:|file://)"), lambda route: route.abort())
    page = context.new_page()
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    return context, page, watch


@pytest.fixture
def page(browser):
    context, pg, watch = new_page(browser)
    pg.watch = watch
    yield pg
    context.close()
    assert not watch.foreign, f"请求了其他主机：{watch.foreign}"
    assert not watch.errors, f"脚本错误：{watch.errors}"
    assert not watch.dialogs, f"弹出了对话框：{watch.dialogs}"


def question(page, qid):
    return page.locator(f".cw-q[data-qid='{qid}']")


def option(q, text):
    return q.locator(".cw-options").first.get_by_text(text, exact=True)


def storage(page, key):
    return page.evaluate(f"JSON.parse(localStorage.getItem({json.dumps(key)}) || 'null')")


# ---- practice -------------------------------------------------------------------------------

def test_practice_choose_submit_feedback_and_link_back(page, server):
    page.goto(f"{server}/practice/demo/basics/")
    q = question(page, "demo-0001")
    expect(q.locator("details.cw-reveal")).to_be_hidden()  # answers stay hidden until submitted
    option(q, "基层人民政府的派出机关").click()
    q.get_by_role("button", name="提交").click()
    feedback = q.locator(".cw-feedback")
    expect(feedback).to_contain_text("回答错误")
    expect(feedback).to_contain_text("正确答案：B")
    expect(feedback).to_contain_text("已记入错题本")
    expect(q.locator("details.cw-reveal")).to_have_attribute("open", "")
    expect(q.locator(".cw-explanation")).to_contain_text("基层群众性自治组织")
    expect(q.locator(".cw-option.is-key")).to_contain_text("基层群众性自治组织")
    expect(q.locator(".cw-option.is-wrong")).to_contain_text("派出机关")

    q.get_by_role("button", name="重做").click()
    option(q, "基层群众性自治组织").click()
    q.get_by_role("button", name="提交").click()
    expect(feedback).to_contain_text("回答正确")
    expect(feedback.get_by_role("button", name="移出错题本")).to_be_visible()

    multi = question(page, "demo-0002")  # key A, B, D
    option(multi, "民主选举").click()
    option(multi, "民主协商").click()
    multi.get_by_role("button", name="提交").click()
    expect(multi.locator(".cw-feedback")).to_contain_text("部分正确")

    case = question(page, "demo-0004")
    option(case.locator(".cw-part").nth(0), "错误").click()
    case.locator("textarea").fill("拆成两份请示")
    case.get_by_role("button", name="提交").click()
    expect(case.locator(".cw-part").nth(0).locator(".cw-part__feedback")).to_contain_text("正确")
    expect(case.locator(".cw-reference")).to_contain_text("拆分为两份请示")
    case.locator(".cw-part").nth(1).get_by_text("指出应一文一事").click()
    expect(case.locator(".cw-part").nth(1).locator(".cw-selfscore__value")).to_have_text("2")

    writing = question(page, "demo-0005")
    writing.locator("textarea").fill("关于申请经费的请示")
    writing.get_by_role("button", name="提交").click()
    expect(writing.locator(".cw-model")).to_contain_text("妥否，请批示")
    writing.get_by_text("标题规范").click()
    writing.get_by_text("结语得体").click()
    expect(writing.locator(".cw-selfscore__value")).to_have_text("5")

    # every question links back to the section that teaches it
    links = page.locator("a.cw-src")
    expect(links).to_have_count(5)
    link = links.first
    assert link.get_attribute("href") == "../../../demo/page/#居民委员会的性质"
    link.click()
    page.wait_for_url(re.compile(r"/demo/page/#"))
    expect(page.locator("h2#居民委员会的性质")).to_be_visible()


def test_keyboard_only_and_labelled_controls(page, server):
    page.goto(f"{server}/practice/demo/basics/")
    page.focus("input[name='demo-0003'][value='false']")
    page.keyboard.press("ArrowUp")  # radio group: moves to and selects 正确
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "提交"
    page.keyboard.press("Enter")
    expect(question(page, "demo-0003").locator(".cw-feedback")).to_contain_text("回答正确")
    unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.cw-q input, .cw-q textarea, .cw-q button')).filter(el => {
          if (el.closest('label')) return false;
          if (el.tagName === 'BUTTON') return !el.textContent.trim();
          const ref = el.getAttribute('aria-labelledby');
          return !(ref && document.getElementById(ref) && document.getElementById(ref).textContent.trim());
        }).map(el => el.outerHTML)""")
    assert unlabelled == []


def test_printed_practice_page_hides_answers_in_collapsed_blocks(page, server):
    page.goto(f"{server}/practice/demo/basics/")
    answered = question(page, "demo-0003")
    option(answered, "正确").click()
    answered.get_by_role("button", name="提交").click()
    page.emulate_media(media="print")
    q = question(page, "demo-0001")
    expect(q.locator(".cw-option").first).to_be_visible()
    expect(q.locator("details.cw-reveal summary")).to_be_visible()
    expect(q.locator(".cw-explanation")).to_be_hidden()
    expect(q.locator(".cw-submit")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(answered.locator(".cw-explanation")).to_be_visible()  # opened by the learner: printed


# ---- mock exam ------------------------------------------------------------------------------

def answer_item(item, qtype, key):
    """Single: right; multiple: the first two letters of the key (a partial answer); judge: wrong;
    case: right choice parts and some text; writing: some text."""
    if qtype == "single":
        item.locator(f".cw-options input[value='{key[0]}']").check()
    elif qtype == "multiple":
        for letter in key[:2]:
            item.locator(f".cw-options input[value='{letter}']").check()
    elif qtype == "judge":
        item.locator(f".cw-options input[value='{'false' if key == ['true'] else 'true'}']").check()
    elif qtype == "case":
        for part in item.locator(".cw-part").all():
            if part.get_attribute("data-type") == "short":
                part.locator("textarea").fill("先了解情况，再分开行文。")
            else:
                for v in part.get_attribute("data-answer").split(","):
                    part.locator(f"input[value='{v}']").check()
    else:
        item.locator("textarea").fill("关于申请活动经费的请示……")


def test_mock_exam_submitted_and_scored(page, server):
    page.goto(f"{server}/exam/")
    expect(page.get_by_role("radio", name=re.compile("测试模拟卷"))).to_be_checked()
    page.get_by_label("试卷编号（可选）：").fill("42")
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator(".cw-clock")).to_have_text(re.compile(r"^(10:00|09:5\d)$"))
    items = page.locator(".cw-exam-item")
    expect(items).to_have_count(6)
    expected = {"一、单项选择题": 0.0, "二、多项选择题": 0.0, "三、判断题": 0.0, "四、案例分析题": 0.0, "五、公文写作题": 0.0}
    heads = list(expected)
    points = {"single": 2, "multiple": 4, "judge": 1}
    for i in range(6):
        item = items.nth(i)
        expect(item).to_be_visible()
        q = item.locator(".cw-q")
        qtype = q.get_attribute("data-type")
        key = (q.get_attribute("data-answer") or "").split(",")
        answer_item(item, qtype, key)
        section = heads[["single", "multiple", "judge", "case", "writing"].index(qtype)]
        if qtype in points:
            response = {"single": key[:1], "multiple": key[:2], "judge": ["false" if key == ["true"] else "true"]}[qtype]
            if qtype == "judge":
                expected[section] += score_choice("judge", key == ["true"], response == ["true"], points[qtype])
            else:
                expected[section] += score_choice(qtype, key, response, points[qtype], "partial")
        elif qtype == "case":
            expected[section] += 2.0  # demo-0004: its judge part (2 points) answered right; short part self-marked
        expect(page.locator(".cw-cell").nth(i)).to_have_class(re.compile("is-answered"))
        if i == 2:  # a reload in the middle keeps the exam and its answers
            page.reload()
            page.get_by_role("button", name="继续作答").click()
            expect(page.locator(".cw-cell.is-answered")).to_have_count(3)
            items = page.locator(".cw-exam-item")
        if i < 5:
            item.get_by_role("button", name="下一题").click()
    page.locator(".cw-exambar").get_by_role("button", name="交卷").click()
    expect(page.locator(".cw-confirm")).to_contain_text("全部题目都已作答")
    page.get_by_role("button", name="确定交卷").click()
    result = page.locator(".cw-result")
    expect(result).to_be_visible()
    rows = {r.locator("th").inner_text(): r.locator("td").first.inner_text() for r in result.locator("tbody tr").all()}
    shown = {k: float(re.match(r"[\d.]+", v).group()) for k, v in rows.items()}
    for heading, score in expected.items():
        assert shown[heading] == pytest.approx(round(score, 2)), (heading, rows)
    total = round(sum(expected.values()), 2)
    assert shown["合计"] == pytest.approx(total)
    assert expected["二、多项选择题"] == pytest.approx(2.67)  # partial rule: 2 of 3 keys chosen
    expect(result.locator("h2")).to_have_text(re.compile(rf"^成绩：{total:g} / 20 分$"))
    # review: every question shows its answer and 解析; self-marking a writing point updates the score
    expect(page.locator(".cw-exam-item:visible")).to_have_count(6)
    expect(page.locator(".cw-exam-item details.cw-reveal[open]").first).to_be_visible()
    writing = page.locator(".cw-q[data-type='writing']")
    writing.locator(".cw-rubric__item").first.check()
    first_point = int(writing.locator(".cw-rubric__item").first.get_attribute("data-score"))
    expect(result.locator("h2")).to_have_text(re.compile(rf"^成绩：{round(total + first_point, 2):g} / 20 分$"))
    history = storage(page, "cw.exam.history")
    assert len(history) == 1 and history[0]["score"] == pytest.approx(total + first_point) and history[0]["seed"] == 42
    assert history[0]["selfScored"] is True
    wrong = set(storage(page, "cw.mistakes")["items"])
    judge_id = page.locator(".cw-q[data-type='judge']").get_attribute("data-qid")
    assert judge_id in wrong and "demo-0002" in wrong  # wrong judge, partial multiple
    page.get_by_role("button", name="再考一次").click()
    expect(page.locator(".cw-history tbody tr")).to_have_count(1)


def test_time_up_submits_the_exam(page, server):
    page.goto(f"{server}/exam/")
    page.get_by_role("button", name="开始考试").click()
    page.locator(".cw-exam-item:visible .cw-options input").first.check()
    page.evaluate("""() => { const s = JSON.parse(localStorage.getItem('cw.exam.current'));
                             s.deadline = Date.now() + 3000; localStorage.setItem('cw.exam.current', JSON.stringify(s)); }""")
    page.reload()
    page.get_by_role("button", name=re.compile("^(继续作答|交卷并查看成绩)$")).click()
    expect(page.locator(".cw-result")).to_contain_text("考试时间到，已自动交卷", timeout=10000)
    assert len(storage(page, "cw.exam.history")) == 1 and storage(page, "cw.exam.current") is None


def test_js_scoring_and_drawing_mirror_the_generator(page, server):
    page.goto(f"{server}/exam/")
    expect(page.locator(".cw-setup")).to_be_visible()
    cases = [("single", ["B"], ["B"], 2, "partial", None), ("single", ["B"], ["C"], 2, "partial", None),
             ("judge", ["true"], ["true"], 1, "partial", None), ("judge", ["false"], ["true"], 1, "partial", None),
             ("multiple", ["A", "B", "D"], ["A", "B", "D"], 4, "partial", None),
             ("multiple", ["A", "B", "D"], ["A", "B"], 4, "partial", None),
             ("multiple", ["A", "B", "D"], ["A"], 2, "partial", 0.5),
             ("multiple", ["A", "B", "D"], ["A", "C"], 4, "partial", None),
             ("multiple", ["A", "B", "D"], ["A", "B"], 4, "all_or_nothing", None),
             ("multiple", ["A", "B"], ["A"], 2, "partial", 2.0), ("multiple", ["A", "B"], [], 2, "partial", None)]
    for qtype, key, resp, pts, rule, per in cases:
        js = page.evaluate("a => window.cwSite.scoreChoice(...a).score", [qtype, key, resp, pts, rule, per])
        if qtype == "judge":
            py = score_choice("judge", key == ["true"], (resp == ["true"]) if resp else None, pts)
        else:
            py = score_choice(qtype, key, resp, pts, rule, per)
        assert js == pytest.approx(py), (qtype, key, resp, rule, per)
    papers = page.evaluate("""() => [1, 2, 3, 42, 42].map(seed =>
        window.cwSite.drawPaper(window.CW_BANK, window.CW_BANK.blueprints[0], seed))""")
    bank = page.evaluate("() => Object.fromEntries(window.CW_BANK.questions.map(q => [q.id, q.type]))")
    for paper in papers:
        assert [len(ids) for ids in paper] == [2, 1, 1, 1, 1]
        assert [bank[i] for ids in paper for i in ids] == ["single", "single", "multiple", "judge", "case", "writing"]
    assert papers[3] == papers[4]


# ---- 错题本 ---------------------------------------------------------------------------------

def test_mistakes_survive_reload_and_can_be_removed_exported_cleared(page, server, tmp_path):
    page.goto(f"{server}/practice/demo/basics/")
    for qid, wrong in (("demo-0001", "社会服务机构"), ("demo-0003", "错误")):
        q = question(page, qid)
        option(q, wrong).click()
        q.get_by_role("button", name="提交").click()
        expect(q.locator(".cw-feedback")).to_contain_text("已记入错题本")
    page.goto(f"{server}/mistakes/")
    expect(page.locator(".cw-count")).to_contain_text("共 2 道错题")
    page.reload()
    group = page.locator(".cw-mistake-group")
    expect(group.locator("h2")).to_have_text("示例主题（2 题）")
    expect(group.get_by_role("link", name=re.compile("到本主题练习"))).to_have_attribute(
        "href", re.compile(r"/practice/demo/basics/$"))
    q = question(page, "demo-0001")
    expect(q.locator(".cw-mistake-meta")).to_contain_text("错 1 次")
    option(q, "基层群众性自治组织").click()
    q.get_by_role("button", name="提交").click()
    q.get_by_role("button", name="移出错题本").click()
    expect(page.locator(".cw-count")).to_contain_text("共 1 道错题")
    page.reload()
    expect(page.locator(".cw-count")).to_contain_text("共 1 道错题")
    expect(question(page, "demo-0001")).to_have_count(0)

    with page.expect_download() as info:
        page.get_by_role("button", name="导出 JSON").click()
    exported = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert [m["id"] for m in exported["mistakes"]] == ["demo-0003"]
    assert exported["mistakes"][0]["stem"] == "请示应当一文一事。"

    page.get_by_role("button", name="清空错题本").click()
    page.get_by_role("button", name="确定清空").click()
    expect(page.locator(".cw-count")).to_have_text("错题本是空的。")
    page.reload()
    expect(page.locator(".cw-count")).to_have_text("错题本是空的。")


# ---- safety ---------------------------------------------------------------------------------

def assert_inert(page):
    assert page.evaluate("typeof window.__pwned") == "undefined"
    bad = page.evaluate("""() => ({
        scripts: Array.from(document.querySelectorAll('.md-content script, .cw-q script')).length,
        tags: Array.from(document.querySelectorAll('.cw-q img, .cw-q svg:not(.md-icon svg), .cw-q b, .cw-q i, .cw-q u')).length,
        js: Array.from(document.querySelectorAll('a[href], [src]')).filter(
              e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
        on: Array.from(document.querySelectorAll('.cw-q *')).filter(
              e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length})""")
    assert bad == {"scripts": 0, "tags": 0, "js": 0, "on": 0}, bad


def test_hostile_bank_entry_renders_as_text_and_runs_nothing(page, server):
    page.goto(f"{server}/practice/demo/hostile/")
    assert "<script>window.__pwned=9</script>" in page.title()
    q = question(page, "pwn-0001")
    expect(q.locator(".cw-q__stem")).to_have_text(sitekit.PWN_STEM)
    for option in sitekit.PWN_OPTIONS:
        expect(q.locator(".cw-option__text", has_text=option)).to_have_count(1)
    q.locator(".cw-option").first.click()
    q.get_by_role("button", name="提交").click()
    w = question(page, "pwn-0002")
    w.get_by_role("button", name="提交").click()
    expect(w.locator(".cw-model")).to_contain_text("</div><script>window.__pwned=10</script>")
    expect(w.locator(".cw-requirements")).to_contain_text("**不是粗体**")
    assert_inert(page)

    page.goto(f"{server}/exam/")  # drawn by the browser: the hostile single question is always on the paper
    page.get_by_role("button", name="开始考试").click()
    expect(question(page, "pwn-0001").locator(".cw-q__stem")).to_have_text(sitekit.PWN_STEM)
    assert_inert(page)
    page.locator(".cw-exambar").get_by_role("button", name="交卷").click()
    page.get_by_role("button", name="确定交卷").click()
    expect(question(page, "pwn-0001").locator(".cw-explanation")).to_contain_text("onerror")
    assert_inert(page)

    page.goto(f"{server}/mistakes/")
    expect(question(page, "pwn-0001").locator(".cw-q__stem")).to_have_text(sitekit.PWN_STEM)
    assert_inert(page)
    expect(page.locator(".cw-mistake-group h2", has_text="危险<script>window.__pwned=9</script>标题")).to_have_count(1)


def test_no_request_leaves_the_site(page, server):
    ready = {"/exam/": ".cw-setup", "/mistakes/": ".cw-toolbar"}
    for path in ("/", "/demo/page/", "/practice/", "/practice/demo/basics/", "/exam/", "/exam/papers/",
                 "/mistakes/", "/offline/"):
        page.goto(server + path)
        if path in ready:
            expect(page.locator(ready[path])).to_be_visible()  # bank.js loaded and the app drawn
    page.locator(".md-search__input").click()
    expect(page.locator(".md-search-result__meta")).to_have_text("键入以开始搜索")  # index loaded
    page.keyboard.type("居民委员会")  # Chinese query against the jieba-segmented index
    page.keyboard.press("End")  # Material reads the query on keyup; typed CJK text (as from an IME) fires none
    expect(page.locator(".md-search-result__meta")).to_contain_text("个符合条件的结果")
    expect(page.locator(".md-search-result__item").first).to_contain_text("居民委员会")
    page.goto(f"{server}/exam/papers/")
    page.get_by_role("link", name="网页").first.click()  # a printable paper, standalone HTML
    page.wait_for_url(re.compile(r"/exam/papers/test-exam-s1-A-paper\.html$"))
    expect(page.locator("h1").first).to_have_text("测试模拟卷")
    assert page.watch.requests and not page.watch.foreign, page.watch.foreign
    download = page.request.get(f"{server}/offline/").text()
    assert 'data-cw-root-href="cw-study-offline.zip"' in download


def test_phone_sized_screenshot_is_readable(browser, server, tmp_path):
    context, page, watch = new_page(browser, 375, 812)
    try:
        page.goto(f"{server}/practice/demo/basics/")
        q = question(page, "demo-0001")
        option(q, "基层人民政府的派出机关").click()
        q.get_by_role("button", name="提交").click()
        shot = tmp_path / "practice-375.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 20_000
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        box = q.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.cw-option__text')).fontSize)") >= 14
        page.goto(f"{server}/exam/")
        page.get_by_role("button", name="开始考试").click()
        page.get_by_role("button", name="答题卡").click()
        expect(page.locator(".cw-sheet")).to_be_visible()
        page.screenshot(path=str(tmp_path / "exam-375.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        page.goto(f"{server}/mistakes/")
        expect(page.locator(".cw-mistake-group")).to_be_visible()
        page.screenshot(path=str(tmp_path / "mistakes-375.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
    assert not watch.foreign and not watch.errors


# ---- the offline edition ---------------------------------------------------------------------

def test_offline_zip_opens_from_the_file_system(browser, project, tmp_path):
    from generator.offline import build_offline_zip

    target = tmp_path / "offline.zip"
    import os

    old = os.environ.get("CWEXAM_PAPER_FORMATS")
    os.environ["CWEXAM_PAPER_FORMATS"] = "html"
    try:
        build_offline_zip(project, target)
    finally:
        if old is None:
            os.environ.pop("CWEXAM_PAPER_FORMATS", None)
        else:
            os.environ["CWEXAM_PAPER_FORMATS"] = old
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "unzipped")
    root = tmp_path / "unzipped" / "cw-study-offline"
    assert "cw-study-offline/README.txt" in names and "cw-study-offline/search/search_index.js" in names
    html = (root / "practice" / "demo" / "basics.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "assets/vendor/iframe-worker-shim.js" in html
    assert 'href="../../demo/page.html#居民委员会的性质"' in html

    context, page, watch = new_page(browser)
    try:
        page.goto((root / "practice" / "demo" / "basics.html").as_uri())
        q = question(page, "demo-0003")
        option(q, "正确").click()
        q.get_by_role("button", name="提交").click()
        expect(q.locator(".cw-feedback")).to_contain_text("回答正确")
        page.goto((root / "exam" / "index.html").as_uri())
        page.get_by_role("button", name="开始考试").click()  # bank.js loads as a script from file://
        expect(page.locator(".cw-exam-item").first).to_be_visible()
        link = page.locator(".cw-exam-item").first.locator("a.cw-src")
        assert link.get_attribute("href").startswith(root.as_uri() + "/demo/page.html#")
        page.locator(".md-search__input").click()  # search from file:// runs in the vendored iframe-worker
        expect(page.locator(".md-search-result__meta")).to_have_text("键入以开始搜索")
        page.keyboard.type("请示")
        page.keyboard.press("End")
        expect(page.locator(".md-search-result__meta")).to_contain_text("个符合条件的结果")
    finally:
        context.close()
    assert all(u.startswith("file://") or u.startswith("data:") for u in watch.requests), watch.foreign
    assert not watch.errors
