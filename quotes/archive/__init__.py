"""A quote archive: who said what across a corpus, in SQLite (one file) or PostgreSQL.

    from quotes.archive import Archive
    with Archive.open("news.db") as archive:
        for found in archive.search("السد", speaker="سامح شكري"):
            print(found.date, found.speaker, found.quote.text)

`quotes db` is the command line of the same calls.
"""
from quotes.archive.store import Archive, ArchiveError, Entry

__all__ = ["Archive", "ArchiveError", "Entry"]
