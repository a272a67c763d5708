"""The normaliser: one tone-mark style, clean spaces, offsets back to the raw text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partygraph.normalise import normalise, normalise_text


@pytest.mark.parametrize("raw, clean", [
    ("Tỉnh uỷ", "Tỉnh ủy"),
    ("hoá", "hóa"),
    ("khoá XII", "khóa XII"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("khoẻ", "khỏe"),
    ("TỈNH UỶ", "TỈNH ỦY"),
    ("Nguyễn Văn Thuỵ", "Nguyễn Văn Thụy"),
    ("quý", "quý"),          # "qu" is an onset, the mark stays on y
    ("Quỳnh", "Quỳnh"),
    ("hoàng", "hoàng"),      # a final consonant: both styles agree
    ("thuyết", "thuyết"),
    ("Ðảng bộ", "Đảng bộ"),  # U+00D0 typed for Đ
    ("a\u00a0b", "a b"),
    ("Đ\u200bảng", "Đảng"),
    ("huyện Đắk R’lấp", "huyện Đắk R'lấp"),    # an apostrophe inside a word, however typed
    ("xã Ia H\u02bcDrai", "xã Ia H'Drai"),
    ("‘Đắk’ và ’", "‘Đắk’ và ’"),              # quotation marks stay
])
def test_normalise_examples(raw, clean):
    assert normalise_text(raw) == clean


def test_normalise_composes_decomposed_input():
    raw = unicodedata.normalize("NFD", "Bí thư Tỉnh uỷ")
    assert normalise_text(raw) == "Bí thư Tỉnh ủy"


def test_normalise_offsets_map_back_to_raw():
    raw = "Ðồng chí\u200b Nguyễn  Văn A, Bí thư Tỉnh uỷ"
    n = normalise(raw)
    start = n.text.index("Nguyễn")
    a, b = n.raw_span(start, n.text.index(","))
    assert raw[a:b] == "Nguyễn  Văn A"
    s = n.text.index("Tỉnh ủy")
    assert raw.__getitem__(slice(*n.raw_span(s, s + 7))) == "Tỉnh uỷ"


vietnamese = st.text(alphabet=st.sampled_from(list(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠUƯY àáảãạòóỏõọùúủũụỳýỷỹỵèéẻẽẹìíỉĩị,.-\n\u00a0\u200b\u0300\u0301\u0309\u00d0")),
    max_size=80)


@given(st.one_of(vietnamese, st.text(max_size=80)))
@settings(max_examples=300)
def test_normalise_idempotent(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once


@given(vietnamese)
@settings(max_examples=300)
def test_normalise_length_preserving_on_clean_nfc(raw):
    nfc = unicodedata.normalize("NFC", raw.replace("\u200b", "").replace("\u00d0", "Đ").replace("\u00a0", " "))
    assert len(normalise_text(nfc)) == len(nfc)


@given(st.one_of(vietnamese, st.text(max_size=80)))
@settings(max_examples=300)
def test_normalise_never_loses_a_letter(raw):
    """Every base letter of the input survives (only marks move, odd spaces become spaces)."""
    def letters(s):
        base = unicodedata.normalize("NFD", s.replace("\u00d0", "Đ").replace("\u00f0", "đ"))
        return [c.lower() for c in base if c.isalpha() and not unicodedata.combining(c)]
    assert letters(normalise_text(raw)) == letters(raw)


@given(st.text(max_size=80))
@settings(max_examples=300)
def test_normalise_offsets_are_monotone_and_in_range(raw):
    n = normalise(raw)
    assert len(n.offsets) == len(n.text) + 1
    assert list(n.offsets) == sorted(n.offsets)
    assert all(0 <= o <= len(raw) for o in n.offsets)
    assert n.offsets[-1] == len(raw)


def test_an_abbreviation_ending_with_its_dot_may_touch_the_next_word():
    from partygraph.lexicon import lexicon
    from partygraph.tokens import tokenize

    toks = tokenize(normalise_text("Đến TP.Phan Thiết, UBND TP.Hà Nội143 và ông Nguyễn Văn A."), 0, lexicon().abbreviations)
    keys = [t.key for t in toks]
    assert keys[1:5] == ["thành", "phố", "phan", "thiết"]  # no sentence break inside "TP.Phan"
    assert keys[keys.index("nội") + 1] == "143"  # a footnote number glued to a name is a token of its own


def test_two_words_run_together_in_the_source_are_split_and_a_brand_is_kept():
    from partygraph.tokens import tokenize

    toks = tokenize("Bí thư xã Hòa BìnhXuất hiện cùng PetroVietnam, iPhone và VinaCapital.")
    assert [t.text for t in toks][3:6] == ["Hòa", "Bình", "Xuất"]
    assert {"PetroVietnam", "iPhone", "VinaCapital"} <= {t.text for t in toks}
    assert (toks[4].start, toks[4].end, toks[5].start) == (14, 18, 18)  # each part cites its own characters


@given(vietnamese)
@settings(max_examples=200, deadline=None)
def test_tokens_cover_the_words_of_the_text_as_written(raw):
    from partygraph.tokens import tokenize

    text = normalise_text(raw)
    toks = tokenize(text)
    # every token is the text at its span, and the word tokens spell the text's letters in order
    assert all(text[t.start:t.end] == t.text for t in toks)
    assert "".join(t.text for t in toks) == "".join(text.split())
