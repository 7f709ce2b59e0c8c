"""Split a speaker phrase into role, titles and name, by the lexicons and word shape.

وزير الدفاع الروسي الجنرال سيرغي شويغو -> role وزير الدفاع الروسي, title الجنرال, name
سيرغي شويغو. The phrase is read left to right: a role head opens the role; a noun in
construct takes the next word (قائد هيئة أركان ...); after a definite word (الروسي) an
indefinite one begins the name; a title is followed by a name. Commas separate
appositions (كينيث برومل، القائم على معهد الفنون), each read the same way.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Literal

from quotes.lexicon import Lexicon, RoleHead
from quotes.rules.content import MAX_NAME_IN_MARKS
from quotes.rules.document import RuleDoc
from quotes.rules.phrases import ends_phrase, outlet_width
from quotes.rules.tokens import Token

Kind = Literal["person", "organisation", "document", "anonymous", "unknown"]
Span = tuple[int, int]  # offsets in the normalised text

PROCLITICS = ("و", "ف", "ب", "ل", "ك")
STICKY_KINDS = frozenset({"relation", "anonymous", "document"})  # the rest of the phrase is theirs
MAX_NAME_WORDS = 4


@dataclass
class Mention:
    """A speaker phrase read into parts; every part a span of the normalised text."""

    span: Span
    kind: Kind
    name: Span | None = None
    role: Span | None = None
    titles: list[Span] = field(default_factory=list)
    head: RoleHead | None = None  # the role head that opened the role
    feminine: bool = False
    text_override: str | None = None  # a hashtag's words: #الجيش_اليمني -> الجيش اليمني


def _has_article(doc: RuleDoc, token: Token) -> bool:
    """Definite as written: أل with a hamza is no article (ألمانيا، ألفارو), though the
    normalised text writes it ال."""
    original = "".join(c for c in doc.norm.original_text(token.start, token.end) if not unicodedata.combining(c))
    return is_definite(token.text) and not original.lstrip("وفبلك").startswith(("أل", "إل", "آل"))


def is_definite(word: str) -> bool:
    """الـ with or without a proclitic (والوزير، بالجامعة، للمهرجان)."""
    return word.startswith("ال") or word.startswith("لل") or (word[:1] in "وفبك" and word[1:3] == "ال")


def _bare(lexicon: Lexicon, word: str) -> list[str]:
    """The word and its readings without a proclitic, the article or a possessive
    pronoun (مدربه: his coach)."""
    out = [word]
    for w in (word, word[1:] if word[:1] in PROCLITICS and len(word) > 3 else None):  # not باخ = ب + أخ
        if w and w.startswith("ال"):
            out.append(w[2:])
        if w and w.startswith("لل"):
            out.append(w[2:])
        if w and w != word:
            out.append(w)
    out += [word[: -len(p)] for p in lexicon.name_class("nw.possessive-suffix")
            if word.endswith(p) and len(word) - len(p) >= 3]
    return out


def match_role(lexicon: Lexicon, words: list[str], i: int) -> tuple[RoleHead, int] | None:
    """The longest role head starting at words[i]: (entry, number of words)."""
    for width in (3, 2, 1):
        if i + width > len(words):
            continue
        rest = tuple(words[i + 1:i + width])
        for first in _bare(lexicon, words[i]):
            head = lexicon.role_phrases.get((first, *rest))
            if head is not None:
                return head, width
    return None


def match_title(lexicon: Lexicon, words: list[str], i: int) -> int:
    """Number of words of the longest title at words[i] (0 if none). A title stands
    before a name: اللواء الخامس (the Fifth Brigade) and الفريق الهندسي (the engineering
    team) are not titles, اللواء باقري and عقيد جمعان are."""
    for width in (4, 3, 2, 1):
        if i + width <= len(words):
            word = words[i][1:] if words[i][:1] == "و" and len(words[i]) > 3 else words[i]
            for candidate in (word, "ال" + word):
                if (candidate, *words[i + 1:i + width]) in lexicon.title_phrases and _before_name(lexicon, words, i + width):
                    return width
    return 0


def _before_name(lexicon: Lexicon, words: list[str], j: int) -> bool:
    """What follows a title: a name, another title, or a last definite word (الإمام الخامنئي)."""
    if j >= len(words):
        return False
    if not is_definite(words[j]) or j == len(words) - 1:
        return True
    return match_title(lexicon, words, j) > 0


def analyse(doc: RuleDoc, first: int, last: int, skip: int = 0) -> Mention:
    """Read tokens first..last (the first `skip` letters excluded) as a speaker mention."""
    tokens = [t for t in doc.tokens[first:last + 1] if t.is_word]
    span = (doc.tokens[first].start + skip, doc.tokens[last].end)
    if len(tokens) == 1 and tokens[0].text.startswith("#"):
        return _hashtag(doc.lexicon, tokens[0], span)
    segments = [seg for seg in _segments(doc, first, last) if seg]
    segments.sort(key=lambda seg: doc.is_preposition(seg[0].index))
    mention = Mention(span, "unknown")
    parts = [_read_segment(doc, seg) for seg in segments]
    titled = any(p.name and p.titles for p in parts)
    for k, (seg, part) in enumerate(zip(segments, parts)):
        apposed = any(p.name and not p.role and p.head is None for p in parts[k + 1:]) \
            and part.name is not None and doc.text[part.name[0]] in "لب"
        if part.name and not part.titles and (titled or apposed) and part.role and part.role[1] <= part.name[0]:
            # رئيس الفريق ... حرس حدود، ملازم أول سلطان شمسان: the titled name is the name; وزير
            # الدولة لشؤون الخليج، تامر السبهان: so is a name apposed to a phrase whose "name"
            # opens with a preposition. What looked like a name before it ends the role.
            part.role, part.name = (part.role[0], part.name[1]), None
        # an affiliation (، من مركز ...) gives a role only when no other apposition does
        affiliation = doc.is_preposition(seg[0].index)
        if seg[0].text in doc.lexicon.name_class("nw.description-opener"):
            part.name = None  # الرئيس الروسي، وهو ضابط مخابرات سابق: it describes, it names no one
        if part.name and mention.name is None:
            mention.name = part.name
        if part.role and (mention.role is None or (mention.head is None and part.head is not None
                                                   and not affiliation)):
            mention.role, mention.head = part.role, part.head
        mention.titles.extend(part.titles)
        mention.feminine |= part.feminine
    quoted = _name_in_quotes(doc, first, last) if mention.name is None else None
    if quoted is not None:  # وأوضح "حساب المواطن"، موقع "كوورة": the words in quote marks are the name
        mention.name = quoted
        if mention.role is not None and mention.role[1] > quoted[0]:
            before = doc.previous_word(doc.token_range(*quoted)[0])
            keep = before is not None and mention.role[0] <= doc.tokens[before].start
            mention.role = (mention.role[0], doc.tokens[before].end) if keep else None
    mention.kind = _kind(mention, doc.words_in(first, last))
    if skip and mention.name and mention.name[0] == span[0] - skip:
        mention.name = (mention.name[0] + skip, mention.name[1])
    if skip and mention.role and mention.role[0] == span[0] - skip:
        mention.role = (mention.role[0] + skip, mention.role[1])
    return mention


def _name_in_quotes(doc: RuleDoc, first: int, last: int) -> Span | None:
    """The words of a short quote that opens the mention or follows its first word (a
    name in quote marks: "حساب المواطن"، موقع "كوورة")."""
    for j in (first, doc.next_token(first)):
        quote = doc.opens_quote(j) if j is not None and j <= last else None
        if quote is not None and 0 < len(doc.quote_tokens(quote)) <= MAX_NAME_IN_MARKS:
            words = doc.quote_tokens(quote)
            return words[0].start, words[-1].end
    return None


def _kind(m: Mention, words: list[Token]) -> Kind:
    if m.head is not None and m.name is None:
        kind = m.head.kind
        if kind == "organisation":
            return "organisation" if _proper_body(m, words) else "anonymous"
        if kind == "document":
            return "document"
        if kind in ("anonymous", "relation"):
            return "anonymous"
        return "person"  # an office or profession designates a person, named elsewhere or not
    if m.name is not None:
        return "person"
    return "anonymous" if m.role else "unknown"


def _proper_body(m: Mention, words: list[Token]) -> bool:
    """A body named as such (وزارة الداخلية، الجيش اليمني، صحيفة آس), not described
    (السلطات، محكمة بلجيكية): two words or more, the first or second definite or the
    second not an adjective."""
    inside = [t.text for t in words if m.role and t.start < m.role[1] and t.end > m.role[0]]
    return len(inside) >= 2 and (is_definite(inside[0]) or is_definite(inside[1]) or not is_nisba(inside[1]))


def is_nisba(word: str) -> bool:
    """A relative adjective (بلجيكية، عسكري، أفغان is not one): it describes, a name names."""
    return word.endswith(("ي", "ية", "يون", "يين", "يان"))


def _hashtag(lexicon: Lexicon, token: Token, span: Span) -> Mention:
    words = token.text[1:].split("_")
    found = match_role(lexicon, [w for w in words if w], 0)
    kind: Kind = "organisation" if found and found[0].kind == "organisation" else "person"
    return Mention(span, kind, name=span, text_override=" ".join(w for w in words if w))


def _segments(doc: RuleDoc, first: int, last: int) -> list[list[Token]]:
    """Word tokens split at commas and at وهو/وهي; quote marks around a name are dropped,
    and a number with the noun it counts (البالغ من العمر 27 عاما)."""
    segments: list[list[Token]] = [[]]
    counted = False
    for tok in doc.tokens[first:last + 1]:
        if tok.kind == "number":
            counted = True
        elif tok.text in "،,":
            segments.append([])
            counted = False
        elif tok.is_word and counted:
            counted = False
        elif tok.is_word:
            if tok.text in doc.lexicon.name_class("nw.description-opener") and segments[-1]:
                segments.append([])  # محمد الحجازي وهو متحدث باسم ...
            segments[-1].append(tok)
    return segments


@dataclass
class _Part:
    name: Span | None = None
    role: Span | None = None
    titles: list[Span] = field(default_factory=list)
    head: RoleHead | None = None
    feminine: bool = False


def _read_segment(doc: RuleDoc, seg: list[Token]) -> _Part:
    """Role, titles and name of one apposition, read left to right."""
    lexicon = doc.lexicon
    words = [t.text for t in seg]
    preps = [doc.is_preposition(t.index) for t in seg]
    span = lambda a, b: (seg[a].start, seg[b - 1].end)
    part = _Part()
    role: list[int] | None = None  # [first, end) word indices
    after = "start"  # what the role's last word was: construct, def, prep, proper, sticky
    body = False  # the role is an organisation's
    i = 1 if words[0] in lexicon.name_class("nw.description-opener") else 0  # وهي إحدى القائمين على المشروع
    while i < len(words):
        width = match_title(lexicon, words, i) if after not in ("construct", "prep") else 0
        if width and part.head is None and (match_role(lexicon, words, i) or (None, 0))[1] > width:
            width = 0  # شيخ الأزهر: an office whose first word is a title
        if width:  # a title; the name follows it
            part.titles.append(span(i, i + width))
            i += width
            if part.name is None and i < len(words):
                end = _name_end(lexicon, words, preps, i)
                part.name, i = span(i, end), end
            continue
        found = match_role(lexicon, words, i) if part.head is None or _issuer(part, role, i) else None
        if found:
            head, width = found
            if part.head is not None:  # أرقام متحف ...، بيان وزارة ...: the issuer speaks
                role = None
            part.head = head
            part.feminine = words[i + width - 1].endswith("ة") and head.kind != "organisation"
            role = [role[0] if role and role[1] == i else i, i + width]
            i += width
            complete = is_definite(words[i - 1]) or _possessed(lexicon, words[i - 1])  # الوزير، مدربه
            possessed = head.kind == "relation" and _possessed(lexicon, words[i - 1])  # والده جو: his father, Joe
            after = "sticky" if head.kind in STICKY_KINDS and not possessed else "def" if complete else "construct"
            if head.kind == "organisation":
                body = True  # a body's name is the whole phrase: no person's name follows
            continue
        word = words[i]
        if role is not None and role[1] == i and word in lexicon.name_class("nw.demonstrative"):
            break  # دبلوماسيون هذا القرار: the demonstrative opens what they speak of
        if body and role is not None and role[1] == i and (_describes_named_body(words, preps, role, i)
                                                          or word in lexicon.name_class("nw.body-description")):
            break  # قناة آزال الفضائية الموالية للرئيس، وكالة الأنباء اليمنية الرسمية: the rest describes it
        quantifier = word in lexicon.name_class("nw.quantifier")
        if role is None and part.name is None and (quantifier or _has_article(doc, seg[i])) and not part.titles:
            role, after = [i, i + 1], "construct" if quantifier else "def"  # بعض الخبراء، المخرج
        elif role is not None and role[1] == i and body and (after == "proper" and _names_a_body(lexicon, word)
                                                              or after == "def" and _field(word)):
            role[1] = i + 1  # مركز محمد بن راشد لعلوم الفضاء: a body's proper name goes on
            after = "construct" if word in lexicon.name_class("nw.name-link") else "prep"
        elif role is not None and role[1] == i and after == "construct" and (width := outlet_width(lexicon, words, i)):
            role[1] = i = i + width  # مراسل بي بي سي: the outlet is the role's
            after = "def"
            continue
        elif role is not None and role[1] == i and _continues_role(lexicon, after, word, preps[i]):
            role[1] = i + 1
            after = _role_state(lexicon, after, word, preps[i] or _of_a_body(lexicon, word))
        elif body:
            break  # المحكمة من الموقع إسقاط ...: what follows a body is not its name
        elif part.name is None:
            if _is_particle(lexicon, word) and i == 0:
                i += 1  # أما أستاذ التفسير: a particle opens the phrase, no name
                continue
            if _speech_noun(lexicon, word) or _is_particle(lexicon, word):
                break  # الوزير قوله، الرئيس الأمريكي قد: his saying, a particle, no name
            if _not_a_name(lexicon, word):
                i += 1  # أوضح ذلك المهندس ممدوح، وقال آخر: the name, if any, comes later
                continue
            end = _name_end(lexicon, words, preps, i)
            part.name, i = span(i, end), end
            continue
        i += 1
    if role is not None:
        while role[1] - role[0] > 1 and preps[role[1] - 1]:
            role[1] -= 1  # مكتب التحقيقات في: a preposition left without its object
        start, end = span(*role)
        part.role = (start + _proclitic_letters(lexicon, words[role[0]]), end)
    return part


def _proclitic_letters(lexicon: Lexicon, word: str) -> int:
    """1 where ل، ب، و or ف stands on a role head the role leaves out (بيان لهيئة الطيران،
    والمدير، بالرئيس); 0 for a head that begins so (والي، والد, لاعب) and after لل, whose
    article is not written (للرئيس), so there is no span without it."""
    if word[:1] not in "لبوف" or word.startswith("لل") or (word,) in lexicon.role_phrases:
        return 0
    rest = word[1:]
    if len(rest) < 3:
        return 0  # باخ is a name, not ب and أخ
    bare = [rest, rest[2:]] if rest.startswith("ال") else [rest]
    return int(any((w,) in lexicon.role_phrases for w in bare))


def _issuer(part: _Part, role: list[int] | None, i: int) -> bool:
    """Right after a document head (أرقام، بيان، تقرير) comes its issuer, in the genitive."""
    return part.head.kind == "document" and role is not None and role[1] == i and role[1] - role[0] == 1


def _continues_role(lexicon: Lexicon, after: str, word: str, preposition: bool) -> bool:
    """Does `word` go on the role? A genitive after a noun in construct, a preposition's
    object, after a definite word more definite words, prepositions and ل/ب with a body
    (المدير التنفيذي لشركة أبل، مستشارة أمراض الجلد بمعهد)، and after an adjective a body
    (مدير عام منظمة الصحة)."""
    if after in ("sticky", "construct", "prep"):
        return True
    return (is_definite(word) or preposition or _of_a_body(lexicon, word)
            or after == "proper" and _is_body(lexicon, word))


def _describes_named_body(words: list[str], preps: list[bool], role: list[int], i: int) -> bool:
    """words[i] opens a participle phrase (الموالية لـ، التابعة لـ، المقربة من) after a body
    that already has a proper name (قناة آزال): a description, not more of the name. An
    unnamed body keeps it (اللجنة المشرفة على الفعاليات)."""
    if i + 1 >= len(words) or not is_definite_participle(words[i]):
        return False
    before_object = preps[i + 1] or words[i + 1][:1] in "لب"
    return before_object and any(not is_definite(w) for w in words[role[0] + 1:i])


def is_definite_participle(word: str) -> bool:
    """A definite participle by its shape (الموالية، المشرفة، المسؤول): ال then the م prefix."""
    return word.startswith("الم") and len(word) > 4


def _field(word: str) -> bool:
    """A body's field with ل after its definite words (المرصد السوري لحقوق الإنسان، المركز
    الوطني للدراسات)."""
    return word[:1] == "ل" and len(word) > 3


def _names_a_body(lexicon: Lexicon, word: str) -> bool:
    """After a body's proper name, a name link (بن، عبد) or a field with ل/ب (لعلوم الفضاء)."""
    return word in lexicon.name_class("nw.name-link") or (word[:1] in "لب" and len(word) > 3 and not word.startswith("لل"))


def _of_a_body(lexicon: Lexicon, word: str) -> bool:
    """ل or ب before a noun that takes a genitive: لشركة، بمعهد (not a name: لويس، لوران)."""
    return (word[:1] in "لب" and not is_definite(word) and len(word) > 3
            and _construct_capable(lexicon, word[1:]))


def _is_body(lexicon: Lexicon, word: str) -> bool:
    """An organisation head: منظمة، وزارة، شركة."""
    found = match_role(lexicon, [word], 0)
    return found is not None and found[0].kind == "organisation"


def _role_state(lexicon: Lexicon, after: str, word: str, preposition: bool) -> str:
    if after == "sticky":
        return "sticky"
    if preposition:
        return "prep"
    if is_definite(word):
        return "def"
    if after in ("construct", "prep") and _construct_capable(lexicon, word) or _is_body(lexicon, word):
        return "construct"
    return "proper"


def _name_end(lexicon: Lexicon, words: list[str], preps: list[bool], i: int) -> int:
    """Where a name starting at words[i] ends: before a role head (منصور الحسين مشرف ...),
    a preposition, a title, an occasion or time word, a quantifier or particle (سايمن شو
    أحد مسؤولي، راسموسن قد), a demonstrative (مالستروم هذا الأسبوع), a noun with a pronoun
    (شويغو نظيره، أردوغان قوله), and once it has two words, before a definite word that
    is no family name (بندر ناصر الشهري). The word after بن، عبد، أبو always belongs to
    it, and such a name may end in a family name with the article (جمعان بن دايس الغامدي،
    كامل عبد الله)."""
    j = i + 1
    linked = False
    while j < len(words) and j - i < MAX_NAME_WORDS + linked:
        word, previous = words[j], words[j - 1]
        if previous in lexicon.name_class("nw.name-link"):
            linked = True
            j += 1
            continue
        if j == i + 1 and _family_name(lexicon, words, j):
            j += 1
            continue
        if (match_role(lexicon, words, j) or match_title(lexicon, words, j) or preps[j] or _not_a_name(lexicon, word)
                or word in lexicon.words("mk.adjunct") or word in lexicon.words("mk.event")
                or word in lexicon.name_class("nw.quantifier") or _is_particle(lexicon, word)):
            break
        if _possessed(lexicon, word) or (j - i >= 2 and is_definite(word) and not linked and not _family_nisba(word)):
            break
        j += 1
    return j


def _family_nisba(word: str) -> bool:
    """A family name after a first and a father's name (بندر ناصر الشهري، جديع نهار
    القحطاني): the article and a relative ending, without a proclitic."""
    return word.startswith("ال") and word.endswith("ي") and len(word) > 4


PARTICLE_GROUPS = ("mk.opener", "mk.clause-break", "mk.complementizer", "mk.relative", "mk.conjunction-before-an")


def _is_particle(lexicon: Lexicon, word: str) -> bool:
    """A word of the clause's grammar (أما، قد، لكن، الذي، بعد): never a name. Prepositions
    and time words are not asked: علي and صباح are also names."""
    return any(word in lexicon.words(group) for group in PARTICLE_GROUPS)


def _family_name(lexicon: Lexicon, words: list[str], j: int) -> bool:
    """A profession with the article right after a first name is the family name (سوسن
    الشاعر، محمد الجندي، هاني التاجر); an office is not (سالم الوزير is rare, أحمد الرئيس
    none)."""
    found = match_role(lexicon, words, j)
    return found is not None and found[1] == 1 and found[0].kind == "profession" and words[j].startswith("ال")


def _not_a_name(lexicon: Lexicon, word: str) -> bool:
    """أول، نفسه، ذلك، لذلك: words that stand beside a name, never in one."""
    demonstratives = lexicon.name_class("nw.demonstrative")
    return (word in lexicon.name_class("nw.not-a-name") or word in demonstratives
            or (word[:1] in PROCLITICS and word[1:] in demonstratives))


def _speech_noun(lexicon: Lexicon, word: str) -> bool:
    """A noun of saying or an occasion with a pronoun (قوله، حديثه، بيانها), which follows
    its speaker and is no name."""
    return any(word.endswith(p) and (word[:-len(p)] in lexicon.words("mk.event")
                                     or (word[:-len(p)],) in lexicon.attribution_phrases)
               for p in lexicon.name_class("nw.possessive-suffix"))


def _possessed(lexicon: Lexicon, word: str) -> bool:
    """A noun with a possessive pronoun (نظيره، حسابها): not part of a name."""
    return (len(word) > 3 and word.endswith(lexicon.name_class("nw.possessed-ending"))
            and word not in lexicon.name_class("nw.name-ending-in-ha")
            and not word.endswith(lexicon.name_class("nw.name-ending-in-iyeh")))


def _construct_capable(lexicon: Lexicon, word: str) -> bool:
    """A common noun that takes a genitive (هيئة أركان، مطار عدن): a role or body word, -ة,
    or one of nw.construct-noun."""
    return (match_role(lexicon, [word], 0) is not None or word.endswith(("ة", "ات"))
            or word in lexicon.name_class("nw.construct-noun"))


MAX_PERSON_WORDS = 14  # a role, titles and a name written together


def people(doc: RuleDoc) -> list[Mention]:
    """Every role or title phrase in the text, speaker or not, outside quotes. Those with
    a name are the document's own statement of who holds what (تابع وزير الدفاع الروسي
    الجنرال سيرغي شويغو زيارة ...); the others are who an implied subject may be."""
    found: list[Mention] = []
    i = 0
    while i < len(doc.tokens):
        tok = doc.tokens[i]
        if not tok.is_word or doc.inside_quote(i) and not quoted_name(doc, i):
            i += 1
            continue
        if not opens_description(doc, i):
            i += 1
            continue
        last = phrase_end(doc, i)
        mention = read_phrase(doc, i, last)
        if mention.kind != "unknown":
            found.append(mention)
        i = last + 1
    return found


def opens_description(doc: RuleDoc, i: int, first: str | None = None) -> bool:
    """A role head or a title starts at token i, its word read as `first` where given (a
    word without its و)."""
    ahead = [t.text for t in doc.tokens[i:i + 6] if t.is_word][:4]
    if first is not None:
        ahead[0] = first
    return bool(match_role(doc.lexicon, ahead, 0) or match_title(doc.lexicon, ahead, 0))


def read_phrase(doc: RuleDoc, first: int, last: int, skip: int = 0) -> Mention:
    """`analyse`, and where it reads a role with no name followed by the name between
    commas (المحلل السياسي المصري، أيمن الصياد، يرى), the mention read over both."""
    mention = analyse(doc, first, last, skip)
    if mention.name is not None or mention.kind != "person":
        return mention
    end = _apposed_name_end(doc, last)
    if end is None:
        return mention
    wider = analyse(doc, first, end, skip)
    return wider if wider.name is not None and wider.name[0] > doc.tokens[last].end else mention


def _apposed_name_end(doc: RuleDoc, last: int) -> int | None:
    """The last word of "، NAME،" right after token `last`: one to four words, a title or
    a word that can start a name first, none of them a cue, a preposition, a marker or a
    role head."""
    comma = doc.next_token(last)
    if comma is None or doc.tokens[comma].text not in "،,":
        return None
    j, end = doc.next_token(comma), None
    while j is not None and doc.tokens[j].is_word and j - comma <= MAX_NAME_WORDS:
        titled = match_title(doc.lexicon, [t.text for t in doc.tokens[j:j + 5] if t.is_word], 0) > 0
        if doc.cue_at(j) or doc.is_preposition(j) or doc.is_marker(doc.tokens[j].text) or _opens_role(doc, j) \
                or (end is None and not (titled or _starts_a_name(doc, j))):
            return None
        end, j = j, doc.next_token(j)
    closed = j is not None and doc.tokens[j].text in "،,"
    return end if closed else None


def _opens_role(doc: RuleDoc, j: int) -> bool:
    return match_role(doc.lexicon, [t.text for t in doc.tokens[j:j + 5] if t.is_word][:3], 0) is not None


def quoted_name(doc: RuleDoc, i: int) -> bool:
    """A short quote (a name in quote marks) is read like text."""
    quote = doc.quote_of(i)
    return quote is not None and len(doc.quote_tokens(quote)) <= MAX_NAME_IN_MARKS


def phrase_end(doc: RuleDoc, first: int) -> int:
    """The last token of a person phrase starting at `first`: it stops at punctuation other
    than the marks of a short quote (a name in marks), a cue, a clause word, where a speaker
    phrase ends (an occasion, a preposition after a name ...), or a و-word after a full name
    (باقري وأجرى)."""
    last = first
    name_words = 0
    j = first
    while j < len(doc.tokens) and j - first < MAX_PERSON_WORDS:
        tok = doc.tokens[j]
        if tok.kind in ("newline", "number") or (tok.kind == "punct" and not doc.quote_of(j)):
            break
        if tok.is_word:
            if j > first and (doc.cue_at(j) or doc.is_complementizer(j) or doc.is_word(j, "mk.clause-break")
                              or ends_phrase(doc, j, first) or (name_words >= 2 and _after_full_name(doc, j))
                              or _after_a_name(doc, first, j)):
                break
            name_words = name_words + 1 if not is_definite(tok.text) and j > first else 0
            last = j
        elif doc.quote_of(j):
            if doc.opens_quote(j) is not None and not quoted_name(doc, j):
                break  # رئيس الوزراء "سنهدم الجدار ...": what is said, not a name in marks
            last = j
            if doc.closes_quote(j):
                break
        j += 1
    return last


def _after_full_name(doc: RuleDoc, j: int) -> bool:
    """After a name of two words, a و-word (باقري وأجرى) or a noun with a pronoun (بومبيو
    نظيره) begins another phrase."""
    word = doc.tokens[j].text
    return word.startswith("و") or _possessed(doc.lexicon, word)


def _after_a_name(doc: RuleDoc, first: int, j: int) -> bool:
    """A role or title at j after a phrase that already ends in a name begins another
    person's phrase (الرئيس المصري عبد الفتاح السيسي رئيس الوزراء الإثيوبي آبي أحمد); one
    that goes on a role does not (مدير عام منظمة الصحة)."""
    if not opens_description(doc, j):
        return False
    before = doc.previous_word(j)
    if before is None or before < first:
        return False
    read = analyse(doc, first, before)  # a role or title, then a name ending at `before`
    return read.name is not None and read.name[1] == doc.tokens[before].end and bool(read.role or read.titles)


def written_in_full(doc: RuleDoc, surname: str,
                    can_be_a_name: Callable[[int, int], bool] = lambda start, end: True) -> Mention | None:
    """How a surname is first written, when in full: news names a person in full first
    (استعرض الهاكر الألماني هوغو تيسو ... وقال تيسو; المستشار تركي آل الشيخ ... وقال آل
    الشيخ), with the definite words before the name as a description. Only the first time
    the surname is written outside quotes, and only with a word before it that can start a
    name (`can_be_a_name` asks the parse, where there is one, of the word's offsets:
    وهاجم أوربان is a verb and a name)."""
    found = _first_written(doc, surname.split())
    if found is None:
        return None
    first, tok = doc.tokens[found[0]], doc.tokens[found[1]]
    j = doc.previous_token(first.index)
    if j is None or not _starts_a_name(doc, j) or not can_be_a_name(doc.tokens[j].start, doc.tokens[j].end):
        return None
    k = j
    while (p := doc.previous_token(k)) is not None and j - p <= 3 and _describes(doc, p):
        k = p
    mention = analyse(doc, k, tok.index)
    name = (doc.tokens[j].start, tok.end)
    return mention if mention.name == name else Mention(name, "person", name=name)


def _first_written(doc: RuleDoc, words: list[str]) -> tuple[int, int] | None:
    """The first and last token where the words are first written in a row outside quotes."""
    for t in doc.tokens:
        if t.text != words[0] or doc.inside_quote(t.index):
            continue
        last = t.index
        for word in words[1:]:
            last = doc.next_word(last)
            if last is None or doc.tokens[last].text != word:
                break
        else:
            return t.index, last
    return None


def _describes(doc: RuleDoc, j: int) -> bool:
    """A definite word that can describe a person before the name (الهاكر الألماني)."""
    word = doc.tokens[j].text
    return (doc.tokens[j].is_word and is_definite(word) and not doc.is_preposition(j)
            and not doc.is_marker(word))


def _starts_a_name(doc: RuleDoc, j: int) -> bool:
    """Not a word of the text's grammar: the article, a cue, a preposition, a marker, a
    role or title, a noun in construct (حملة، تصريحات) or with a pronoun (نظيره)."""
    word, lexicon = doc.tokens[j].text, doc.lexicon
    return (doc.tokens[j].is_word and len(word) > 2 and not is_definite(word) and doc.cue_at(j) is None
            and not doc.is_preposition(j) and not doc.is_marker(word)
            and match_role(lexicon, [word], 0) is None and not match_title(lexicon, [word, word], 0)
            and not _possessed(lexicon, word) and not word.endswith(("ة", "ات"))
            and word not in lexicon.name_class("nw.quantifier"))
