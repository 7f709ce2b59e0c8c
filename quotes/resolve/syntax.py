"""The Stanza resolver: the speaker from the dependency parse, the name from NER.

For a verb cue the speaker is its subject (nsubj, nsubj:pass) with the words that hang on
it (flat names, nmod and amod modifiers, appositions); a hal participle (قائلًا، مؤكدًا)
or a verb joined to another takes the subject of the verb it hangs on; relayed speech
(نقلت الوكالة عن الوزير) takes the object of عن. The phrase found is read into role,
titles and name by the lexicons (quotes.resolve.mentions), and NER's PER span, where it
falls inside, decides the name. Where the parse gives nothing usable the rules decide,
and the attribution says so (method "rules.*", lower confidence).
"""
from __future__ import annotations

from dataclasses import replace

from quotes.resolve.entities import EntityTable
from quotes.resolve.mentions import (Mention, analyse, is_definite, is_definite_participle, is_nisba, people,
                                     read_phrase, written_in_full)
from quotes.resolve.rules import Attribution, Implied, confidence, issuer, note_agreement
from quotes.resolve.roles import settle_roles
from quotes.resolve.tree import Tree, Word
from quotes.rules.candidates import Candidate
from quotes.rules.content import MIN_SPEECH_WORDS, names_a_speaker
from quotes.rules.phrases import is_event, short_of_an_outlet
from quotes.rules.document import RuleDoc

SUBJECT_RELATIONS = ("nsubj", "csubj")
SPEAKER_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "X"})  # what a speaker's head word can be
CLIMB_RELATIONS = frozenset({"advcl", "acl", "xcomp", "conj", "parataxis", "ccomp"})
MAX_CLIMB = 3
PARSE_CONFIDENCE = 0.95  # a subject the parse gives, against the rules' own (SPEAKER_CONFIDENCE)
FALLBACK_PENALTY = 0.9  # the rules decided because the parse gave nothing usable


class StanzaResolver:
    """Speakers from a Stanza parse of the document, the rules as fallback."""

    name = "stanza"

    def __init__(self, pipeline, chooser=None):
        """`chooser` (quotes.choice.Chooser) re-chooses each source with a trained model."""
        self.pipeline = pipeline
        self.chooser = chooser

    def resolve_batch(self, docs: list[RuleDoc], candidates: list[list[Candidate]]):
        """Parse the documents' original texts in one pass of the pipeline, then resolve
        each document's candidates with its parse, offsets mapped to the normalised text."""
        from quotes.nlp import parse_many

        parsed = parse_many([d.norm.original for d in docs], self.pipeline)
        return [self.resolve_parsed(d, c, Tree(p, d.norm.from_original)) for d, c, p in zip(docs, candidates, parsed)]

    def resolve_parsed(self, doc: RuleDoc, candidates: list[Candidate], tree: Tree):
        """Resolve with a parse already made (tests build one from CoNLL-U)."""
        table = EntityTable.of(doc)
        around = [_parsed_phrase(doc, tree, m) for m in people(doc)]
        around += [_person(doc, short_of_an_outlet(doc, _past_roles(doc, span, around)))
                   for span in tree.persons if not _quoted(doc, span)]
        for mention in around:
            if mention.kind == "organisation" or (mention.name is not None and (mention.role or mention.titles)):
                table.add(mention)
        for mention in around:
            if mention.name is not None and not (mention.role or mention.titles):
                table.add(mention)  # a name NER found: surnames can find it
        said = [self._said(doc, tree, table, c) for c in candidates]
        implied = Implied(doc, table, around, candidates, subject=lambda span: _is_subject(tree, span))
        done: list[Attribution] = []
        for candidate, (mention, entity, method) in zip(candidates, said):
            if mention is None:
                entity = implied.speaker(candidate, done)
            elif mention.kind == "document":
                entity = issuer(doc, table, mention, done) or entity
            how = method.split(".", 1)[1] if method.startswith("rules.") else candidate.speaker.how
            score = confidence(candidate, how if mention is not None else "implied")
            score = round(min(1.0, score * (PARSE_CONFIDENCE / 0.9) if method.startswith("stanza.")
                              else score * FALLBACK_PENALTY), 3)
            done.append(Attribution(candidate, mention, entity, method, score))
        table.complete_names(lambda surname: written_in_full(doc, surname, tree.can_be_a_name))
        if self.chooser is not None:
            done = self.chooser.choose(doc, tree, done, table)
        done = settle_roles(doc, table, done)
        return done, table

    def _said(self, doc: RuleDoc, tree: Tree, table: EntityTable, candidate: Candidate):
        """(mention, entity, method) of the speaker the text names, or Nones if implied."""
        span, method = self._speaker_span(doc, tree, candidate)
        if span is None:
            return None, None, method
        span = short_of_an_outlet(doc, _before_accusative(doc, span))
        first, last = doc.token_range(*span)
        skip = span[0] - doc.tokens[first].start  # the letters of a clitic (لوزارة، وجواد)
        mention = _named(doc, tree, read_phrase(doc, first, last, skip))
        entity = table.add(mention, speaks=True)
        note_agreement(entity, candidate)
        return mention, entity, method

    def _speaker_span(self, doc: RuleDoc, tree: Tree, candidate: Candidate):
        """(span, method): where the rules bounded a speaker phrase (وقال الوزير، بحسب
        الوزير، شويغو:، the clause before the cue, an earlier cue's) that phrase stands,
        confirmed by the parse where its subject falls inside; where the rules found none,
        or took a clause with a verb in it for the subject, the parse's subject decides."""
        hint = candidate.speaker
        region = None if hint.first is None else (doc.tokens[hint.first].start + hint.skip, doc.tokens[hint.last].end)
        subject = _parse_subject(doc, tree, candidate)
        if region is None:
            return (tree.span(subject), "stanza.subject") if subject is not None else (None, f"rules.{hint.how}")
        if subject is None:
            subject = _clause_subject(doc, tree, region, candidate)  # ألقى الرئيس كلمة أكد فيها
            if subject is None and hint.how == "before_cue" and _opens_with_a_verb(tree, region):
                return None, "rules.implied"  # استقال الأسبوع الماضي لأسباب اعتبرها: he resigned
            if subject is None or names_a_speaker(doc, hint.first):
                return region, f"rules.{hint.how}"
        inside = region[0] <= subject.start < region[1]
        if any(w.upos == "VERB" for w in tree.words_at(*region)) and not names_a_speaker(doc, hint.first):
            return tree.span(subject), "stanza.subject"  # ولوح نتانياهو بقطعة ... أوضح: a clause, not a subject
        return region, "stanza.subject" if inside else f"rules.{hint.how}"


def _before_accusative(doc: RuleDoc, span: tuple[int, int]) -> tuple[int, int]:
    """A speaker phrase ends before a word written with the accusative tanween: the subject
    is nominative (وقالت الأنصاري آسِفَةً: she said sorrowfully)."""
    first, last = doc.token_range(*span)
    for token in doc.words_in(first + 1, last):
        if doc.written_accusative(token.index):
            return span[0], doc.tokens[doc.previous_word(token.index)].end
    return span


def _clause_subject(doc: RuleDoc, tree: Tree, region: tuple[int, int], candidate: Candidate) -> Word | None:
    """The subject of the first verb in a region the rules took for a speaker phrase."""
    verb = next((w for w in tree.words_at(*region) if w.upos == "VERB"), None)
    subjects = tree.children(verb, *SUBJECT_RELATIONS) if verb is not None else []
    return next((s for s in subjects if region[0] <= s.start < region[1] and _could_speak(doc, tree, s, candidate)),
                None)


def _opens_with_a_verb(tree: Tree, region: tuple[int, int]) -> bool:
    """The words the rules took for the subject before a cue are a clause: the first a verb."""
    words = [w for w in tree.words_at(*region) if w.upos not in ("CCONJ", "PART", "PUNCT")]
    return bool(words) and words[0].upos == "VERB"


def _is_subject(tree: Tree, span: tuple[int, int]) -> bool:
    """Some word of the span is a subject in the parse (not the object of a preposition)."""
    return any(w.relation in SUBJECT_RELATIONS for w in tree.words_at(*span))


def _parse_subject(doc: RuleDoc, tree: Tree, candidate: Candidate) -> Word | None:
    """The subject the parse gives the cue, where it could speak (`_could_speak`)."""
    cue = candidate.cue
    if cue is None or not cue.is_verb:
        return None
    word = cue_word(tree, cue.start, cue.end)
    if word is None:
        return None
    source = cue.reading.verb.source_after
    subject = _source_of(tree, word, source) if source else None
    if subject is None:
        # a hal participle has no subject of its own: it takes its verb's
        start = tree.head_of(word) if cue.kind == "participle" and word.relation in CLIMB_RELATIONS else word
        subject = _subject(tree, start) if start is not None else None
    if subject is None or not _could_speak(doc, tree, subject, candidate):
        return None
    if candidate.speaker.first is None and subject.start > cue.start:
        return None  # an implied subject is not found after the cue (داعيًا المنظمات: its object)
    return subject


def _could_speak(doc: RuleDoc, tree: Tree, subject: Word, candidate: Candidate) -> bool:
    """A subject in the parse that can be a speaker: a noun or name outside the quote, not a
    time word, an occasion or من جانبه (the parser takes those for subjects)."""
    if subject.upos not in SPEAKER_TAGS:
        return False
    span = tree.span(subject)
    first, _ = doc.token_range(*span)
    head, _ = doc.token_range(subject.start, subject.end)
    before = doc.previous_word(first)
    if before is not None and doc.is_complementizer(before):
        return False  # وأن الائتلاف الحاكم لن يسمح: the subject of the reported clause
    said = doc.cue_at(head)
    if said is not None and said.is_verb:
        return False  # وقالوا ... وقالوا: the parser took the first verb for the second's subject
    if doc.tokens[head].text in doc.lexicon.name_class("nw.demonstrative"):
        return False  # التنظيم هناك أعلن: هناك points, it does not speak
    return not (_inside_content(span, candidate) or _quoted(doc, span) or doc.is_adjunct(head)
                or is_event(doc, head) or doc.tokens[first].text in doc.lexicon.name_class("nw.circumstantial")
                or doc.tokens[head].text.startswith(doc.lexicon.name_class("nw.side")))  # أمس، خلال كلمة، من جانبه


def _parsed_phrase(doc: RuleDoc, tree: Tree, mention: Mention) -> Mention:
    """A role or title phrase the rules found, cut where the parse ends its head's noun
    phrase before a preposition (المندوب الروسي، not المندوب الروسي على زيارة الوزير:
    على زيارة belongs to the verb), its name from NER. A participle keeps its preposition
    (اللجنة المشرفة على الفعاليات)."""
    heads = tree.words_at(mention.span[0], mention.span[0] + 1)
    if heads:
        start, end = tree.span(heads[-1])
        first, last = doc.token_range(mention.span[0], end)
        rest = doc.next_word(last)
        if mention.span[0] <= start and end < mention.span[1] and rest is not None and doc.is_preposition(rest) \
                and not _participle(tree, doc.tokens[last]):
            mention = analyse(doc, first, last)  # the preposition after it is the verb's
    return _named(doc, tree, mention)


def _participle(tree: Tree, token) -> bool:
    """A definite active participle (المشرفة، المسؤول): an adjective in م written with ال."""
    words = tree.words_at(token.start, token.end)
    return bool(words) and words[-1].upos == "ADJ" and is_definite_participle(token.text)


def cue_word(tree: Tree, start: int, end: int) -> Word | None:
    """The word of a cue token that is the verb (و+قال -> قال, اعتبر+ها -> اعتبر)."""
    words = [w for w in tree.words_at(start, end) if w.upos not in ("CCONJ", "ADP", "PRON", "PUNCT", "PART")]
    if not words:
        return None
    return next((w for w in words if w.upos == "VERB"), max(words, key=lambda w: w.end - w.start))


def _subject(tree: Tree, word: Word) -> Word | None:
    """The subject of `word`, or of the verb it hangs on (قائلًا -> علق -> المندوب)."""
    for _ in range(MAX_CLIMB + 1):
        subjects = tree.children(word, *SUBJECT_RELATIONS)
        if subjects:
            return subjects[0]
        head = tree.head_of(word)
        if head is None or word.relation not in CLIMB_RELATIONS:
            return None
        word = head
    return None


def _source_of(tree: Tree, word: Word, preposition: str) -> Word | None:
    """نقلت الوكالة عن الوزير: the dependent of the verb marked by عن."""
    for child in tree.children(word, "obl", "nmod"):
        if any(c.text == preposition for c in tree.children(child, "case")):
            return child
    return None


def _inside_content(span: tuple[int, int], candidate: Candidate) -> bool:
    return candidate.start <= span[0] < candidate.end


def _quoted(doc: RuleDoc, span: tuple[int, int]) -> bool:
    """The span starts inside quoted speech (a name in quote marks does not count)."""
    first, _ = doc.token_range(*span)
    quote = doc.quote_of(first)
    return quote is not None and doc.inside_quote(first) and len(doc.quote_tokens(quote)) >= MIN_SPEECH_WORDS


def _past_roles(doc: RuleDoc, span: tuple[int, int], mentions: list[Mention]) -> tuple[int, int]:
    """A PER span that begins inside a mention's role begins after it (NER's لنيويورك إريك
    شنايدمان, where لنيويورك ends the role المدعي العام لنيويورك)."""
    for mention in mentions:
        if mention.role is not None and mention.role[0] <= span[0] < mention.role[1] < span[1]:
            after = doc.next_word(doc.token_range(*mention.role)[1])
            return (doc.tokens[after].start, span[1]) if after is not None else span
    return span


def _person(doc: RuleDoc, span: tuple[int, int]) -> Mention:
    return Mention(span, "person", name=span)


def _named(doc: RuleDoc, tree: Tree, mention: Mention) -> Mention:
    """NER adds the name: a PER span inside the mention becomes its name where the rules
    read none, or one it contains (سيرغي شويغو over شويغو); the role is cut before it. A
    PER span elsewhere in the phrase does not override the rules' name."""
    start, end = mention.span
    persons = [p for p in tree.persons if start <= p[0] and p[1] <= end]
    if not persons:
        return _short_of_a_place(doc, tree, _body_before_apposition(doc, tree, _a_place_speaking(tree, mention)))
    if mention.head is not None and mention.head.kind == "relation":
        return mention  # والد الشهيد فلان: the name is the relative's
    if mention.name is None and _adjective_of_role(doc, mention, persons[-1]):
        return mention  # مسؤول أوروبي: NER took the adjective for a name
    if mention.kind == "organisation" and mention.role is not None \
            and mention.role[0] < persons[-1][0] and persons[-1][1] <= mention.role[1]:
        return mention  # مركز محمد بن راشد لعلوم الفضاء: a body named after a person
    if mention.name is not None:
        overlapping = [p for p in persons if p[0] < mention.name[1] and mention.name[0] < p[1]]
        persons = overlapping or persons
    name = _past_the_role(mention, _past_a_genitive(doc, tree, mention, _without_titles(doc, mention, persons[-1])))
    if mention.name is not None and not (name[0] <= mention.name[0] and mention.name[1] <= name[1]) \
            and not _role_before(doc, tree, mention.name, name) and not _runs_past_name(tree, mention.name, name):
        return mention
    role = mention.role
    if role is not None and role[0] < name[1] and name[0] < role[1]:  # the role ran into the name
        role = _trim(doc, (role[0], name[0])) if role[0] < name[0] else None
    elif role is not None and role[1] <= name[0] and mention.name is not None and mention.name[0] < name[0]:
        role = _trim(doc, (role[0], name[0]))  # the words the rules took for the name end the role
    return replace(mention, kind="person", name=name, role=role)


def _adjective_of_role(doc: RuleDoc, mention: Mention, span: tuple[int, int]) -> bool:
    """The span is one relative adjective without the article inside the role the rules read."""
    word = doc.text[span[0]:span[1]]
    return (mention.role is not None and mention.role[0] < span[0] and span[1] <= mention.role[1]
            and " " not in word and is_nisba(word) and not is_definite(word))


def _a_place_speaking(tree: Tree, mention: Mention) -> Mention:
    """A phrase the rules could only describe that NER reads as one place or body speaks
    for it (أعلنت اليابان: Japan, named)."""
    if mention.kind != "anonymous" or mention.head is not None:
        return mention
    start, end = mention.role or mention.span  # the words read, not a particle after them
    if any(kind in ("LOC", "ORG") and s <= start and end <= e for s, e, kind in tree.entities):
        return replace(mention, kind="organisation")
    return mention


def _body_before_apposition(doc: RuleDoc, tree: Tree, mention: Mention) -> Mention:
    """A body NER names at the start of the phrase, then a definite noun that describes it
    (كتائب القسام الذراع المسلح لحركة حماس): the name ends before the description. A
    relative adjective or participle goes on with the name (وزارة الخارجية الأمريكية)."""
    if mention.kind != "organisation" or mention.name is not None:
        return mention
    start, end = mention.span
    body = next(((s, e) for s, e, kind in tree.entities if kind == "ORG" and s == start and e < end), None)
    after = doc.next_word(doc.token_range(*body)[1]) if body is not None else None
    if after is None or doc.tokens[after].start >= end:
        return mention
    word = doc.tokens[after].text
    if not is_definite(word) or is_nisba(word) or is_definite_participle(word):
        return mention
    return replace(mention, name=body, role=(doc.tokens[after].start, end))


def _short_of_a_place(doc: RuleDoc, tree: Tree, mention: Mention) -> Mention:
    """With no PER name to go by, a name the rules read into a place or body NER tags is
    cut before it (حذر بنيامين نتانياهو طهران: Tehran is the object)."""
    if mention.name is None or mention.kind != "person":
        return mention
    start, end = mention.name
    others = _other_entities(tree, start + 1, end)
    if not others:
        return mention
    first, _ = doc.token_range(min(others), end)
    previous = doc.previous_word(first)
    if previous is None or doc.tokens[previous].end <= start:
        return mention
    return replace(mention, name=(start, doc.tokens[previous].end))


def _runs_past_name(tree: Tree, rules_name: tuple[int, int], person: tuple[int, int]) -> bool:
    """The rules' name is the PER name and then words that are no part of it: a place or
    body NER tags as such (بنيامين نتانياهو طهران: Tehran is the object), or an adjective
    (وهاجم أوربان المعارضة: the opposition is the object)."""
    if not (rules_name[0] == person[0] and person[1] < rules_name[1]):
        return False
    after = tree.words_at(person[1], rules_name[1])
    return (bool(after) and after[0].upos == "ADJ") or bool(_other_entities(tree, person[1], rules_name[1]))


def _other_entities(tree: Tree, after: int, end: int) -> list[int]:
    """Where the places and bodies NER tags begin in [after, end); the second half of a
    double-barrelled name (نيوتن - بيشوب) is no other entity."""
    return [s for s, _, kind in tree.entities
            if kind != "PER" and after <= s < end and not _hyphen_between(tree, after, s)]


def _hyphen_between(tree: Tree, end: int, start: int) -> bool:
    """A double-barrelled name (نيوتن - بيشوب): NER's other entity is its second half."""
    return any(w.text == "-" for w in tree.words_at(end, start))


def _role_before(doc: RuleDoc, tree: Tree, rules_name: tuple[int, int], person: tuple[int, int]) -> bool:
    """The rules' name is the PER name after words that still belong to the role: a
    genitive or a definite word (المدعي العام لنيويورك إريك شنايدمان), or a place or body NER
    tags (مدير مطار عدن طارق عبده)."""
    if not (rules_name[0] < person[0] and person[1] == rules_name[1]):
        return False
    first, last = doc.token_range(rules_name[0], person[0])
    before = [t for t in doc.words_in(first, last) if t.end <= person[0]]
    places = [(s, e) for s, e, kind in tree.entities if kind != "PER"]
    return bool(before) and all(t.text.startswith(("ل", "ب", "ال")) or any(s <= t.start and t.end <= e for s, e in places)
                                for t in before)


def _past_a_genitive(doc: RuleDoc, tree: Tree, mention: Mention, name: tuple[int, int]) -> tuple[int, int]:
    """A full name NER and the rules start with the role's ل genitive (المدعي العام لنيويورك
    إريك شنايدمان) starts after it. Only right after the role and before two more words: an
    unseen first name in ل is often split as if ل were a preposition (لوران فابيوس)."""
    if mention.role is None:
        return name
    first, last = doc.token_range(*name)
    before, after = doc.previous_word(first), doc.next_word(first)
    words = tree.words_at(doc.tokens[first].start, doc.tokens[first].end)
    if (len(doc.words_in(first, last)) >= 3 and before is not None and doc.tokens[before].end == mention.role[1]
            and len(words) > 1 and words[0].upos == "ADP" and words[0].text == "ل"):
        return doc.tokens[after].start, name[1]
    return name


def _past_the_role(mention: Mention, name: tuple[int, int]) -> tuple[int, int]:
    """A PER span that begins inside the role the rules read and ends on their name starts at
    that name: NER took the office's genitive for a first name (رئيس رواندا بول كاغامي)."""
    role, rules_name = mention.role, mention.name
    if role is None or rules_name is None or not (role[0] <= name[0] < role[1] <= rules_name[0] < name[1]):
        return name
    return rules_name[0], name[1]


def _without_titles(doc: RuleDoc, mention: Mention, name: tuple[int, int]) -> tuple[int, int]:
    """A PER span that swallowed a title (اللواء محمد باقري) starts after it."""
    first, last = doc.token_range(*name)
    words = [t for t in doc.words_in(first, last)
             if not any(t_start <= t.start < t_end for t_start, t_end in mention.titles)]
    return (words[0].start, name[1]) if words else name


def _trim(doc: RuleDoc, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    text = doc.text[span[0]:span[1]]
    stripped = text.rstrip(" ،,")
    if not stripped.strip():
        return None
    return span[0], span[0] + len(stripped)
