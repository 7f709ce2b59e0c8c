import pytest

from quotes.training.datasets import (clitics_as_multiword_tokens, coarse_tag, glue_clitics, in_paragraphs,
                                 read_bio, split_80_10_10, with_arabic_commas)

# "وقال الوزير لأوباما:" in PUD's style: clitics are words glued by SpaceAfter=No
SENTENCE = [
    "# text = وقال الوزير لأوباما:",
    "1\tو\tوَ\tCCONJ\tCC\t_\t2\tcc\t_\tSpaceAfter=No",
    "2\tقال\tقَال\tVERB\tVBC\t_\t0\troot\t_\t_",
    "3\tالوزير\tوَزِير\tNOUN\tNN\t_\t2\tnsubj\t_\t_",
    "4\tل\tلِ\tADP\tIN\t_\t5\tcase\t_\tSpaceAfter=No",
    "5\tأوباما\tاوباما\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No",
    "6\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_",
]


def test_glued_clitics_become_multiword_tokens():
    out = clitics_as_multiword_tokens(SENTENCE)
    assert out[1].split("\t")[:2] == ["1-2", "وقال"]
    assert out[5].split("\t")[:2] == ["4-5", "لأوباما"]
    assert out[5].split("\t")[9] == "SpaceAfter=No"  # the token keeps the space before the comma
    assert out[7].split("\t")[9] == "_"  # its words lose it
    assert out[-1] == SENTENCE[-1]  # punctuation stays a token of its own


def test_arabic_comma_and_paragraphs():
    assert with_arabic_commas(SENTENCE)[-1].split("\t")[1:3] == ["،", "،"]
    paragraphs = in_paragraphs([["# newdoc id = a", *SENTENCE]] * 5, size=4)
    assert [s[0] == "# newpar" for s in paragraphs] == [True, False, False, False, True]
    assert not any(line.startswith("# newdoc") for s in paragraphs for line in s)


def test_split_is_deterministic_disjoint_and_80_10_10():
    items = list(range(1000))
    split = split_80_10_10(items, seed=1234)
    assert split == split_80_10_10(items, seed=1234)
    assert (len(split.train), len(split.dev), len(split.test)) == (800, 100, 100)
    assert sorted(split.train + split.dev + split.test) == items
    blocks = split_80_10_10(items, seed=1234, block=20)
    assert all(x + 1 in blocks.test for x in blocks.test if x % 20 != 19)


def test_ner_classes_map_to_conll_types():
    assert coarse_tag("B-Politician") == "B-PER"
    assert coarse_tag("I-Population-Center") == "I-LOC"
    assert coarse_tag("B-Group") == "B-MISC"
    assert coarse_tag("O") == "O"
    with pytest.raises(ValueError, match="NER_CLASSES"):
        coarse_tag("B-Spaceship")


def test_split_clitics_are_glued_to_their_host():
    sentence = [("و", "O"), ("قال", "O"), ("ان", "O"), ("ه", "O"), ("ل", "O"), ("باقري", "B-PER"), ("و", "O"), ("2023", "O")]
    assert glue_clitics(sentence) == [("وقال", "O"), ("انه", "O"), ("لباقري", "B-PER"), ("و", "O"), ("2023", "O")]


def test_read_bio_strips_marks_and_crlf(tmp_path):
    path = tmp_path / "ner.txt"
    path.write_bytes("\u200eقال\tO\r\n\u200eبوتين\tB-Politician\r\n\r\n\u200eو\tO\r\n".encode())
    assert read_bio(path) == [[("قال", "O"), ("بوتين", "B-Politician")], [("و", "O")]]


def test_headlines_lose_final_punctuation_and_stand_alone():
    sentences = [clitics_as_multiword_tokens(SENTENCE[:-1]) + ["6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_"]] * 8
    paragraphs = in_paragraphs(sentences, size=4, headline_every=2)
    starts = [s[0] == "# newpar" for s in paragraphs]
    assert starts == [True, False, False, False, True, True, False, False]
    headline = paragraphs[4]
    assert headline[-1].split("\t")[1] == "أوباما"
    assert headline[-1].split("\t")[9] == "_"
    assert headline[-3].split("\t")[9] == "_"  # the multi-word token لأوباما loses SpaceAfter=No
