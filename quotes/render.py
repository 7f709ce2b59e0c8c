"""A right-to-left HTML page of a document's quotes, for a reader checking who said what.

The article is written in its own words and line breaks; each quote, cue and speaker
mention is an element over exactly its offsets (a span that crosses another is written as
several fragments with the same id, so nesting stays valid); a side panel lists who said
what and filters the article to one speaker. Labels that are not the article's words
(the type of a quote, an implied speaker at its cue) come from CSS generated content, so
the article's text in the DOM is the document's text, character for character. One
self-contained file: no font, script or style from elsewhere.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import regex
from pydantic import ValidationError

from quotes.schema import Quote, QuoteDocument

TYPE_LABELS = {"direct": "مباشر", "indirect": "غير مباشر", "mixed": "مختلط", "headline": "عنوان"}
KIND_ORDER = {"quote": 0, "cue": 1, "mention": 2}  # of two marks over the same words, the first is outside
UNNAMED = ""  # the entity key of quotes whose source has no entity


@dataclass(frozen=True)
class Mark:
    """An element to write over text[start:end]: its kind, its id and its attributes."""

    start: int
    end: int
    kind: str
    id: str
    attrs: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, KIND_ORDER[self.kind])


def render_html(doc: QuoteDocument, text: str, *, explain: bool = False, title: str | None = None) -> str:
    """The page of one document: `doc` as extracted from `text` (its spans are checked against it)."""
    doc = checked(doc, text)
    name = title or doc.document or "document"
    marks = list(marks_of(doc, explain))
    return PAGE.format(title=_e(name), style=STYLE, script=SCRIPT, heading=_e(name),
                       article=article_html(text, marks), legend=_legend(), panel=_panel(doc),
                       summary=_e(_summary(doc)))


def render_index(pages: Iterable[tuple[str, QuoteDocument]]) -> str:
    """A page linking to each document's page: (file name, document) in order."""
    rows = "".join(f'<tr><td><a href="{_e(href, quote=True)}"><bdi>{_e(doc.document or href)}</bdi></a></td>'
                   f"<td>{len(doc.quotes)}</td><td>{len(doc.entities)}</td>"
                   f"<td>{_e('; '.join(doc.errors))}</td></tr>\n" for href, doc in pages)
    return INDEX.format(style=STYLE, rows=rows)


def write_pages(pairs: list[tuple[QuoteDocument, str]], out: Path, explain: bool = False) -> list[Path]:
    """One document to the file `out`; several (or `out` a folder) to a page each in the
    folder `out`, with index.html linking them. The paths written, pages first."""
    if len(pairs) == 1 and not out.is_dir():
        doc, text = pairs[0]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_html(doc, text, explain=explain), encoding="utf-8")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    names = page_names([doc for doc, _ in pairs])
    written = []
    for name, (doc, text) in zip(names, pairs):
        (out / name).write_text(render_html(doc, text, explain=explain), encoding="utf-8")
        written.append(out / name)
    (out / "index.html").write_text(render_index(zip(names, (doc for doc, _ in pairs))), encoding="utf-8")
    return [*written, out / "index.html"]


def page_names(docs: list[QuoteDocument]) -> list[str]:
    """A file name for each document's page: its own name, made safe, each once."""
    names: list[str] = []
    for i, doc in enumerate(docs):
        base = regex.sub(r"[^\w.-]+", "_", Path(doc.document or f"document-{i + 1}").name).strip("._") or "document"
        name, n = f"{base}.html", 1
        while name in names or name == "index.html":
            n += 1
            name = f"{base}-{n}.html"
        names.append(name)
    return names


def checked(doc: QuoteDocument, text: str) -> QuoteDocument:
    """The document validated against `text`, so that no span is written where it does not stand."""
    try:
        return QuoteDocument.model_validate(doc.model_dump(), context={"source": text})
    except ValidationError as error:
        detail = error.errors()[0]["msg"]
        raise ValueError(f"{doc.document or 'document'}: its spans do not fit this text ({detail}); "
                         "render it with the text it was extracted from") from None


def marks_of(doc: QuoteDocument, explain: bool = False) -> Iterator[Mark]:
    """Every quote, cue and speaker mention of `doc` as a mark; a mention two quotes share is one."""
    mentions: dict[tuple[int, int], list[Quote]] = {}
    for q in doc.quotes:
        info = _info(q, explain)
        yield Mark(q.start, q.end, "quote", q.id,
                   {"class": f"q q-{q.type}", "data-quote": q.id, "data-type": q.type,
                    "data-label": TYPE_LABELS[q.type], "data-entity": q.speaker.entity or UNNAMED, "title": info})
        if q.cue is not None:
            attrs = {"class": "cue", "data-cue": q.id, "title": f"{q.cue.lemma}: {info}"}
            if q.speaker.mention is None and (q.speaker.name or q.speaker.role):
                attrs["data-implied"] = q.speaker.name or q.speaker.role  # shown at the cue by the style
            yield Mark(q.cue.start, q.cue.end, "cue", q.id, attrs)
        if q.speaker.mention is not None:
            mentions.setdefault((q.speaker.mention.start, q.speaker.mention.end), []).append(q)
    for number, ((start, end), quotes) in enumerate(sorted(mentions.items()), 1):
        entity = quotes[0].speaker.entity or UNNAMED
        yield Mark(start, end, "mention", f"m{number}",
                   {"class": "mention", "data-mention": f"m{number}", "data-entity": entity,
                    "data-quotes": " ".join(q.id for q in quotes), "title": _speaker_line(quotes[0])})


def article_html(text: str, marks: list[Mark]) -> str:
    """`text` escaped, with each mark's element around its words; a mark that crosses the end
    of one that holds it is closed there and opened again after (fragments share the id)."""
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    waiting = sorted(marks, key=Mark.sort_key)
    next_mark = 0
    active: list[Mark] = []  # the marks over the current piece of text
    open_: list[Mark] = []  # the elements open, outermost first
    started: set[Mark] = set()
    out: list[str] = []
    for start, end in zip(bounds, bounds[1:]):
        while next_mark < len(waiting) and waiting[next_mark].start <= start:
            active.append(waiting[next_mark])
            next_mark += 1
        active = [m for m in active if m.end > start]  # an empty span has no element
        wanted = sorted(active, key=Mark.sort_key)
        keep = 0
        while keep < min(len(open_), len(wanted)) and open_[keep] == wanted[keep]:
            keep += 1
        out.extend("</span>" for _ in open_[keep:])
        for mark in wanted[keep:]:
            out.append(_open_tag(mark, first=mark not in started))
            started.add(mark)
        open_ = wanted
        out.append(_escape_text(text[start:end]))
    out.extend("</span>" for _ in open_)
    return "".join(out)


def _open_tag(mark: Mark, first: bool) -> str:
    attrs = dict(mark.attrs)
    if mark.kind == "quote" and first:
        attrs["tabindex"] = "0"  # one stop per quote, in the order of the text
    return "<span " + " ".join(f'{k}="{_e(v, quote=True)}"' for k, v in attrs.items()) + ">"


def _escape_text(text: str) -> str:
    """Escaped so that a browser's DOM holds exactly `text`: markup as text, and a carriage
    return as a reference (a bare one the HTML parser would fold into the line feed)."""
    return _e(text).replace("\r", "&#13;")


def _e(value: str, quote: bool = False) -> str:
    return html.escape(value, quote=quote)


def _speaker_line(q: Quote) -> str:
    s = q.speaker
    parts = [f"المتحدث: {s.name or '—'}", f"الصفة: {s.role or '—'}"]
    if s.titles:
        parts.append("اللقب: " + "، ".join(s.titles))
    return " · ".join(parts)


def _info(q: Quote, explain: bool) -> str:
    """What hovering or focusing a quote shows: its type, speaker, role, confidence (and rule ids)."""
    parts = [f"{TYPE_LABELS[q.type]} ({q.type})", _speaker_line(q), f"الثقة: {q.confidence:.2f}"]
    if explain and q.explain:
        parts.append("القواعد: " + " ".join(q.explain))
    return " · ".join(parts)


def _legend() -> str:
    items = "".join(f'<li><span class="q q-{t}" data-label="{label}">{t}</span></li>'
                    for t, label in TYPE_LABELS.items())
    return (f'<ul class="legend">{items}<li><span class="cue">فعل القول</span> cue</li>'
            '<li><span class="mention">اسم المتحدث</span> speaker</li></ul>')


def _panel(doc: QuoteDocument) -> str:
    """One row per speaker: name, roles, titles, number of quotes; a button that filters."""
    counts = Counter(q.speaker.entity or UNNAMED for q in doc.quotes)
    rows = []
    for e in doc.entities:
        if counts[e.id]:
            rows.append(_row(e.id, e.name or "—", e.roles, e.titles, counts[e.id]))
    if counts[UNNAMED]:
        rows.append(_row(UNNAMED, "بلا كيان (without entity)", [], [], counts[UNNAMED]))
    return "".join(rows)


def _row(entity: str, name: str, roles: list[str], titles: list[str], count: int) -> str:
    return (f'<tr id="speaker-{_e(entity, quote=True) or "none"}"><td><button type="button" class="speaker" '
            f'data-entity="{_e(entity, quote=True)}" aria-pressed="false">{_e(name)}</button></td>'
            f"<td>{_e('، '.join(roles))}</td><td>{_e('، '.join(titles))}</td><td>{count}</td></tr>")


def _summary(doc: QuoteDocument) -> str:
    kinds = Counter(q.type for q in doc.quotes)
    by_type = "، ".join(f"{TYPE_LABELS[t]} {kinds[t]}" for t in TYPE_LABELS if kinds[t])
    line = f"{len(doc.quotes)} اقتباسا" + (f" ({by_type})" if by_type else "") + f" · {doc.backend}"
    return line + ("".join(f" · خطأ: {e}" for e in doc.errors))


STYLE = """
:root { --direct: #cfe8ff; --indirect: #fff1b8; --mixed: #e6d9ff; --headline: #d5f5dc; --ink: #111111; }
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.9 "Noto Naskh Arabic", "Amiri", "Arial", sans-serif; color: var(--ink); background: #fff; }
header { padding: .6rem 1.2rem; border-bottom: 1px solid #999; }
header h1 { font-size: 1.2rem; margin: 0; }
main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(22rem, 1fr); gap: 1.2rem; padding: 1rem 1.2rem; }
.article { white-space: pre-wrap; overflow-wrap: anywhere; }
.q { border-bottom: 3px solid #333; padding: 0 .1em; }
.q[tabindex]::before, .legend .q::before { content: "[" attr(data-label) "] "; font-size: .7em; font-weight: bold; color: #222; }
.q-direct { background: var(--direct); border-bottom-style: solid; }
.q-indirect { background: var(--indirect); border-bottom-style: dashed; }
.q-mixed { background: var(--mixed); border-bottom-style: double; }
.q-headline { background: var(--headline); border-bottom-style: dotted; }
.q:focus { outline: 3px solid #000; outline-offset: 2px; }
.cue { text-decoration: underline 2px; text-underline-offset: .3em; }
.cue[data-implied]::after { content: " (← " attr(data-implied) ")"; font-size: .75em; color: #333; }
.mention { font-weight: bold; border: 1px solid #333; border-radius: 3px; cursor: pointer; }
.filtering .q:not(.selected) { background: none; border-bottom-color: #bbb; color: #666; }
aside { border-inline-start: 1px solid #999; padding-inline-start: 1rem; font-size: .9rem;
        position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
aside table { border-collapse: collapse; width: 100%; }
aside th, aside td { text-align: start; padding: .2rem .3rem; border-bottom: 1px solid #ccc; vertical-align: top; }
.legend { list-style: none; padding: 0; }
.legend li { margin: .2rem 0; }
button { font: inherit; }
.speaker[aria-pressed="true"] { outline: 2px solid #000; font-weight: bold; }
#details { min-height: 3em; border: 1px solid #999; padding: .4rem; margin-top: .8rem; }
@media print {
  main { display: block; }
  aside { border: none; padding: 0; margin-top: 1rem; position: static; max-height: none; }
  #show-all, #details { display: none; }
  .q, .legend .q { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .filtering .q:not(.selected) { background: inherit; color: inherit; }
}
"""

SCRIPT = """
const article = document.querySelector(".article");
const details = document.getElementById("details");
function filterTo(entity) {
  document.querySelectorAll(".speaker").forEach(b => b.setAttribute("aria-pressed", String(b.dataset.entity === entity)));
  article.classList.toggle("filtering", entity !== null);
  document.querySelectorAll(".article .q").forEach(q => q.classList.toggle("selected", q.dataset.entity === entity));
}
document.querySelectorAll(".speaker").forEach(b => b.addEventListener("click", () =>
  filterTo(b.getAttribute("aria-pressed") === "true" ? null : b.dataset.entity)));
document.getElementById("show-all").addEventListener("click", () => filterTo(null));
article.addEventListener("click", e => {
  const m = e.target.closest(".mention");
  if (m) { filterTo(m.dataset.entity); document.getElementById("speaker-" + (m.dataset.entity || "none")).scrollIntoView(); }
});
function show(e) { const q = e.target.closest(".q"); if (q) details.textContent = q.title; }
article.addEventListener("focusin", show);
article.addEventListener("mouseover", show);
"""

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1><bdi>{heading}</bdi></h1><p class="summary">{summary}</p></header>
<main>
<article class="article" lang="ar" dir="rtl">{article}</article>
<aside>
<h2>من قال ماذا</h2>
<table class="speakers"><thead><tr><th>المتحدث</th><th>الصفة</th><th>اللقب</th><th>اقتباسات</th></tr></thead>
<tbody>{panel}</tbody></table>
<p><button type="button" id="show-all">كل الاقتباسات</button></p>
<div id="details" aria-live="polite"></div>
<h2>المفتاح</h2>
{legend}
</aside>
</main>
<script>{script}</script>
</body>
</html>
"""

INDEX = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>quotes</title>
<style>{style}</style>
</head>
<body>
<header><h1>المقالات</h1></header>
<main style="display: block">
<table class="index"><thead><tr><th>المقال</th><th>اقتباسات</th><th>متحدثون</th><th>أخطاء</th></tr></thead>
<tbody>
{rows}</tbody></table>
</main>
</body>
</html>
"""
