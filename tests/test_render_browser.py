"""The rendered page in a real browser (headless Chromium over the DevTools protocol,
tests/browser.py): the highlights sit over the words their offsets name, the layout is
right to left, keyboard focus follows the text, and the side panel filters by speaker.

Set QUOTES_SCREENSHOTS=DIR to keep the screenshots (the README's is made so)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from browser import Browser, find_chromium
from quotes import Extractor
from quotes.render import render_html

MEASURE = """(() => {
  const article = document.querySelector(".article");
  const nodes = [];
  let total = 0;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, total]); total += [...n.data].length; }
  const startOf = el => {
    const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    return nodes.find(([n]) => n === first)[1];
  };
  const point = cp => {  // a code point offset of the article as (text node, UTF-16 index)
    for (const [n, at] of nodes) {
      const chars = [...n.data];
      if (cp <= at + chars.length) return [n, chars.slice(0, cp - at).join("").length];
    }
  };
  const marks = [...article.querySelectorAll("[data-quote],[data-cue],[data-mention]")].map(el => {
    const start = startOf(el), length = [...el.textContent].length;
    const range = document.createRange();
    range.setStart(...point(start));
    range.setEnd(...point(start + length));
    const box = el.getBoundingClientRect(), words = range.getBoundingClientRect();
    return {kind: el.dataset.quote ? "quote" : el.dataset.cue ? "cue" : "mention",
            id: el.dataset.quote || el.dataset.cue || el.dataset.mention, start, length,
            inside: words.left >= box.left - 1 && words.right <= box.right + 1 &&
                    words.top >= box.top - 1 && words.bottom <= box.bottom + 1 && words.width > 0};
  });
  return {text: article.textContent, direction: getComputedStyle(article).direction, marks};
})()"""


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.skip("needs Chromium (Debian: apt-get install chromium; .ci/run installs it where it can)")
    try:
        b = Browser(executable)
    except (OSError, RuntimeError) as error:  # there, but cannot start here (no sandbox support, missing libraries)
        pytest.skip(f"{executable} did not start headless: {error}")
    with b:
        yield b


def page_of(tmp_path: Path, doc, text: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(render_html(doc, text), encoding="utf-8")
    return path


def assert_highlights_over_offsets(browser: Browser, doc, text: str) -> None:
    seen = browser.eval(MEASURE)
    assert seen["text"] == text and seen["direction"] == "rtl"
    assert all(m["inside"] for m in seen["marks"]), [m for m in seen["marks"] if not m["inside"]][:3]
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for m in seen["marks"]:  # the fragments of one element, joined
        key, (start, end) = (m["kind"], m["id"]), (m["start"], m["start"] + m["length"])
        old = spans.get(key, (start, end))
        spans[key] = (min(old[0], start), max(old[1], end))
    for q in doc.quotes:
        assert spans[("quote", q.id)] == (q.start, q.end)
        if q.cue:
            assert spans[("cue", q.id)] == (q.cue.start, q.cue.end)
    mentions = {(q.speaker.mention.start, q.speaker.mention.end) for q in doc.quotes if q.speaker.mention}
    assert {span for (kind, _), span in spans.items() if kind == "mention"} == mentions


def keep(shot: Path, name: str) -> None:
    if folder := os.environ.get("QUOTES_SCREENSHOTS"):
        shutil.copy(shot, Path(folder) / name)


def center(browser: Browser, selector: str) -> tuple[float, float]:
    box = browser.eval(f"(() => {{ const el = document.querySelector({selector!r}); el.scrollIntoView(); "
                       "const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    return box[0], box[1]


def test_the_seed_page_in_chromium(browser, tmp_path, seed_text):
    doc = Extractor().extract(seed_text, "000_9befece1280a0b89.txt")
    browser.open(page_of(tmp_path, doc, seed_text))
    assert_highlights_over_offsets(browser, doc, seed_text)
    keep(browser.screenshot(tmp_path / "seed.png"), "render-seed.png")

    for q in doc.quotes[:3]:  # focus follows the text, one stop a quote
        browser.send("Input.dispatchKeyEvent", session=True, type="keyDown", key="Tab", code="Tab",
                     windowsVirtualKeyCode=9)
        assert browser.eval("document.activeElement.dataset.quote") == q.id
    assert browser.eval("document.getElementById('details').textContent") == \
        browser.eval("document.activeElement.title")

    entity = doc.quotes[0].speaker.entity
    browser.click(*center(browser, f'.speaker[data-entity="{entity}"]'))
    state = browser.eval("""[...document.querySelectorAll('.article .q[tabindex]')].map(q =>
        [q.dataset.entity, q.classList.contains('selected'), getComputedStyle(q).backgroundColor])""")
    assert {e == entity for e, _, _ in state} == {True, False}  # the filter has something to hide
    for e, selected, background in state:
        assert selected == (e == entity)
        assert (background == "rgba(0, 0, 0, 0)") == (e != entity)  # the others lose their highlight
    keep(browser.screenshot(tmp_path / "seed-filtered.png"), "render-seed-filtered.png")
    browser.click(*center(browser, "#show-all"))
    assert browser.eval("document.querySelector('.article').classList.contains('filtering')") is False


def test_a_long_article_in_chromium(browser, tmp_path, seed_text):
    text = "\n\n".join([seed_text] * 12)  # past one extraction window: the joined result is drawn
    doc = Extractor(backend="rules").extract(text, "long.txt")
    assert len(doc.quotes) >= 12 * 15
    browser.open(page_of(tmp_path, doc, text))
    assert_highlights_over_offsets(browser, doc, text)
    browser.screenshot(tmp_path / "long.png", full_page=True)
