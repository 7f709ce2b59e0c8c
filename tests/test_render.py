"""The HTML page, read back with the standard library's HTML parser: every quote, cue and
mention sits over exactly its offsets, the article's text is the document's, and markup in
a document stays text."""
from __future__ import annotations

import json
import time
from collections import defaultdict
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from quotes import Extractor
from quotes.cli import main
from quotes.render import Mark, article_html, render_html
from quotes.schema import QuoteDocument

ARTICLE = ("وقال وزير الخارجية سامر علوان: «نحن مستعدون للحوار».\n"
           "وأضاف أن الحل سياسي في النهاية.\n\n"
           "وأكدت المتحدثة باسم الوزارة ليلى حداد أن الاجتماع سيعقد الأسبوع المقبل.")
KINDS = {"data-quote": "quote", "data-cue": "cue", "data-mention": "mention"}


class ArticleReader(HTMLParser):
    """The article element's text, and where each quote, cue and mention element stands in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.depth = 0  # inside the article: how deep
        self.stack: list[tuple[str, str, int] | None] = []
        self.fragments: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        self.attrs: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.scripts += tag == "script"
        if tag == "article":
            self.depth = 1
            return
        if not self.depth:
            return
        self.depth += 1
        key = next(((kind, attrs[a]) for a, kind in KINDS.items() if a in attrs), None)
        self.stack.append(key and (*key, len(self.text)))
        if key:
            self.attrs[key].append(attrs)

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if self.depth and self.stack:
            top = self.stack.pop()
            if top:
                kind, id_, start = top
                self.fragments[(kind, id_)].append((start, len(self.text)))

    def handle_data(self, data):
        if self.depth:
            self.text += data

    def span(self, kind: str, id_: str) -> tuple[int, int]:
        """The fragments of one element, which must follow each other without a gap."""
        parts = sorted(self.fragments[(kind, id_)])
        assert parts, (kind, id_)
        assert all(a[1] == b[0] for a, b in zip(parts, parts[1:])), parts
        return parts[0][0], parts[-1][1]


def read(page: str) -> ArticleReader:
    reader = ArticleReader()
    reader.feed(page)
    reader.close()
    return reader


def assert_wrapped_over_offsets(page: str, doc: QuoteDocument, text: str) -> ArticleReader:
    r = read(page)
    assert r.text == text
    for q in doc.quotes:
        assert r.span("quote", q.id) == (q.start, q.end)
        if q.cue:
            assert r.span("cue", q.id) == (q.cue.start, q.cue.end)
    mentions = {(q.speaker.mention.start, q.speaker.mention.end) for q in doc.quotes if q.speaker.mention}
    written = {r.span(kind, id_) for kind, id_ in r.fragments if kind == "mention"}
    assert written == mentions
    return r


@pytest.fixture(scope="module")
def rules():
    return Extractor(backend="rules")


def test_every_quote_cue_and_mention_is_wrapped_over_its_offsets(rules):
    doc = rules.extract(ARTICLE, "a.txt")
    assert len(doc.quotes) == 3
    r = assert_wrapped_over_offsets(render_html(doc, ARTICLE), doc, ARTICLE)
    first = r.attrs[("quote", "q1")][0]
    assert first["data-type"] == "direct" and first["data-label"] == "مباشر" and first["tabindex"] == "0"
    assert "سامر علوان" in first["title"] and "وزير الخارجية" in first["title"]


def test_an_implied_speaker_is_shown_at_the_cue(rules):
    doc = rules.extract(ARTICLE, "a.txt")
    implied = next(q for q in doc.quotes if q.speaker.mention is None)
    cue = read(render_html(doc, ARTICLE)).attrs[("cue", implied.id)][0]
    assert cue["data-implied"] == "سامر علوان"


def test_the_panel_has_a_row_per_speaker_with_a_count():
    doc = Extractor(backend="rules").extract(ARTICLE, "a.txt")
    page = render_html(doc, ARTICLE)
    for e in doc.entities:
        if any(q.speaker.entity == e.id for q in doc.quotes):
            assert f'id="speaker-{e.id}"' in page and f'data-entity="{e.id}"' in page


def test_markup_in_a_document_is_text():
    text = 'وقال المدير: "<script>alert(1)</script> & <b>نعم</b>".\r\nانتهى.'
    doc = Extractor(backend="rules").extract(text, '<img src=x onerror="alert(2)">')
    page = render_html(doc, text)
    r = assert_wrapped_over_offsets(page, doc, text)
    assert r.scripts == 1  # the page's own
    assert "<script>alert" not in page and "<img" not in page and "<b>" not in page
    assert "&#13;" in page  # a carriage return stays one in the DOM


def test_crossing_and_nested_spans_are_fragments_that_nest():
    text = "أ" * 30
    marks = [Mark(0, 20, "quote", "q1", {"data-quote": "q1"}), Mark(10, 30, "quote", "q2", {"data-quote": "q2"}),
             Mark(12, 15, "mention", "m1", {"data-mention": "m1"}), Mark(5, 5, "cue", "q1", {"data-cue": "q1"})]
    r = read("<article>" + article_html(text, marks) + "</article>")
    assert r.text == text
    assert r.span("quote", "q1") == (0, 20) and r.span("quote", "q2") == (10, 30)
    assert r.span("mention", "m1") == (12, 15)
    assert ("cue", "q1") not in r.fragments  # an empty span has no element


def test_offsets_that_do_not_fit_the_text_are_refused(rules):
    doc = rules.extract(ARTICLE, "a.txt")
    with pytest.raises(ValueError, match="a.txt: its spans do not fit this text"):
        render_html(doc, "نص آخر تماما لا يطابق المقال الأصلي في شيء على الإطلاق، ولا في طوله.")


def test_the_page_is_self_contained(rules):
    page = render_html(rules.extract(ARTICLE, "a.txt"), ARTICLE)
    for outside in ("http://", "https://", "<link", "src=", "@import", "url("):
        assert outside not in page
    assert '<html lang="ar" dir="rtl">' in page and "@media print" in page


def test_render_cli_one_file_and_a_folder_with_an_index(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "one.html"
    result = CliRunner().invoke(main, ["render", "--backend", "rules", str(tmp_path / "a.txt"), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert read(out.read_text(encoding="utf-8")).text == ARTICLE
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["render", "--backend", "rules", str(tmp_path / "a.txt"),
                                       str(tmp_path / "b.txt"), "--html", str(site)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in site.iterdir()) == ["a.txt.html", "b.txt.html", "index.html"]
    assert 'href="a.txt.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_render_cli_from_predictions_made_earlier(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(ARTICLE, encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(main, ["extract", "--backend", "rules", "--jsonl", "--explain", str(texts / "a.txt")])
    pred.write_text(result.stdout, encoding="utf-8")
    out = tmp_path / "a.html"
    result = CliRunner().invoke(main, ["render", "--from", str(pred), "--texts", str(texts), "--html", str(out),
                                       "--explain"])
    assert result.exit_code == 0, result.output
    doc = QuoteDocument.model_validate(json.loads(pred.read_text(encoding="utf-8")))
    r = assert_wrapped_over_offsets(out.read_text(encoding="utf-8"), doc, ARTICLE)
    assert "القواعد:" in r.attrs[("quote", "q1")][0]["title"]


def test_render_cli_says_what_is_missing(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"document": "gone.txt", "backend": "rules"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "--from", str(pred), "--texts", str(tmp_path),
                                       "--html", str(tmp_path / "x.html")])
    assert result.exit_code == 1 and "gone.txt" in result.output and "Traceback" not in result.output
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    made = CliRunner().invoke(main, ["extract", "--backend", "rules", "--jsonl", str(tmp_path / "a.txt")]).stdout
    pred.write_text(made.replace(str(tmp_path / "a.txt"), "a.txt"), encoding="utf-8")
    (tmp_path / "a.txt").write_text("تغير النص بعد الاستخراج. " + ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "--from", str(pred), "--html", str(tmp_path / "new" / "a.html")])
    assert result.exit_code == 1 and "a.txt: its spans do not fit" in result.output
    page = (tmp_path / "new" / "a.html").read_text(encoding="utf-8")
    assert "تغير النص" in page and "data-quote" not in page  # the text, and no quote drawn astray
    result = CliRunner().invoke(main, ["render", "--html", str(tmp_path / "x.html")])
    assert result.exit_code == 2 and "FILE... or --from" in result.output


def test_rendering_the_dev_articles_takes_well_under_a_second(shared, rules):
    texts = sorted((shared / "dev" / "texts").glob("*.txt"))
    pairs = [(rules.extract(t.read_text(encoding="utf-8"), t.name), t.read_text(encoding="utf-8")) for t in texts]
    start = time.perf_counter()
    for doc, text in pairs:
        render_html(doc, text)
    assert time.perf_counter() - start < 1.0


def test_each_type_colour_keeps_the_text_readable():
    import re

    from quotes.render import STYLE, TYPE_LABELS

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    colours = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6})", STYLE))
    assert set(TYPE_LABELS) <= set(colours)
    for kind in TYPE_LABELS:  # WCAG AA for body text: 4.5 to 1
        assert (luminance(colours[kind]) + 0.05) / (luminance(colours["ink"]) + 0.05) >= 4.5
