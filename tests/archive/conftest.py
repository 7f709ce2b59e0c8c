"""The archive's fixtures: a few documents of our own, extracted by the rules backend, and an
archive location on each engine (PostgreSQL where a server is given: `.ci/run` starts one)."""
from __future__ import annotations

import os

import pytest

from quotes import Extractor
from quotes.archive import Entry
from quotes.archive.store import location_url

TEXTS = {
    "a1": 'قال وزير الخارجية الأمريكي مايك بومبيو إن "المفاوضات مع الحكومة مستمرة". '
          'وأضاف بومبيو أن بلاده تدعم بناء السد.',
    "a2": 'وقال مايك بومبيوا للصحفيين: "لن نتراجع عن العقوبات".',
    "a3": "قال بومبيو إن الحكومة الإيرانية لم تلتزم بالاتفاق.",
    "a4": "وقال مصدر أمني إن الهجوم وقع فجر اليوم قرب السد.",
    "a5": "قال محمد علي، رئيس النادي، إن الفريق جاهز للمباراة. وقال محمود علي إن الملعب لم يجهز بعد.",
}
META = {
    "a1": {"date": "2018-03-01", "outlet": "Alpha", "source": "https://example.org/a1"},
    "a2": {"date": "2018-04-10", "outlet": "Beta"},
    "a3": {"date": "2019-01-05", "outlet": "alpha"},
    "a4": {"date": "2018-05-20", "outlet": "Beta", "section": "أمن"},
    "a5": {},
}


@pytest.fixture(scope="session")
def extractor():
    return Extractor("rules")


@pytest.fixture(scope="session")
def entries(extractor) -> list[Entry]:
    return [Entry(extractor.extract(text, document=i), text, META[i]) for i, text in TEXTS.items()]


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    """A new, empty archive's location on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "archive.db")
    return empty_postgresql()


def empty_postgresql() -> str:
    """The test server's URL with an empty schema; the test skips, saying why, without one."""
    url = os.environ.get("QUOTES_TEST_POSTGRESQL")
    if not url:
        pytest.skip('no PostgreSQL server: set QUOTES_TEST_POSTGRESQL=postgresql://... '
                    '(`eval "$(.ci/postgres)"` starts one; .ci/run does)')
    pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed: pip install '.[postgresql]'")
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    engine = create_engine(location_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    except OperationalError as err:
        pytest.skip(f"the PostgreSQL server at {url} cannot be reached: {err.orig}")
    finally:
        engine.dispose()
    return url
