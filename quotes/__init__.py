"""quotes: Arabic quotation attribution, who said what, in what capacity.

    >>> import quotes
    >>> doc = quotes.extract('وقال الوزير: "نحن مستعدون للحوار".')
    >>> doc.quotes[0].text
    'نحن مستعدون للحوار'

Reuse a `quotes.Extractor` for many texts: it loads lexicons and models once.
`quotes.render_html(doc, text)` draws a document's quotes as a right-to-left HTML page.
"""
from quotes.extractor import Extractor, extract
from quotes.render import render_html
from quotes.schema import QuoteDocument

__all__ = ["Extractor", "QuoteDocument", "extract", "render_html"]
