/*
 * 社区工作者学习站: practice questions, mock exam and 错题本.
 *
 * Vanilla JS, no dependency, no request to any other host. Bank text is only ever put into the
 * page with textContent / text nodes (never innerHTML). State lives in localStorage under "cw.".
 * Scoring mirrors generator/scoring.py (rules "partial" and "all_or_nothing").
 */
(function () {
  "use strict";

  var doc = document;
  var SCRIPT = doc.currentScript;
  doc.documentElement.classList.add("cw-js");

  /* ---------------------------------------------------------------- storage */

  var KEYS = { mistakes: "cw.mistakes", history: "cw.exam.history", current: "cw.exam.current" };

  function load(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }

  function drop(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* storage unavailable */ }
  }

  /* ---------------------------------------------------------------- DOM helpers */

  // h("div", {class: "x", "data-a": 1}, "text", child, [children]) -> element; strings become text.
  function h(tag, attrs) {
    var el = doc.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") el.textContent = String(v);
        else if (k === "hidden") el.hidden = true;
        else el.setAttribute(k, v === true ? "" : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === "object" ? child : doc.createTextNode(String(child)));
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  // Text to paragraphs (blank line = new paragraph, newline = <br>), as generator/pages.py does.
  function paras(text) {
    var out = [];
    String(text || "").trim().split(/\n\s*\n/).forEach(function (block) {
      block = block.trim();
      if (!block) return;
      var p = h("p");
      block.split("\n").forEach(function (line, i) {
        if (i) p.appendChild(h("br"));
        p.appendChild(doc.createTextNode(line.trim()));
      });
      out.push(p);
    });
    return out;
  }

  function inline(text) {
    var out = [];
    String(text || "").trim().split("\n").forEach(function (line, i) {
      if (i) out.push(h("br"));
      out.push(line);
    });
    return out;
  }

  function fmt(x) {
    var s = (Math.round(x * 100) / 100).toFixed(2);
    return s.replace(/\.?0+$/, "");
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function dateText(ts) {
    var d = new Date(ts);
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + " " +
      two(d.getHours()) + ":" + two(d.getMinutes());
  }

  var TYPE_NAMES = { single: "单项选择题", multiple: "多项选择题", judge: "判断题", case: "案例分析题",
    writing: "公文写作题", short: "简答题" };
  var DIFFICULTY = { 1: "易", 2: "中", 3: "难" };
  var LETTERS = "ABCDEFGH";

  /* ---------------------------------------------------------------- site URLs */

  // The site root and whether pages are "x/" (directory URLs) or "x.html" (offline build), read
  // from the header's home link, which MkDocs writes for the current mode.
  function findSite() {
    var logo = doc.querySelector("a.md-logo, a.md-header__button[href]");
    var href = logo ? logo.getAttribute("href") : null;
    var root, html;
    if (href !== null) {
      html = /(^|\/)index\.html$/.test(href);
      root = new URL(href.replace(/index\.html$/, "") || ".", location.href);
    } else {
      root = new URL("..", SCRIPT ? SCRIPT.src : location.href);
      html = /\.html$/.test(location.pathname);
    }
    if (!/\/$/.test(root.pathname)) root = new URL(root.pathname + "/", root);
    return { root: root, html: html };
  }

  var site = findSite();

  // "competencies/communication.md#x" -> URL of that page in this build.
  function pageUrl(source) {
    var parts = String(source).split("#");
    var path = parts[0].replace(/\.md$/, "");
    var url;
    if (site.html) url = path + ".html";
    else if (/(^|\/)index$/.test(path)) url = path.replace(/index$/, "");
    else url = path + "/";
    var u = new URL(url, site.root);
    if (parts[1]) u.hash = parts[1];
    return u.href;
  }

  function topicUrl(key, qid) {
    return pageUrl("practice/" + key + ".md" + (qid ? "#" + qid : ""));
  }

  /* ---------------------------------------------------------------- scoring (generator/scoring.py) */

  // status: "correct" | "partial" | "wrong" | "empty"
  function scoreChoice(type, key, chosen, points, rule, perOption) {
    rule = rule || "partial";
    if (!chosen.length) return { score: 0, status: "empty" };
    if (type === "single" || type === "judge") {
      var ok = chosen.length === 1 && chosen[0] === key[0];
      return { score: ok ? points : 0, status: ok ? "correct" : "wrong" };
    }
    var keySet = {};
    key.forEach(function (k) { keySet[k] = true; });
    var wrong = chosen.some(function (c) { return !keySet[c]; });
    if (wrong) return { score: 0, status: "wrong" };
    if (chosen.length === key.length) return { score: points, status: "correct" };
    if (rule === "all_or_nothing") return { score: 0, status: "partial" };
    var each = perOption !== null && perOption !== undefined && perOption < points ? perOption : points / key.length;
    return { score: Math.round(Math.min(each * chosen.length, points) * 100) / 100, status: "partial" };
  }

  /* ---------------------------------------------------------------- question markup */

  // The same markup generator/pages.py writes for practice pages (class names and data attributes),
  // so one controller (bindQuestion) serves both.

  function keyOf(item) {
    if (item.type === "judge") return item.answer ? "true" : "false";
    if (item.type === "single" || item.type === "multiple") return [].concat(item.answer).join(",");
    return null;
  }

  function keyText(type, key) {
    if (type === "judge") return key === "true" ? "正确" : "错误";
    return key.split(",").join("、");
  }

  function optionList(name, type, options, labelId) {
    var fs = h("fieldset", { class: "cw-options", "aria-labelledby": labelId },
      h("legend", { class: "cw-sr", text: "请选择" }));
    var pairs = type === "judge" ? [["true", "正确"], ["false", "错误"]]
      : options.map(function (t, i) { return [LETTERS[i], t]; });
    pairs.forEach(function (p) {
      fs.appendChild(h("label", { class: "cw-option" },
        h("input", { type: type === "multiple" ? "checkbox" : "radio", name: name, value: p[0] }),
        h("span", { class: "cw-option__key", text: type === "judge" ? (p[0] === "true" ? "√" : "×") : p[0] }),
        h("span", { class: "cw-option__text" }, inline(p[1]))));
    });
    return fs;
  }

  function rubricList(items, total) {
    return [
      h("p", { class: "cw-reveal__label", text: "评分要点（自查：逐条勾选你答到的要点）" }),
      h("ul", { class: "cw-rubric" }, items.map(function (it) {
        return h("li", null, h("label", null,
          h("input", { type: "checkbox", class: "cw-rubric__item", "data-score": it.score }),
          h("span", null, inline(it.point)),
          h("span", { class: "cw-rubric__score", text: it.score + " 分" })));
      })),
      h("p", { class: "cw-selfscore" }, "自评得分：", h("output", { class: "cw-selfscore__value", text: "0" }),
        " / " + fmt(total) + " 分")
    ];
  }

  function reveal(summary, children) {
    return h("details", { class: "cw-reveal" }, h("summary", { text: summary }), children);
  }

  // opts: {number, actions (bool), points (override for exam sections), label}
  function renderQuestion(q, opts) {
    opts = opts || {};
    var isChoice = q.type === "single" || q.type === "multiple" || q.type === "judge";
    var points = opts.points !== undefined ? opts.points : (isChoice ? 1 : q.points);
    var el = h("div", { class: "cw-q", id: q.id, "data-qid": q.id, "data-type": q.type, "data-topic": q.topic,
      "data-answer": isChoice ? keyOf(q) : null, "data-points": points });
    el.appendChild(h("div", { class: "cw-q__meta" },
      h("span", { class: "cw-q__no", text: "第 " + opts.number + " 题" }),
      h("span", { class: "cw-tag", text: TYPE_NAMES[q.type] }),
      opts.points !== undefined ? h("span", { class: "cw-tag", text: fmt(points) + " 分" }) : null,
      h("span", { class: "cw-tag", text: "难度：" + DIFFICULTY[q.difficulty] }),
      h("span", { class: "cw-q__id", text: q.id })));
    el.appendChild(h("div", { class: "cw-q__stem", id: q.id + "-stem" }, paras(q.stem)));
    if ((q.type === "case" || q.type === "writing") && q.material) {
      el.appendChild(h("div", { class: "cw-material" }, h("p", { class: "cw-material__label", text: "材料" }),
        paras(q.material)));
    }
    if (isChoice) {
      el.appendChild(optionList(q.id, q.type, q.options || [], q.id + "-stem"));
    } else if (q.type === "case") {
      el.appendChild(h("ol", { class: "cw-parts" }, q.parts.map(function (p, i) {
        var pid = q.id + "-p" + (i + 1);
        var li = h("li", { class: "cw-part", id: pid, "data-type": p.type,
          "data-answer": p.type === "short" ? null : keyOf(p), "data-points": p.points });
        li.appendChild(h("div", { class: "cw-part__stem", id: pid + "-stem" },
          h("span", { class: "cw-tag", text: TYPE_NAMES[p.type] + " · " + fmt(p.points) + " 分" }), paras(p.stem)));
        if (p.type === "short") {
          li.appendChild(h("textarea", { class: "cw-answer", rows: 4, "aria-labelledby": pid + "-stem",
            placeholder: "在这里写下你的答案" }));
        } else {
          li.appendChild(optionList(pid, p.type, p.options || [], pid + "-stem"));
        }
        li.appendChild(h("div", { class: "cw-part__feedback", role: "status", "aria-live": "polite" }));
        if (p.type === "short") {
          li.appendChild(reveal("参考答案与评分要点", [h("p", { class: "cw-reveal__label", text: "参考答案" }),
            h("div", { class: "cw-reference" }, paras(p.reference)), rubricList(p.rubric, p.points)]));
        } else {
          li.appendChild(reveal("答案与解析", [h("p", { class: "cw-key", text: "正确答案：" + keyText(p.type, keyOf(p)) }),
            h("div", { class: "cw-explanation" }, paras(p.explanation))]));
        }
        return li;
      })));
    } else if (q.type === "writing") {
      el.appendChild(h("div", { class: "cw-requirements" }, h("p", { class: "cw-material__label", text: "写作要求" }),
        h("ul", null, (q.requirements || []).map(function (r) { return h("li", null, inline(r)); }))));
      el.appendChild(h("textarea", { class: "cw-answer cw-answer--long", rows: 10, "aria-labelledby": q.id + "-stem",
        placeholder: "在这里起草" }));
    }
    if (opts.actions) {
      el.appendChild(h("div", { class: "cw-actions" },
        h("button", { type: "button", class: "md-button md-button--primary cw-submit", text: "提交" }),
        h("button", { type: "button", class: "md-button cw-retry", text: "重做", hidden: true })));
    }
    el.appendChild(h("div", { class: "cw-feedback", role: "status", "aria-live": "polite" }));
    var body = [];
    if (isChoice) body.push(h("p", { class: "cw-key", text: "正确答案：" + keyText(q.type, keyOf(q)) }));
    if (q.type === "writing") {
      body.push(h("p", { class: "cw-reveal__label", text: "范文" }), h("div", { class: "cw-model", text: q.model_answer }));
      body.push(rubricList(q.rubric, q.points));
    }
    body.push(h("div", { class: "cw-explanation" }, h("p", { class: "cw-reveal__label", text: "解析" }), paras(q.explanation)));
    if (q.refs && q.refs.length) body.push(h("p", { class: "cw-refs", text: "依据：" + q.refs.join("；") }));
    el.appendChild(reveal(q.type === "writing" ? "范文与评分要点" : (q.type === "case" ? "总体解析" : "答案与解析"), body));
    if (q.source) {
      var label = (BANK && BANK.sources && BANK.sources[q.source]) || q.source;
      el.appendChild(h("p", { class: "cw-src-line" }, h("a", { class: "cw-src", href: pageUrl(q.source), text: "学习：" + label })));
    }
    return el;
  }

  /* ---------------------------------------------------------------- grading a rendered question */

  function chosenIn(container) {
    var fs = container.querySelector(":scope > .cw-options");
    if (!fs) return [];
    return Array.prototype.filter.call(fs.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  function markOptions(container, key, chosen) {
    var fs = container.querySelector(":scope > .cw-options");
    if (!fs) return;
    Array.prototype.forEach.call(fs.querySelectorAll(".cw-option"), function (label) {
      var v = label.querySelector("input").value;
      label.classList.toggle("is-key", key.indexOf(v) >= 0);
      label.classList.toggle("is-chosen", chosen.indexOf(v) >= 0);
      label.classList.toggle("is-wrong", chosen.indexOf(v) >= 0 && key.indexOf(v) < 0);
    });
  }

  var STATUS_TEXT = { correct: "正确", partial: "部分正确", wrong: "错误", empty: "未作答" };

  // Grade a question element; returns {score, max, objective, objectiveMax, wrong (bool), status,
  // response}. rule/perOption: the multiple-choice rule (practice uses "partial").
  function gradeQuestion(el, rule, perOption) {
    var type = el.getAttribute("data-type");
    var points = parseFloat(el.getAttribute("data-points")) || 1;
    var res = { score: 0, max: points, objective: 0, objectiveMax: 0, wrong: false, status: null, response: null };
    if (type === "single" || type === "multiple" || type === "judge") {
      var key = el.getAttribute("data-answer").split(",");
      var chosen = chosenIn(el);
      var r = scoreChoice(type, key, chosen, points, rule, perOption);
      markOptions(el, key, chosen);
      res.score = res.objective = r.score;
      res.objectiveMax = points;
      res.status = r.status;
      res.wrong = r.status !== "correct";
      res.response = chosen;
    } else if (type === "case") {
      var total = 0, right = 0, counted = 0;
      res.response = [];
      Array.prototype.forEach.call(el.querySelectorAll(".cw-part"), function (part) {
        var ptype = part.getAttribute("data-type");
        var ppoints = parseFloat(part.getAttribute("data-points")) || 0;
        var fb = part.querySelector(".cw-part__feedback");
        if (ptype === "short") {
          var ta = part.querySelector("textarea");
          res.response.push(ta ? ta.value : "");
          fb.textContent = "请对照参考答案与评分要点自查。";
          fb.className = "cw-part__feedback is-self";
          return;
        }
        var key = part.getAttribute("data-answer").split(",");
        var chosen = chosenIn(part);
        var r = scoreChoice(ptype, key, chosen, ppoints, rule, perOption);
        markOptions(part, key, chosen);
        res.response.push(chosen);
        total += r.score;
        res.objectiveMax += ppoints;
        counted += 1;
        if (r.status === "correct") right += 1;
        fb.textContent = STATUS_TEXT[r.status] + "（" + fmt(r.score) + " / " + fmt(ppoints) + " 分）";
        fb.className = "cw-part__feedback is-" + r.status;
        part.classList.add("is-" + r.status);
      });
      res.objective = res.score = total;
      res.wrong = right < counted;
      res.status = counted ? (right === counted ? "correct" : (total > 0 ? "partial" : "wrong")) : "self";
      res.counted = counted;
      res.right = right;
    } else {
      var ta2 = el.querySelector("textarea");
      res.response = ta2 ? ta2.value : "";
      res.status = "self";
    }
    return res;
  }

  function selfScore(el) {
    var sum = 0;
    Array.prototype.forEach.call(el.querySelectorAll(".cw-rubric__item"), function (c) {
      if (c.checked) sum += parseFloat(c.getAttribute("data-score")) || 0;
    });
    return sum;
  }

  function openReveals(el, open) {
    Array.prototype.forEach.call(el.querySelectorAll("details.cw-reveal"), function (d) { d.open = open; });
  }

  function setInputsDisabled(el, disabled) {
    Array.prototype.forEach.call(el.querySelectorAll(".cw-options input, textarea.cw-answer"), function (i) {
      i.disabled = disabled;
    });
  }

  // Rubric checkboxes update the self-assessed score next to them.
  doc.addEventListener("change", function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains("cw-rubric__item")) return;
    var box = t.closest("details") || t.closest(".cw-q");
    var sum = 0;
    Array.prototype.forEach.call(box.querySelectorAll(".cw-rubric__item"), function (c) {
      if (c.checked) sum += parseFloat(c.getAttribute("data-score")) || 0;
    });
    var out = box.querySelector(".cw-selfscore__value");
    if (out) out.textContent = fmt(sum);
    var q = t.closest(".cw-q");
    if (q) q.dispatchEvent(new CustomEvent("cw:selfscore", { bubbles: true }));
  });

  /* ---------------------------------------------------------------- 错题本 store */

  var Mistakes = {
    all: function () {
      var data = load(KEYS.mistakes, null);
      return data && data.items && typeof data.items === "object" ? data.items : {};
    },
    write: function (items) { save(KEYS.mistakes, { version: 1, items: items }); },
    add: function (id, topic, from, response) {
      var items = Mistakes.all();
      var now = Date.now();
      var it = items[id] || { id: id, topic: topic, count: 0, first: now, from: [] };
      it.count += 1;
      it.last = now;
      it.topic = topic || it.topic;
      if (it.from.indexOf(from) < 0) it.from.push(from);
      it.response = response;
      items[id] = it;
      Mistakes.write(items);
    },
    has: function (id) { return Object.prototype.hasOwnProperty.call(Mistakes.all(), id); },
    remove: function (id) {
      var items = Mistakes.all();
      delete items[id];
      Mistakes.write(items);
    },
    clear: function () { drop(KEYS.mistakes); }
  };

  /* ---------------------------------------------------------------- practice controller */

  function bindQuestion(el, onGraded) {
    if (el.getAttribute("data-bound")) return;
    el.setAttribute("data-bound", "1");
    var submit = el.querySelector(".cw-submit");
    var retry = el.querySelector(".cw-retry");
    var fb = el.querySelector(".cw-feedback");
    if (!submit) return;
    submit.addEventListener("click", function () {
      var type = el.getAttribute("data-type");
      var isChoice = type === "single" || type === "multiple" || type === "judge";
      if (isChoice && !chosenIn(el).length) {
        fb.textContent = "请先选择答案，再按“提交”。";
        fb.className = "cw-feedback is-hint";
        return;
      }
      var res = gradeQuestion(el, "partial", null);
      el.classList.remove("is-correct", "is-wrong", "is-partial");
      clear(fb);
      if (isChoice) {
        var key = el.getAttribute("data-answer");
        el.classList.add("is-" + (res.status === "correct" ? "correct" : res.status === "partial" ? "partial" : "wrong"));
        fb.className = "cw-feedback is-" + res.status;
        fb.appendChild(h("strong", { text: res.status === "correct" ? "✓ 回答正确" :
          (res.status === "partial" ? "◐ 部分正确（少选）" : "✗ 回答错误") }));
        if (res.status !== "correct") fb.appendChild(doc.createTextNode("　正确答案：" + keyText(type, key)));
      } else if (type === "case") {
        fb.className = "cw-feedback is-" + (res.wrong ? "wrong" : "correct");
        fb.appendChild(h("strong", { text: res.counted ? "选择类小题答对 " + res.right + " / " + res.counted : "已显示参考答案" }));
        fb.appendChild(doc.createTextNode("　简答小题请对照参考答案和评分要点自查。"));
      } else {
        fb.className = "cw-feedback is-self";
        fb.appendChild(h("strong", { text: "已显示范文与评分要点" }));
        fb.appendChild(doc.createTextNode("　请逐条对照，勾选你写到的要点。"));
      }
      var topic = el.getAttribute("data-topic");
      var id = el.getAttribute("data-qid");
      if (res.wrong && res.status !== "self") {
        Mistakes.add(id, topic, "practice", res.response);
        fb.appendChild(h("span", { class: "cw-note", text: "　已记入错题本。" }));
      } else if (!res.wrong && Mistakes.has(id)) {
        var btn = h("button", { type: "button", class: "md-button cw-remove", text: "移出错题本" });
        btn.addEventListener("click", function () {
          Mistakes.remove(id);
          btn.replaceWith(h("span", { class: "cw-note", text: "已移出错题本。" }));
          if (onGraded) onGraded(el, res, "removed");
        });
        fb.appendChild(doc.createTextNode("　这道题在错题本中，已经答对了："));
        fb.appendChild(btn);
      }
      el.classList.add("is-done");
      setInputsDisabled(el, true);
      openReveals(el, true);
      submit.hidden = true;
      if (retry) { retry.hidden = false; }
      fb.setAttribute("tabindex", "-1");
      fb.focus({ preventScroll: true });
      if (onGraded) onGraded(el, res, "graded");
    });
    if (retry) retry.addEventListener("click", function () {
      el.classList.remove("is-done", "is-correct", "is-wrong", "is-partial");
      Array.prototype.forEach.call(el.querySelectorAll("input"), function (i) { i.checked = false; });
      Array.prototype.forEach.call(el.querySelectorAll(".cw-option"), function (l) {
        l.classList.remove("is-key", "is-chosen", "is-wrong");
      });
      Array.prototype.forEach.call(el.querySelectorAll(".cw-part"), function (p) {
        p.classList.remove("is-correct", "is-wrong", "is-partial", "is-empty");
      });
      Array.prototype.forEach.call(el.querySelectorAll(".cw-part__feedback, .cw-feedback"), function (f) {
        clear(f); f.className = f.className.split(" ")[0];
      });
      Array.prototype.forEach.call(el.querySelectorAll(".cw-selfscore__value"), function (o) { o.textContent = "0"; });
      setInputsDisabled(el, false);
      openReveals(el, false);
      submit.hidden = false;
      retry.hidden = true;
      var first = el.querySelector("input, textarea");
      if (first) first.focus();
    });
  }

  /* ---------------------------------------------------------------- bank data */

  var BANK = window.CW_BANK || null;

  // Load practice/bank.js (a script, so it also works from file:// in the offline build).
  function withBank(done, fail) {
    if (window.CW_BANK) { BANK = window.CW_BANK; done(BANK); return; }
    var s = doc.createElement("script");
    s.src = new URL("practice/bank.js", site.root).href;
    s.onload = function () {
      BANK = window.CW_BANK || null;
      if (BANK) done(BANK); else fail();
    };
    s.onerror = fail;
    doc.head.appendChild(s);
  }

  function byId(bank) {
    var map = {};
    bank.questions.forEach(function (q) { map[q.id] = q; });
    return map;
  }

  function topicTitle(bank, key) {
    for (var i = 0; i < bank.topics.length; i++) if (bank.topics[i].key === key) return bank.topics[i].title;
    return key;
  }

  function failBox(root, msg) {
    clear(root);
    root.appendChild(h("div", { class: "admonition failure" }, h("p", { class: "admonition-title", text: "无法加载题库" }),
      h("p", { text: msg || "题库数据 practice/bank.js 未能加载。请先运行 cwexam pages 或 mkdocs build 生成练习页面。" })));
  }

  /* ---------------------------------------------------------------- mock exam: drawing a paper */

  function rng(seed) { // mulberry32
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle(list, rand) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(rand() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  // Largest remainder, ties to the earlier key (sorted), as generator/select.py apportion().
  function apportion(n, weights) {
    var keys = Object.keys(weights).sort();
    var total = keys.reduce(function (s, k) { return s + weights[k]; }, 0);
    var alloc = {};
    keys.forEach(function (k) { alloc[k] = 0; });
    if (n <= 0 || total <= 0) return alloc;
    var exact = {}, used = 0;
    keys.forEach(function (k) { exact[k] = n * weights[k] / total; alloc[k] = Math.floor(exact[k]); used += alloc[k]; });
    keys.slice().sort(function (a, b) {
      var d = (exact[b] - alloc[b]) - (exact[a] - alloc[a]);
      return d !== 0 ? d : (a < b ? -1 : 1);
    }).slice(0, n - used).forEach(function (k) { alloc[k] += 1; });
    return alloc;
  }

  function allocate(n, weights, capacity) {
    var alloc = {}, open = {}, left = n;
    Object.keys(weights).forEach(function (k) { alloc[k] = 0; if ((capacity[k] || 0) > 0) open[k] = weights[k]; });
    while (left > 0 && Object.keys(open).length) {
      var share = apportion(left, open), progressed = false;
      Object.keys(share).forEach(function (k) {
        var take = Math.min(share[k], capacity[k] - alloc[k]);
        if (take > 0) { alloc[k] += take; left -= take; progressed = true; }
        if (alloc[k] >= capacity[k]) delete open[k];
      });
      if (!progressed) break;
    }
    return alloc;
  }

  function inScope(q, scope) { return scope.indexOf("/") >= 0 ? q.topic === scope : q.area === scope; }

  function draw(pool, n, rand, mix, taken) {
    var cands = shuffle(pool.filter(function (q) { return !taken[q.id]; }), rand);
    var hasMix = mix && Object.keys(mix).length;
    var targets = hasMix ? apportion(n, mix) : {};
    var chosen = [], picked = {};
    cands.forEach(function (q) {
      if (chosen.length < n && (targets[String(q.difficulty)] || 0) > 0) {
        targets[String(q.difficulty)] -= 1;
        chosen.push(q);
        picked[q.id] = true;
      }
    });
    cands.forEach(function (q) { if (chosen.length < n && !picked[q.id]) chosen.push(q); });
    chosen.forEach(function (q) { taken[q.id] = true; });
    return chosen;
  }

  // A paper for blueprint `bp`: [{section, questions: [ids]}]; mirrors Selector.select for one version.
  function drawPaper(bank, bp, seed) {
    var rand = rng(seed);
    var byType = {};
    bank.questions.slice().sort(function (a, b) { return a.id < b.id ? -1 : 1; }).forEach(function (q) {
      (byType[q.type] = byType[q.type] || []).push(q);
    });
    function pool(s) {
      var p = byType[s.type] || [];
      if ((s.type === "case" || s.type === "writing") && s.points !== null && s.points !== undefined) {
        p = p.filter(function (q) { return q.points === s.points; });
      }
      return p;
    }
    var taken = {};
    var chosen = bp.sections.map(function () { return []; });
    bp.sections.forEach(function (s, i) {
      Object.keys(s.quotas || {}).sort().forEach(function (scope) {
        chosen[i] = chosen[i].concat(draw(pool(s).filter(function (q) { return inScope(q, scope); }),
          s.quotas[scope], rand, s.difficulty, taken));
      });
    });
    bp.sections.forEach(function (s, i) {
      var quota = Object.keys(s.quotas || {}).reduce(function (t, k) { return t + s.quotas[k]; }, 0);
      var rest = s.count - quota;
      if (rest <= 0) return;
      var p = pool(s);
      var weights = s.weights || {};
      if (Object.keys(weights).length) {
        var scoped = {}, cap = {};
        Object.keys(weights).forEach(function (k) {
          scoped[k] = p.filter(function (q) { return inScope(q, k) && !taken[q.id]; });
          cap[k] = scoped[k].length;
        });
        var alloc = allocate(rest, weights, cap);
        Object.keys(alloc).sort().forEach(function (k) {
          chosen[i] = chosen[i].concat(draw(scoped[k], alloc[k], rand, s.difficulty, taken));
        });
      } else {
        chosen[i] = chosen[i].concat(draw(p, rest, rand, s.difficulty, taken));
      }
    });
    return chosen.map(function (qs) { return shuffle(qs, rand).map(function (q) { return q.id; }); });
  }

  /* ---------------------------------------------------------------- mock exam app */

  function examApp(root) {
    var bank, qmap, timer = null, state = null;

    function blueprint(name) {
      for (var i = 0; i < bank.blueprints.length; i++) if (bank.blueprints[i].name === name) return bank.blueprints[i];
      return null;
    }

    function totalOf(bp) {
      var t = 0;
      bp.sections.forEach(function (s) { if (s.points) t += s.points * s.count; });
      return t;
    }

    function sectionPoints(s, q) {
      return (s.type === "single" || s.type === "multiple" || s.type === "judge") ? s.points : q.points;
    }

    /* ---- setup screen */
    function showSetup(message) {
      stopTimer();
      clear(root);
      if (message) root.appendChild(h("p", { class: "cw-banner", role: "status", text: message }));
      var current = load(KEYS.current, null);
      if (current && !current.submitted && blueprint(current.blueprint)) {
        var over = current.deadline <= Date.now();
        var resume = h("button", { type: "button", class: "md-button md-button--primary",
          text: over ? "交卷并查看成绩" : "继续作答" });
        var discard = h("button", { type: "button", class: "md-button", text: "放弃这次考试" });
        resume.addEventListener("click", function () { state = current; startExam(); });
        discard.addEventListener("click", function () { drop(KEYS.current); showSetup("已放弃未完成的考试。"); });
        root.appendChild(h("div", { class: "admonition warning cw-resume" },
          h("p", { class: "admonition-title", text: "有一场未完成的考试" }),
          h("p", { text: current.title + (over ? "，考试时间已到，按已作答的内容计分。" :
            "，剩余约 " + Math.ceil((current.deadline - Date.now()) / 60000) + " 分钟。") }),
          h("p", null, resume, " ", discard)));
      }
      if (!bank.blueprints.length) {
        root.appendChild(h("p", { text: "题库中还没有试卷蓝图（questions/blueprints/*.yaml），暂时无法组卷。" }));
        renderHistory();
        return;
      }
      var form = h("form", { class: "cw-setup", "aria-labelledby": "cw-setup-title" });
      form.appendChild(h("h2", { id: "cw-setup-title", text: "选择试卷" }));
      var list = h("fieldset", { class: "cw-blueprints" }, h("legend", { class: "cw-sr", text: "试卷蓝图" }));
      var first = true;
      bank.blueprints.forEach(function (bp) {
        var ok = !bp.problems || !bp.problems.length;
        var checked = ok && first;
        if (checked) first = false;
        var count = bp.sections.reduce(function (t, s) { return t + s.count; }, 0);
        var desc = bp.sections.map(function (s) {
          return s.heading.replace(/^[一二三四五六七八九十]+、/, "") + " " + s.count + " 题";
        }).join("，");
        list.appendChild(h("label", { class: "cw-blueprint" + (ok ? "" : " is-disabled") },
          h("input", { type: "radio", name: "cw-blueprint", value: bp.name, checked: checked, disabled: !ok }),
          h("span", { class: "cw-blueprint__body" },
            h("strong", { text: bp.title }),
            bp.subtitle ? h("span", { class: "cw-blueprint__sub", text: bp.subtitle }) : null,
            h("span", { class: "cw-blueprint__info", text: "共 " + count + " 题，" + bp.time_limit + " 分钟" +
              (totalOf(bp) ? "，选择题 " + fmt(totalOf(bp)) + " 分" : "") + "。" + desc + "。" }),
            ok ? null : h("span", { class: "cw-blueprint__problem", text: "题库题目不足，暂不可用：" + bp.problems.join("；") }))));
      });
      form.appendChild(list);
      var seedInput = h("input", { type: "text", inputmode: "numeric", id: "cw-seed", class: "cw-input", autocomplete: "off",
        placeholder: "留空则随机", pattern: "[0-9]*", "aria-describedby": "cw-seed-help" });
      form.appendChild(h("p", { class: "cw-field" }, h("label", { for: "cw-seed", text: "试卷编号（可选）：" }), seedInput,
        h("span", { id: "cw-seed-help", class: "cw-help", text: "填同一个编号会抽到同一套题，方便和同学对照。" })));
      var start = h("button", { type: "submit", class: "md-button md-button--primary", text: "开始考试" });
      form.appendChild(h("p", null, start));
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var picked = form.querySelector("input[name=cw-blueprint]:checked");
        if (!picked) return;
        var seedText = seedInput.value.trim();
        var seed = /^\d{1,9}$/.test(seedText) ? parseInt(seedText, 10) : Math.floor(Math.random() * 1e6);
        newExam(blueprint(picked.value), seed);
      });
      root.appendChild(form);
      renderHistory();
    }

    function renderHistory() {
      var history = load(KEYS.history, []);
      var box = h("section", { class: "cw-history", "aria-labelledby": "cw-history-title" },
        h("h2", { id: "cw-history-title", text: "考试记录" }));
      if (!history.length) {
        box.appendChild(h("p", { text: "还没有考试记录。交卷后成绩会保存在本浏览器中。" }));
      } else {
        var table = h("table", null, h("thead", null, h("tr", null,
          ["时间", "试卷", "编号", "得分", "用时"].map(function (t) { return h("th", { scope: "col", text: t }); }))));
        var body = h("tbody");
        history.slice().reverse().forEach(function (r) {
          body.appendChild(h("tr", null, h("td", { text: dateText(r.at) }), h("td", { text: r.title }),
            h("td", { text: String(r.seed) }),
            h("td", { text: fmt(r.score) + " / " + fmt(r.total) + (r.selfScored ? "（含自评）" : "") }),
            h("td", { text: Math.max(1, Math.round(r.used / 60)) + " 分钟" })));
        });
        table.appendChild(body);
        var wrap = h("div", { class: "md-typeset__scrollwrap" }, h("div", { class: "md-typeset__table" }, table));
        box.appendChild(wrap);
        var clearBtn = h("button", { type: "button", class: "md-button", text: "清空考试记录" });
        clearBtn.addEventListener("click", function () { drop(KEYS.history); showSetup("考试记录已清空。"); });
        box.appendChild(h("p", null, clearBtn));
      }
      root.appendChild(box);
    }

    /* ---- the exam */
    function newExam(bp, seed) {
      var ids = drawPaper(bank, bp, seed);
      state = { blueprint: bp.name, title: bp.title, seed: seed, sections: ids, answers: {}, started: Date.now(),
        deadline: Date.now() + bp.time_limit * 60000, current: 0, submitted: false };
      save(KEYS.current, state);
      startExam();
    }

    function items() {
      var bp = blueprint(state.blueprint), out = [], n = 0;
      state.sections.forEach(function (ids, si) {
        ids.forEach(function (id) {
          if (!qmap[id]) return;
          n += 1;
          out.push({ number: n, section: si, s: bp.sections[si], q: qmap[id] });
        });
      });
      return out;
    }

    var els = {};

    function startExam() {
      var bp = blueprint(state.blueprint);
      var list = items();
      clear(root);
      var clock = h("span", { class: "cw-clock", role: "timer", "aria-label": "剩余时间", text: "--:--" });
      var sheetBtn = h("button", { type: "button", class: "md-button cw-sheet-toggle", "aria-expanded": "false",
        "aria-controls": "cw-sheet", text: "答题卡" });
      var submitBtn = h("button", { type: "button", class: "md-button md-button--primary cw-exam-submit", text: "交卷" });
      var bar = h("div", { class: "cw-exambar" }, h("span", { class: "cw-exambar__title", text: bp.title }),
        h("span", { class: "cw-exambar__clock" }, "剩余 ", clock), sheetBtn, submitBtn);
      var sheet = h("nav", { class: "cw-sheet", id: "cw-sheet", "aria-label": "答题卡" });
      var stage = h("div", { class: "cw-stage" });
      var confirmBox = h("div", { class: "cw-confirm", hidden: true, role: "alertdialog", "aria-labelledby": "cw-confirm-text" });
      root.appendChild(bar);
      root.appendChild(confirmBox);
      root.appendChild(h("div", { class: "cw-exam-layout" }, sheet, stage));
      els = { bar: bar, clock: clock, sheet: sheet, stage: stage, confirm: confirmBox, submit: submitBtn, list: list, qs: [] };

      var lastSection = -1;
      list.forEach(function (it, idx) {
        if (it.section !== lastSection) {
          lastSection = it.section;
          sheet.appendChild(h("p", { class: "cw-sheet__heading", text: it.s.heading }));
          sheet.appendChild(h("div", { class: "cw-sheet__grid", "data-section": it.section }));
        }
        var grid = sheet.lastChild;
        var cell = h("button", { type: "button", class: "cw-cell", "data-index": idx, "aria-label": "第 " + it.number + " 题",
          text: String(it.number) });
        cell.addEventListener("click", function () { show(idx, true); closeSheetOnPhone(); });
        grid.appendChild(cell);
        var wrap = h("section", { class: "cw-exam-item", "data-index": idx, tabindex: "-1",
          "aria-label": it.s.heading + " 第 " + it.number + " 题" });
        wrap.appendChild(h("p", { class: "cw-section-note" }, h("strong", { text: it.s.heading }), "　", it.s.note));
        var qel = renderQuestion(it.q, { number: it.number, points: sectionPoints(it.s, it.q) });
        wrap.appendChild(qel);
        var prev = h("button", { type: "button", class: "md-button cw-prev", text: "上一题", disabled: idx === 0 });
        var next = h("button", { type: "button", class: "md-button md-button--primary cw-next",
          text: idx === list.length - 1 ? "检查并交卷" : "下一题" });
        prev.addEventListener("click", function () { show(idx - 1, true); });
        next.addEventListener("click", function () { if (idx === list.length - 1) askSubmit(); else show(idx + 1, true); });
        wrap.appendChild(h("div", { class: "cw-nav" }, prev, next));
        stage.appendChild(wrap);
        els.qs.push(qel);
        restoreAnswer(qel, state.answers[it.q.id]);
        qel.addEventListener("change", function () { recordAnswer(idx); });
        qel.addEventListener("input", function (e) { if (e.target.tagName === "TEXTAREA") recordAnswer(idx); });
      });
      sheetBtn.addEventListener("click", function () {
        var open = !root.classList.contains("cw-sheet-open");
        root.classList.toggle("cw-sheet-open", open);
        sheetBtn.setAttribute("aria-expanded", String(open));
      });
      submitBtn.addEventListener("click", askSubmit);
      list.forEach(function (it, idx) { markCell(idx); });
      show(Math.min(state.current || 0, list.length - 1), false);
      tick();
      timer = window.setInterval(tick, 1000);
    }

    function closeSheetOnPhone() {
      root.classList.remove("cw-sheet-open");
      var b = root.querySelector(".cw-sheet-toggle");
      if (b) b.setAttribute("aria-expanded", "false");
    }

    function show(idx, focus) {
      var wraps = els.stage.querySelectorAll(".cw-exam-item");
      Array.prototype.forEach.call(wraps, function (w, i) { w.hidden = i !== idx; });
      Array.prototype.forEach.call(els.sheet.querySelectorAll(".cw-cell"), function (c, i) {
        if (i === idx) c.setAttribute("aria-current", "true"); else c.removeAttribute("aria-current");
      });
      state.current = idx;
      save(KEYS.current, state);
      if (focus) {
        wraps[idx].focus({ preventScroll: true });
        var top = root.getBoundingClientRect().top + window.pageYOffset - 80;
        if (window.pageYOffset > top) window.scrollTo(0, top);
      }
    }

    function responseOf(qel) {
      var type = qel.getAttribute("data-type");
      if (type === "case") {
        return Array.prototype.map.call(qel.querySelectorAll(".cw-part"), function (p) {
          var ta = p.querySelector("textarea");
          return ta ? ta.value : chosenIn(p);
        });
      }
      if (type === "writing") return qel.querySelector("textarea").value;
      return chosenIn(qel);
    }

    function isAnswered(qel) {
      var type = qel.getAttribute("data-type");
      if (type === "case") {
        return Array.prototype.some.call(qel.querySelectorAll(".cw-part"), function (p) {
          var ta = p.querySelector("textarea");
          return ta ? ta.value.trim() !== "" : chosenIn(p).length > 0;
        });
      }
      if (type === "writing") return qel.querySelector("textarea").value.trim() !== "";
      return chosenIn(qel).length > 0;
    }

    function restoreAnswer(qel, resp) {
      if (resp === undefined || resp === null) return;
      function check(container, values) {
        var fs = container.querySelector(":scope > .cw-options");
        if (!fs) return;
        Array.prototype.forEach.call(fs.querySelectorAll("input"), function (i) { i.checked = values.indexOf(i.value) >= 0; });
      }
      var type = qel.getAttribute("data-type");
      if (type === "case") {
        Array.prototype.forEach.call(qel.querySelectorAll(".cw-part"), function (p, i) {
          var ta = p.querySelector("textarea");
          if (ta) ta.value = typeof resp[i] === "string" ? resp[i] : "";
          else check(p, Array.isArray(resp[i]) ? resp[i] : []);
        });
      } else if (type === "writing") {
        qel.querySelector("textarea").value = typeof resp === "string" ? resp : "";
      } else {
        check(qel, Array.isArray(resp) ? resp : []);
      }
    }

    function recordAnswer(idx) {
      var qel = els.qs[idx];
      state.answers[qel.getAttribute("data-qid")] = responseOf(qel);
      save(KEYS.current, state);
      markCell(idx);
    }

    function markCell(idx) {
      var cell = els.sheet.querySelectorAll(".cw-cell")[idx];
      var done = isAnswered(els.qs[idx]);
      cell.classList.toggle("is-answered", done);
      cell.setAttribute("aria-label", "第 " + els.list[idx].number + " 题（" + (done ? "已答" : "未答") + "）");
    }

    function tick() {
      var left = Math.max(0, state.deadline - Date.now());
      var s = Math.round(left / 1000);
      els.clock.textContent = two(Math.floor(s / 60)) + ":" + two(s % 60);
      els.bar.classList.toggle("is-urgent", s <= 300);
      if (left <= 0) {
        stopTimer();
        finish(true);
      }
    }

    function stopTimer() { if (timer) { window.clearInterval(timer); timer = null; } }

    function askSubmit() {
      var missing = els.qs.filter(function (q) { return !isAnswered(q); }).length;
      var box = els.confirm;
      clear(box);
      var yes = h("button", { type: "button", class: "md-button md-button--primary cw-confirm-yes", text: "确定交卷" });
      var no = h("button", { type: "button", class: "md-button", text: "继续作答" });
      yes.addEventListener("click", function () { box.hidden = true; finish(false); });
      no.addEventListener("click", function () { box.hidden = true; els.submit.focus(); });
      box.appendChild(h("p", { id: "cw-confirm-text", text: missing ? "还有 " + missing + " 题未作答，交卷后不能再修改。确定交卷吗？"
        : "全部题目都已作答。交卷后不能再修改，确定交卷吗？" }));
      box.appendChild(h("p", null, yes, " ", no));
      box.hidden = false;
      yes.focus();
    }

    /* ---- scoring and review */
    function finish(timeUp) {
      stopTimer();
      var bp = blueprint(state.blueprint);
      var rule = bp.scoring.multiple, perOption = bp.scoring.per_option;
      var sections = bp.sections.map(function (s) { return { heading: s.heading, type: s.type, score: 0, total: 0, objective: true }; });
      var score = 0, total = 0, wrongCount = 0;
      els.list.forEach(function (it, idx) {
        var qel = els.qs[idx];
        var res = gradeQuestion(qel, rule, perOption);
        var sec = sections[it.section];
        sec.total += res.max;
        sec.score += res.objective;
        if (it.q.type === "case" || it.q.type === "writing") sec.objective = false;
        total += res.max;
        score += res.objective;
        qel.classList.add("is-done", "is-review");
        setInputsDisabled(qel, true);
        openReveals(qel, true);
        var cell = els.sheet.querySelectorAll(".cw-cell")[idx];
        var fb = qel.querySelector(".cw-feedback");
        clear(fb);
        if (res.status === "self") {
          cell.classList.add("is-self");
          fb.className = "cw-feedback is-self";
          fb.appendChild(h("strong", { text: "主观题" }));
          fb.appendChild(doc.createTextNode("　请对照范文或参考答案，勾选评分要点自评。"));
        } else {
          var st = it.q.type === "case" ? (res.wrong ? (res.objective > 0 ? "partial" : "wrong") : "correct") : res.status;
          cell.classList.add("is-" + (st === "empty" ? "wrong" : st));
          qel.classList.add("is-" + (st === "empty" ? "wrong" : st));
          fb.className = "cw-feedback is-" + st;
          fb.appendChild(h("strong", { text: STATUS_TEXT[st] + "　得分 " + fmt(res.objective) + " / " +
            fmt(it.q.type === "case" ? res.objectiveMax : res.max) + (it.q.type === "case" ? "（选择类小题）" : "") }));
          if (it.q.type !== "case" && st !== "correct") {
            fb.appendChild(doc.createTextNode("　正确答案：" + keyText(it.q.type, qel.getAttribute("data-answer"))));
          }
        }
        if (res.wrong && res.status !== "self") {
          wrongCount += 1;
          Mistakes.add(it.q.id, it.q.topic, "exam", res.response);
        }
      });
      var used = Math.round((Math.min(Date.now(), state.deadline) - state.started) / 1000);
      var record = { at: Date.now(), blueprint: bp.name, title: bp.title, seed: state.seed, score: score, total: total,
        objective: score, used: used, selfScored: false,
        sections: sections.map(function (s) { return { heading: s.heading, score: s.score, total: s.total }; }) };
      var history = load(KEYS.history, []);
      history.push(record);
      save(KEYS.history, history.slice(-50));
      drop(KEYS.current);
      showResult(bp, sections, record, wrongCount, timeUp);
    }

    function showResult(bp, sections, record, wrongCount, timeUp) {
      els.bar.querySelector(".cw-exambar__clock").textContent = "已交卷";
      els.submit.remove();
      var summary = h("section", { class: "cw-result", tabindex: "-1", "aria-labelledby": "cw-result-title" });
      var totalEl = h("span", { class: "cw-result__total" });
      var tbody = h("tbody");
      var rows = [];
      sections.forEach(function (s) {
        var cell = h("td", { class: "cw-result__score" });
        rows.push({ s: s, cell: cell });
        tbody.appendChild(h("tr", null, h("th", { scope: "row", text: s.heading }), cell, h("td", { text: fmt(s.total) })));
      });
      var footCell = h("td", { class: "cw-result__score" });
      tbody.appendChild(h("tr", { class: "cw-result__sum" }, h("th", { scope: "row", text: "合计" }), footCell, h("td", { text: fmt(record.total) })));
      summary.appendChild(h("h2", { id: "cw-result-title" }, "成绩：", totalEl));
      if (timeUp) summary.appendChild(h("p", { class: "cw-banner", text: "考试时间到，已自动交卷。" }));
      summary.appendChild(h("div", { class: "md-typeset__table cw-result__table" }, h("table", null,
        h("thead", null, h("tr", null, h("th", { scope: "col", text: "部分" }), h("th", { scope: "col", text: "得分" }),
          h("th", { scope: "col", text: "满分" }))), tbody)));
      var hasSubjective = sections.some(function (s) { return !s.objective; });
      summary.appendChild(h("p", { class: "cw-result__note", text:
        (hasSubjective ? "案例分析中的简答小题和公文写作题需要自评：在下方逐题勾选评分要点，成绩随之更新。" : "") +
        (wrongCount ? "做错的 " + wrongCount + " 题已记入错题本。" : "客观题全部正确！") }));
      var again = h("button", { type: "button", class: "md-button md-button--primary", text: "再考一次" });
      again.addEventListener("click", function () { showSetup(); window.scrollTo(0, root.getBoundingClientRect().top + window.pageYOffset - 80); });
      summary.appendChild(h("p", null, again, " ", h("a", { class: "md-button", href: pageUrl("mistakes.md"), text: "查看错题本" })));
      root.insertBefore(summary, els.confirm);

      function update() {
        var sum = 0, self = false;
        rows.forEach(function (r) { r.extra = 0; });
        els.list.forEach(function (it, idx) {
          var q = els.qs[idx];
          var add = selfScore(q);
          if (add) self = true;
          rows[it.section].extra += add;
        });
        rows.forEach(function (r) {
          var v = r.s.score + r.extra;
          sum += v;
          r.cell.textContent = fmt(v) + (r.s.objective ? "" : "（含自评）");
        });
        footCell.textContent = fmt(sum);
        totalEl.textContent = fmt(sum) + " / " + fmt(record.total) + " 分";
        record.score = sum;
        record.selfScored = self;
        var history = load(KEYS.history, []);
        for (var i = history.length - 1; i >= 0; i--) {
          if (history[i].at === record.at) { history[i] = record; break; }
        }
        save(KEYS.history, history);
      }
      root.addEventListener("cw:selfscore", update);
      update();
      root.classList.add("cw-reviewing");
      Array.prototype.forEach.call(els.stage.querySelectorAll(".cw-exam-item"), function (w) {
        w.hidden = false;
        var nav = w.querySelector(".cw-nav");
        if (nav) nav.remove();
      });
      Array.prototype.forEach.call(els.sheet.querySelectorAll(".cw-cell"), function (c, i) {
        c.removeAttribute("aria-current");
        c.onclick = null;
        var fresh = c.cloneNode(true);
        fresh.addEventListener("click", function () {
          var w = els.stage.querySelectorAll(".cw-exam-item")[i];
          w.scrollIntoView({ block: "start" });
          w.focus({ preventScroll: true });
          closeSheetOnPhone();
        });
        c.replaceWith(fresh);
      });
      summary.focus();
      summary.scrollIntoView({ block: "start" });
    }

    withBank(function (b) {
      bank = b;
      bank.blueprints = bank.blueprints || [];
      qmap = byId(bank);
      showSetup();
    }, function () { failBox(root); });
  }

  /* ---------------------------------------------------------------- 错题本 page */

  function mistakesApp(root) {
    withBank(function (bank) {
      var qmap = byId(bank);

      function render(message) {
        clear(root);
        var items = Mistakes.all();
        var ids = Object.keys(items);
        var bar = h("div", { class: "cw-toolbar" });
        root.appendChild(bar);
        if (message) root.appendChild(h("p", { class: "cw-banner", role: "status", text: message }));
        if (!ids.length) {
          bar.appendChild(h("p", { class: "cw-count", text: "错题本是空的。" }));
          root.appendChild(h("p", null, "在", h("a", { href: pageUrl("practice/index.md"), text: "题库练习" }), "或",
            h("a", { href: pageUrl("exam/index.md"), text: "模拟考试" }), "中做错的题会自动记到这里。"));
          return;
        }
        bar.appendChild(h("p", { class: "cw-count", text: "共 " + ids.length + " 道错题。重新作答，答对后可以移出错题本。" }));
        var exportBtn = h("button", { type: "button", class: "md-button cw-export", text: "导出 JSON" });
        var clearBtn = h("button", { type: "button", class: "md-button cw-clear", text: "清空错题本" });
        bar.appendChild(h("p", { class: "cw-toolbar__actions" }, exportBtn, " ", clearBtn));
        exportBtn.addEventListener("click", function () { exportJson(items); });
        clearBtn.addEventListener("click", function () {
          var box = h("div", { class: "cw-confirm", role: "alertdialog", "aria-labelledby": "cw-clear-text" });
          var yes = h("button", { type: "button", class: "md-button md-button--primary cw-confirm-yes", text: "确定清空" });
          var no = h("button", { type: "button", class: "md-button", text: "取消" });
          yes.addEventListener("click", function () { Mistakes.clear(); render("错题本已清空。"); });
          no.addEventListener("click", function () { box.remove(); clearBtn.focus(); });
          box.appendChild(h("p", { id: "cw-clear-text", text: "清空后无法恢复（可以先导出 JSON 备份）。确定清空全部 " + ids.length + " 道错题吗？" }));
          box.appendChild(h("p", null, yes, " ", no));
          bar.appendChild(box);
          yes.focus();
        });
        // Group by topic, in the bank's topic order.
        var order = {};
        bank.topics.forEach(function (t, i) { order[t.key] = i; });
        var groups = {};
        ids.forEach(function (id) {
          var topic = (qmap[id] && qmap[id].topic) || items[id].topic || "";
          (groups[topic] = groups[topic] || []).push(id);
        });
        Object.keys(groups).sort(function (a, b) {
          return (order[a] === undefined ? 1e9 : order[a]) - (order[b] === undefined ? 1e9 : order[b]);
        }).forEach(function (topic) {
          var sec = h("section", { class: "cw-mistake-group", "aria-labelledby": "cw-g-" + topic.replace(/\W/g, "-") });
          sec.appendChild(h("h2", { id: "cw-g-" + topic.replace(/\W/g, "-") }, topicTitle(bank, topic) + "（" + groups[topic].length + " 题）"));
          if (order[topic] !== undefined) {
            sec.appendChild(h("p", null, h("a", { href: topicUrl(topic), text: "到本主题练习全部题目 →" })));
          }
          groups[topic].sort().forEach(function (id, i) {
            var it = items[id];
            var meta = h("p", { class: "cw-mistake-meta", text: "错 " + it.count + " 次 · 最近一次 " + dateText(it.last) +
              " · 来自" + (it.from || []).map(function (f) { return f === "exam" ? "模拟考试" : "练习"; }).join("、") });
            var q = qmap[id];
            if (!q) {
              var rm = h("button", { type: "button", class: "md-button cw-remove", text: "移出错题本" });
              rm.addEventListener("click", function () { Mistakes.remove(id); render(); });
              sec.appendChild(h("div", { class: "cw-q cw-q--missing" }, h("p", { text: id + "：这道题已不在题库中。" }), meta, rm));
              return;
            }
            var el = renderQuestion(q, { number: i + 1, actions: true });
            el.insertBefore(meta, el.children[1]);
            sec.appendChild(el);
            bindQuestion(el, function (qel, res, what) {
              if (what === "removed") {
                window.setTimeout(function () { render("已将 " + id + " 移出错题本。"); }, 600);
              }
            });
          });
          root.appendChild(sec);
        });
      }

      function exportJson(items) {
        var data = { exported: new Date().toISOString(), site: "社区工作者学习站", mistakes: Object.keys(items).map(function (id) {
          var q = qmap[id];
          var it = items[id];
          return { id: id, topic: it.topic, count: it.count, first: new Date(it.first).toISOString(),
            last: new Date(it.last).toISOString(), from: it.from, stem: q ? q.stem : null };
        }) };
        var blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
        var url = URL.createObjectURL(blob);
        var a = h("a", { href: url, download: "错题本-" + new Date().toISOString().slice(0, 10) + ".json", hidden: true });
        doc.body.appendChild(a);
        a.click();
        window.setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
      }

      render();
    }, function () { failBox(root); });
  }

  /* ---------------------------------------------------------------- start */

  function start() {
    site = findSite();
    Array.prototype.forEach.call(doc.querySelectorAll(".cw-q"), function (el) { bindQuestion(el); });
    var exam = doc.getElementById("cw-exam");
    if (exam) examApp(exam);
    var mistakes = doc.getElementById("cw-mistakes");
    if (mistakes) mistakesApp(mistakes);
    // Links to files beside the site root (the offline zip): resolve against the root, not the page.
    Array.prototype.forEach.call(doc.querySelectorAll("a[data-cw-root-href]"), function (a) {
      a.href = new URL(a.getAttribute("data-cw-root-href"), site.root).href;
    });
  }

  window.cwSite = { scoreChoice: scoreChoice, drawPaper: drawPaper, apportion: apportion, pageUrl: pageUrl };

  // With Material's instant navigation (not enabled now) pages are swapped without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { start(); });
  } else if (doc.readyState === "loading") {
    doc.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
