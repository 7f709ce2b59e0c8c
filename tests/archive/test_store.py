"""The archive on each engine: storing, replacing, speakers merged across documents, search."""
import pytest
from sqlalchemy import create_engine, text

from quotes.archive import Archive, ArchiveError, Entry
from quotes.archive.names import key
from quotes.archive.store import location_url
from quotes.archive.tables import LATEST, MIGRATIONS


@pytest.fixture
def archive(location, entries):
    with Archive.open(location, create=True) as opened:
        opened.add(entries)
        yield opened


def speaker_of(archive, name):
    [found] = {f.speaker_id for f in archive.search(speaker=name)}
    return found


def test_documents_quotes_and_speakers_go_in(archive, entries):
    counts = archive.counts()
    assert counts["documents"] == 5
    assert counts["quotes"] == sum(len(e.document.quotes) for e in entries) == 7


def test_adding_a_document_again_replaces_it(archive, entries):
    before = archive.counts()
    speakers = archive.speakers()
    done = archive.add(entries[:2])
    assert (done.added, done.replaced) == (2, 2)
    assert archive.counts() == before
    assert archive.speakers() == speakers


def test_a_document_changed_and_added_again_is_the_new_one(archive, extractor):
    text = "قال المتحدث باسم الحكومة جون كيربي إن الاجتماع تأجل."
    archive.add([Entry(extractor.extract(text, document="a1"), text, {"date": "2018-03-02"})])
    assert archive.counts()["documents"] == 5
    assert not archive.search("المفاوضات")
    [found] = archive.search("الاجتماع")
    assert (found.document, found.date, found.speaker) == ("a1", "2018-03-02", "جون كيربي")


def test_one_speaker_for_the_spellings_and_the_surname(archive):
    record = archive.show("مايك بومبيو")
    assert record.name == "مايك بومبيو"
    assert (record.quotes, record.documents) == (4, 3)
    assert (record.first, record.last) == ("2018-03-01", "2019-01-05")
    rules = {a.name: (a.rule, a.via) for a in record.aliases}
    assert rules == {"مايك بومبيو": ("name", None), "مايك بومبيوا": ("spelling", key("مايك بومبيو")),
                     "بومبيو": ("shorter", key("مايك بومبيو"))}
    assert [(r.role, r.quotes) for r in record.roles] == [("وزير الخارجية الأمريكي", 2)]
    assert archive.show("بومبيوا").id == archive.show("بومبيو").id == record.id  # any of its names finds it


def test_two_people_a_vowel_apart_stay_two(archive):
    assert speaker_of(archive, "محمد علي") != speaker_of(archive, "محمود علي")


def test_a_name_that_means_several_speakers_is_refused_by_show(archive):
    with pytest.raises(ArchiveError, match="names 2 speakers"):
        archive.show("علي")
    assert len({f.speaker_id for f in archive.search(speaker="علي")}) == 2  # search takes them all


def test_search_by_words_arabic_aware(archive):
    assert {f.document for f in archive.search("السد")} == {"a1", "a4"}
    assert {f.document for f in archive.search("حكومة")} == {"a1", "a3"}
    assert {f.document for f in archive.search("الحكومة الإيرانية")} == {"a3"}
    assert archive.search("كيان") == []
    with pytest.raises(ArchiveError, match="no word"):
        archive.search("«»")


def test_search_filters(archive):
    assert [f.document for f in archive.search(speaker="بومبيو")] == ["a3", "a2", "a1", "a1"]  # newest first
    assert {f.document for f in archive.search(outlet="ALPHA")} == {"a1", "a3"}
    assert {f.document for f in archive.search(since="2018-04-01", until="2018-12-31")} == {"a2", "a4"}
    assert {f.quote.type for f in archive.search(type="direct")} == {"direct"}
    assert {f.document for f in archive.search(role="وزير الخارجية")} == {"a1"}
    assert {f.document for f in archive.search("السد", speaker="بومبيو")} == {"a1"}
    with pytest.raises(ArchiveError, match="no speaker named"):
        archive.search(speaker="لا أحد بهذا الاسم")
    assert len(archive.search(limit=2)) == 2
    with pytest.raises(ArchiveError, match="not a date"):
        archive.search(since="March 2018")


def test_found_quotes_keep_the_schema(archive, entries):
    [found] = archive.search("العقوبات")
    original = entries[1].document.quotes[0]
    assert found.quote == original
    assert (found.document, found.outlet, found.speaker) == ("a2", "Beta", "مايك بومبيو")


def test_speakers_and_unnamed_sources(archive):
    top = archive.speakers()
    assert top[0].name == "مايك بومبيو" and top[0].quotes == 4
    assert [s.quotes for s in top] == sorted((s.quotes for s in top), reverse=True)
    [unnamed] = archive.unnamed()
    assert (unnamed.description, unnamed.quotes, unnamed.first) == ("مصدر أمني", 1, "2018-05-20")


def test_split_sets_a_name_apart_and_undo_puts_it_back(archive, entries):
    whole = archive.show("مايك بومبيو").id
    alone = archive.split("بومبيو")
    assert alone != whole
    assert archive.show("مايك بومبيو").quotes == 3  # a1 names him in full twice, a2 with a spelling of its own
    assert [(a.name, a.rule) for a in archive.show(str(alone)).aliases] == [("بومبيو", "split")]
    archive.add(entries)  # regrouped again: the split holds
    assert archive.show(str(alone)).quotes == 1
    with pytest.raises(ArchiveError, match="already split"):
        archive.split("بومبيو")
    assert archive.split("بومبيو", undo=True) == whole
    assert archive.show("مايك بومبيو").quotes == 4


def test_join_makes_two_speakers_one_and_undo_parts_them(archive):
    mohammed = archive.show("محمد علي").id
    assert archive.join("محمود علي", "محمد علي") == mohammed
    record = archive.show("محمد علي")
    assert record.quotes == 2
    assert {(a.name, a.rule, a.via) for a in record.aliases} == {("محمد علي", "name", None),
                                                                 ("محمود علي", "joined", key("محمد علي"))}
    with pytest.raises(ArchiveError, match="already a name of speaker"):
        archive.join("محمود علي", str(mohammed))
    with pytest.raises(ArchiveError, match="names 2 speakers|names no speaker"):
        archive.join("بومبيو", "لا أحد")
    assert archive.split("محمود علي", undo=True) != mohammed
    assert archive.show("محمد علي").quotes == 1
    with pytest.raises(ArchiveError, match="under the merging rules already"):
        archive.split("محمود علي", undo=True)


def test_split_refuses_a_name_that_is_a_speaker_alone(archive):
    with pytest.raises(ArchiveError, match="only name"):
        archive.split("محمد علي")
    with pytest.raises(ArchiveError, match="no speaker is written"):
        archive.split("غير موجود")


def test_a_speakers_id_holds_as_documents_come(location, entries, extractor):
    with Archive.open(location, create=True) as archive:
        archive.add(entries[2:3])  # بومبيو alone first
        first = archive.show("بومبيو").id
        archive.add(entries[:2])  # then the full name: they merge under the id it had
        assert archive.show("مايك بومبيو").id == first


def test_metadata_is_kept(archive):
    with archive.db.connect() as conn:
        row = conn.execute(text("SELECT source, meta FROM documents WHERE id = 'a4'")).one()
    meta = row.meta if isinstance(row.meta, dict) else __import__("json").loads(row.meta)
    assert row.source is None and meta == {"section": "أمن"}


def test_migrations_are_numbered_and_recorded(location):
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))
    Archive.open(location, create=True).close()
    engine = create_engine(location_url(location))
    with engine.begin() as conn:
        assert conn.execute(text("SELECT value FROM archive_info WHERE name = 'schema_version'")).scalar() == str(LATEST)
        conn.execute(text("UPDATE archive_info SET value = '99' WHERE name = 'schema_version'"))
    engine.dispose()
    with pytest.raises(ArchiveError, match="newer quotes"):
        Archive.open(location)


def test_what_is_no_archive_is_refused(tmp_path):
    with pytest.raises(ArchiveError, match="no archive at"):
        Archive.open(str(tmp_path / "none.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ArchiveError, match="cannot open"):
        Archive.open(str(junk))
    other = tmp_path / "other.db"
    engine = create_engine(location_url(str(other)))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE orders (id integer)"))
    engine.dispose()
    with pytest.raises(ArchiveError, match="no quotes archive"):
        Archive.open(str(other))
    with pytest.raises(ArchiveError, match="not a database address|no SQLAlchemy engine"):
        Archive.open("nosuch://x")
