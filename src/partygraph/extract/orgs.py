"""Organisation mentions: read a unit or committee name from tokens, canonically.

`OrgReader.read(tokens, i)` reads the organisation named at tokens[i]
("Ban Thường vụ Tỉnh ủy", "Đảng bộ Khối các cơ quan tỉnh", "UBND tỉnh X")
and returns an `Org` with its full canonical label (abbreviations expanded,
a bare "tỉnh" resolved to the province in context), its kind and level,
and the organisation it belongs to. Names that stop short ("Đảng ủy Khối",
"Chi bộ") come back `bare` and are resolved against the article's full
mentions by `OrgRegistry.resolve`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field, replace

from partygraph.tokens import Token
from partygraph.lexicon import Head, Lexicon, keys as phrase_keys
from partygraph.normalise import initials_of
from partygraph.extract.people import vietnamese_syllable
from partygraph.vocab import Level, OrgKind

PARTY = "Đảng Cộng sản Việt Nam"
CENTRAL_EXEC = "Ban Chấp hành Trung ương Đảng"


@dataclass(frozen=True, slots=True)
class Org:
    """An organisation as named: canonical label, kind, level and parent.

    `parent` is the organisation it belongs to: for committees the unit
    (org:unitOf), for party units the unit above (org:subOrganizationOf).
    `scoped` marks names relative to the article (a "tỉnh" with no province).
    """

    label: str
    kind: OrgKind
    level: Level | None = None
    province: str | None = None
    parent: "Org | None" = None
    scoped: bool = False
    bare: bool = False
    head: str = ""
    short: str | None = None  # "Tỉnh ủy X" for the executive committee of "Đảng bộ tỉnh X"
    alt: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self):
        object.__setattr__(self, "kind", OrgKind(self.kind))  # an unknown kind or level raises here
        if self.level is not None:
            object.__setattr__(self, "level", Level(self.level))

    @property
    def key(self) -> str:
        """What makes two mentions the same node: the label, a district's province, the article scope."""
        k = self.label.lower()
        if self.level in ("district", "grassroots", "branch") and self.province:
            k += "--" + self.province.lower()
        return k + ("@article" if self.scoped else "")


def _join(words: list[str]) -> str:
    text = " ".join(words)
    return text.replace("( ", "(").replace(" )", ")")


def _caps_run(toks, k: int) -> int:
    """How many capitalised words there are in a row at k."""
    caps = 0
    while k + caps < len(toks) and toks[k + caps].cap and toks[k + caps].is_word:
        caps += 1
    return caps


def _brand(word: str) -> bool:
    """A capitalised word no Vietnamese syllable is, not written in capitals: a brand ("Viettel", "Vinaconex")."""
    return word[:1].isupper() and not word.isupper() and not vietnamese_syllable(word)


def party_org() -> Org:
    return Org(PARTY, "party", "central", head=PARTY)


def central_exec() -> Org:
    return Org(CENTRAL_EXEC, "executive", "central", parent=party_org(), head=CENTRAL_EXEC, short="Trung ương")


class OrgReader:
    """Reads organisation names from token sequences of one article."""

    def __init__(self, lex: Lexicon, province_at, casing: dict[str, str]):
        self.lex = lex
        self._province_at = province_at  # callable(char offset) -> province name | None
        self._province_override: str | None = None
        self.casing = casing
        self._inner_scoped = False
        self._inner_province: str | None = None
        self._keys_for, self._keys = None, []
        self._pos = 0  # where the organisation being read is named, for context
        self.place_override: dict[str, str] = {}
        self.local_at = lambda word, pos, prefix=None: None  # the district or commune in focus (Doc.local_at)
        self.districts: dict[str, str] = {}  # "xã Thạnh An" -> "huyện Cần Giờ", as the text writes them
        self.no_districts = False  # the article is dated after district-level units were abolished
        self.one_province: str | None = None  # the only province the article is about and names, if so
        self.named_provinces: set[str] = set()  # every province the article names
        self.provinces_then: set[str] = set()  # centrally run cities that were provinces at the article's date

    @contextlib.contextmanager
    def places(self, province: str | None = None, local: dict[str, str] | None = None):
        """Read with the places a title chain names elsewhere: a province for every bare "tỉnh",
        and lower-level places by their word ("huyện" → "Châu Thành")."""
        saved = self._province_override, self.place_override
        self._province_override, self.place_override = province, dict(local or {})
        try:
            yield self
        finally:
            self._province_override, self.place_override = saved

    def province_at(self, pos: int) -> str | None:
        return self._province_override or self._province_at(pos)

    def keys_of(self, toks) -> list[str]:
        """The keys of a token sequence, computed once per sequence."""
        if self._keys_for is not toks:
            self._keys_for, self._keys = toks, [t.key for t in toks]
        return self._keys

    # -- words -------------------------------------------------------------
    def word(self, tok: Token) -> str:
        """A token's text in its usual casing (all-caps headlines are read through the article's casing)."""
        if tok.upper and not tok.abbr:
            return self.casing.get(tok.key, tok.text)
        return tok.text

    def is_person_start(self, toks, i: int) -> bool:
        tok = toks[i]
        if not (tok.is_word and tok.cap and tok.key in self.lex.surnames):
            return False
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        return bool(nxt and nxt.is_word and nxt.cap and not nxt.abbr and (tok.upper or not nxt.upper)
                    and self.lex.heads.match([t.key for t in toks], i + 1) is None)  # "Sơn AGRIMEX" is no name

    def starts_role(self, keys, i: int) -> bool:
        return self.lex.role_trie.match(keys, i) is not None

    # -- places ------------------------------------------------------------
    def read_place(self, toks, keys, i: int, allcaps: bool):
        """Read '[place word] [Name]' at i. Returns (end, text, province, level) or None."""
        lex = self.lex
        pw = lex.place_words.match(keys, i)
        word, level, j = None, None, i
        if pw:
            j, word = pw
            level = lex.place_levels.get(word)
        prov = lex.province_trie.match(keys, j)
        if prov and (word in (None, "tỉnh", "thành phố")):
            end, province = prov
            if word is None and not toks[j].cap:
                return None
            name = province.name
            return end, (f"{word} {name}" if word else name), name, level or "provincial"
        if word is None:
            return None
        # a lower-level place, or a province we do not know: a capitalised run
        if j < len(toks) and toks[j].kind == "num" and word in lex.raw["numbered_places"] and len(toks[j].text) <= 2:
            # "quận 5", "phường 12"
            return j + 1, f"{word} {toks[j].text}", None, level
        k, run = self._place_run(toks, keys, j, word, allcaps)
        if run and not allcaps:
            name = " ".join(self.canon_words(run, proper=True))
            k, name = self._place_named_before(toks, k, word, name, toks[i].start)
            return k, f"{word} {name}", None, self._city_level(word, name, level)
        province = self._province_for(word, toks[i].start)
        if province:
            return j, f"{word} {province}", province, "provincial"
        if word in self.place_override:  # the same place named elsewhere in the title chain
            return j, f"{word} {self.place_override[word]}", None, level
        focus = self.local_at(word, toks[i].start) if level in self.lex.raw["focus_levels"] else None
        if focus and not (i and keys[i - 1] in lex.links["class"]):
            return j, f"{word} {focus}", None, level  # "UBND xã" after "xã Thạnh An": that commune
        return j, word, None, level  # bare: relative to the article

    def _place_province(self, label: str, level: str) -> str | None:
        """The province of a district or commune named without it (`label` ends with "huyện Cái Nước"), when
        exactly one province has a place of that name: a district's in an article about another province
        (district names change little); a commune's in an article that names no province, or whose
        province has no commune of that name while exactly one of the other provinces it names has one
        (commune names repeat, and many changed in 2019-2020: the tables alone do not move it); else None."""
        focus = self.province_at(self._pos)
        table = self.lex.districts if level == "district" else self.lex.communes
        for word in self.lex.district_words if level == "district" else self.lex.commune_words:
            at = label.rfind(f" {word} ") + 1 if not label.startswith(f"{word} ") else 0
            if at or label.startswith(f"{word} "):
                name = label[at + len(word) + 1:].lower()
                provinces = table.get((word, name)) or table.get(("", name)) or set()
                district = self.districts.get(label[at:]) if level != "district" else None
                if district and (found := self.district_provinces(district)):
                    provinces = found  # "xã Phù Mỹ (Thạch Hà)": the district the text puts it in says where it is
                elif level != "district" and focus is not None and focus not in provinces:
                    provinces = table.get(("", name), provinces) & self.named_provinces  # a xã now a thị trấn
                if focus in provinces:
                    return None
                return next(iter(provinces)) if len(provinces) == 1 else None
        return None

    def district_provinces(self, district: str) -> frozenset[str]:
        """The provinces with a district of that name ("huyện Thạch Hà"), from the tables."""
        word = next((w for w in self.lex.district_words if district.startswith(w + " ")), None)
        return self.lex.districts.get((word, district[len(word) + 1:].lower()), frozenset()) if word else frozenset()

    def _place_run(self, toks, keys, j: int, word: str, allcaps: bool):
        """The capitalised words of a place's name at j (a person's name after it is not part of it)."""
        known = self._known_place(toks, keys, j, word)
        if known:  # "thành phố Phan Thiết Nguyễn Văn A": a place the tables know, though it opens like a name
            return known, [self.word(t) for t in toks[j:known]]
        if word == "thành phố" and j and toks[j - 1].abbr:
            # "Thành ủy TP. Song, …": after "TP" only a city the tables know ("TP Vinh"), else a new sentence
            one = j < len(toks) and toks[j].cap and toks[j].is_word and (word, keys[j]) in self.lex.districts
            return (j + 1, [self.word(toks[j])]) if one else (j, [])
        run, k = [], j
        while k < len(toks) and toks[k].is_word and toks[k].cap and len(run) < 4 and not toks[k].abbr \
                and not self.starts_role(keys, k) and self.lex.honorifics.match(keys, k) is None \
                and self.lex.bylines.match(keys, k) is None:  # "TP. Trung tá …", "UBND TP. Ảnh: …"
            if run and self.is_person_start(toks, k):
                break
            if not allcaps and not run and self.is_person_start(toks, k) and (
                    word in ("tỉnh", "thành phố") or _caps_run(toks, k) == 3
                    or word in self.lex.org_name["person_after"] and _caps_run(toks, k) == 2
                    and not self.lex.province_trie.match(keys, k)):
                # "Chủ tịch xã Lê Văn Tám,": a person, three capitalised words; "Chủ tịch UBND huyện Đỗ Tố": two
                # after a district's word, which the tables would know (a place the tables know was read above;
                # "xóm Kim Cương Lâm Văn A" is a place and a name)
                break
            run.append(self.word(toks[k]))
            k += 1
        return k, run

    def _known_place(self, toks, keys, j: int, word: str) -> int | None:
        """The end of the longest run of 2-4 capitalised words at j that names a district or commune of kind
        `word` in the reference tables, else None."""
        lex = self.lex
        table = lex.districts if word in lex.district_words else lex.communes if word in lex.commune_words else None
        if table is None:
            return None
        for n in (4, 3, 2):  # of any kind: "thị xã Tây Ninh", a city since 2013
            if j + n <= len(toks) and all(t.cap and t.is_word for t in toks[j:j + n]) \
                    and ("", " ".join(keys[j:j + n])) in table:  # ("", name): a place of that name, of any word
                return j + n
        return None

    def _place_named_before(self, toks, k: int, word: str, name: str, pos: int) -> tuple[int, str]:
        """'huyện Hương khê' after 'huyện Hương Khê': the place the article named, written in other case."""
        full = self.local_at(word, pos, prefix=name)
        if not full or full == name:
            return k, name
        rest = full[len(name):].split()
        if [t.key for t in toks[k:k + len(rest)]] == [w.lower() for w in rest]:
            return k + len(rest), full
        return k, name

    def place_word(self, province: str) -> str:
        """'thành phố' for a centrally-run city, 'tỉnh' for a province."""
        prov = self.lex.provinces.get(province)
        return "thành phố" if prov is not None and prov.kind == "thanh_pho" and province not in self.provinces_then \
            else "tỉnh"

    def _city_level(self, word: str, name: str, level: str | None) -> str | None:
        """'thành phố Biên Hòa': a province's city is of its province's districts, not a province."""
        return "district" if level == "provincial" and (word, name.lower()) in self.lex.districts else level

    def _province_for(self, word: str, pos: int) -> str | None:
        """The province a bare 'tỉnh' (or a bare 'thành phố' of a centrally-run city) means at `pos`."""
        if word not in ("tỉnh", "thành phố"):
            return None
        province = self.province_at(pos)
        prov = self.lex.provinces.get(province) if province else None
        if prov is None:
            return province if word == "tỉnh" else None
        return province if word == self.place_word(province) else None

    # -- names -------------------------------------------------------------
    def read_name(self, toks, keys, i: int, allcaps: bool, stop_at: int | None = None, head_kind: str = "party",
                  free: bool = False, national: bool = False, head_at: int | None = None):
        """Read the proper name after a head (`national`: one the country has one of each name, a ministry;
        `head_at`: where the head of a body that may be named after a person starts). Returns (end, words,
        place-or-None)."""
        self._inner_scoped = False
        self._inner_province = None
        self._inner: Org | None = None
        proper = head_kind in ("enterprise", "other", "media") or free
        # a newspaper's name keeps its capitals but takes no lower-case word beyond its own ("Báo Dân trí đưa tin")
        st = _Name(i, len(toks) if stop_at is None else stop_at, allcaps, head_kind,
                   proper and head_kind != "media", proper, national, head_at)
        while st.j < st.n:
            out = self._name_boundary(toks, keys, st)
            if out is None:
                out = self._name_part(toks, keys, st)
            if out is _STOP:
                break
            if out is not _GO:
                return out
        words, j = st.words, st.j
        while words and words[-1].lower() in self.lex.org_name["trailing"] \
                and " ".join(words[-2:]).lower() not in self.lex.org_name["trailing_words_of"]:
            words.pop()
            j -= 1
        # an enterprise's or a newspaper's name is a proper name: its capitals stay
        return j, self.canon_words(words, proper=st.proper), None

    def _name_boundary(self, toks, keys, st: "_Name"):
        """Where a name ends at st.j: a stop word, another body, or a place (which ends it too)."""
        lex, j, tok = self.lex, st.j, toks[st.j]
        place = None
        if (not tok.cap or st.allcaps) and lex.name_stops.match(keys, j) and not lex.org_phrases.match(keys, j):
            place = self._province_named(toks, keys, j, st.allcaps)
            if place is None:
                return _STOP  # but "Đảng bộ Quân sự thành phố Hải Phòng": "thành" opens a place here
        nested = lex.heads.match(keys, j) if tok.cap else None
        if nested and st.proper and " ".join(keys[j:nested[0]]) in lex.org_name["adjectives"]:
            st.words.extend(self.word(t) for t in toks[j:nested[0]])  # "Bệnh viện Nhi Trung ương"
            st.j = nested[0]
            return _GO
        if nested and st.national and st.words and nested[1].read == "none":
            return _STOP  # "Bộ Ngoại giao Chính phủ Việt Nam Dân chủ Cộng hòa": the ministry's name ends before it
        if nested and st.words and nested[1].kind in ("party", "executive") and nested[1].read != "none":
            return _STOP  # "… Kim Đồng, Đảng ủy xã …": another party body begins
        if nested and nested[1].kind != "party":
            # "Chi bộ cơ sở Ban Tuyên giáo Tỉnh ủy", "Đảng bộ Sở Tài nguyên và Môi trường"
            r = self.read(toks, j, st.allcaps, depth=1)
            if r and r[0] > j:
                inner = r[1]
                self._inner_scoped = inner.scoped
                self._inner_province = inner.province
                self._inner = inner
                words = self.canon_words(st.words)
                if words and words[-1] == "-":
                    words.pop()  # "Cục X - Bộ Y" is "Cục X Bộ Y"
                return r[0], words + [inner.short or inner.label], None
        if lex.place_words.match(keys, j) and not (st.words and toks[j - 1].key in lex.org_name["place_word_inside"]) \
                and not (st.words and lex.org_phrases.match(keys, j)):  # "Lao động - Thương binh và Xã hội"
            place = place or self.read_place(toks, keys, j, st.allcaps)
            if place and place[0] > j:
                return place[0], self.canon_words(st.words), place
            return _STOP
        return None

    def _province_named(self, toks, keys, j: int, allcaps: bool):
        """The place read at j when a place word there names a known province ("thành phố Hải Phòng"), else None."""
        if not self.lex.place_words.match(keys, j):
            return None
        place = self.read_place(toks, keys, j, allcaps)
        return place if place and place[0] > j and place[2] else None

    def _name_part(self, toks, keys, st: "_Name"):
        """The word or phrase at st.j as part of the name (_GO), the end of the name (_STOP), or a place."""
        lex, j, tok = self.lex, st.j, toks[st.j]
        if tok.kind == "punct":
            return self._punct_part(toks, keys, st)
        if tok.kind == "num":
            return self._number_part(toks, keys, st)
        if tok.key in lex.org_name["and"] and self._and_ends_name(toks, keys, st):
            return _STOP
        phrase = lex.org_phrases.match(keys, j) if not tok.abbr else None
        if phrase and self._verb_after_name(toks, keys, st, phrase[0]):
            return _STOP
        if phrase and not tok.cap and st.free_words and st.words[-2:] == ["Việt", "Nam"]:
            return _STOP  # "Hiệp hội Du lịch Việt Nam tổ chức lễ …": the country ends a name
        if phrase and not self.is_person_start(toks, j):
            # "Cục Thống kê", "các Cơ quan", "Tài nguyên và Môi trường": known multi-word parts of names
            st.words.extend(self.word(t) for t in toks[j:phrase[0]])
            st.first_key = st.first_key or tok.key
            st.j = phrase[0]
            return _GO
        if tok.cap and not tok.abbr and st.words and (prov := lex.province_trie.match(keys, j)) \
                and not (st.proper and prov[0] < st.n and toks[prov[0]].cap and toks[prov[0]].is_word
                         and not self.is_person_start(toks, prov[0])):
            # "Sở TDTT Nghệ An": a province named without its place word
            name = prov[1].name
            # a company's name keeps its words ("Bia Sài Gòn" is no "Bia Hồ Chí Minh"), though not an abbreviation
            # ("TPHCM"); a body's is its province's
            written = toks[j:prov[0]]
            if not st.proper:
                text = f"{self.place_word(name)} {name}"
            elif any(t.upper for t in written):  # "Đại học Quốc gia TPHCM"
                text = f"{self.place_word(name)} {name}" if self.place_word(name) == "thành phố" else name
            else:
                text = " ".join(self.word(t) for t in written)
            return prov[0], self.canon_words(st.words), (prov[0], text, name, "provincial")
        if st.national and st.words and (end := lex.foreign_end(keys, j)):
            st.words.extend(self.word(t) for t in toks[j:end])  # "Bộ Quốc phòng Hoa Kỳ"
            st.j = end
            return _GO
        if not self._name_word(toks, keys, st):
            return _STOP
        return st.take(self.word(tok), tok.key)

    def _punct_part(self, toks, keys, st: "_Name"):
        """A punctuation mark inside a name (_GO: "-", "&", a comma of an official name, initials in brackets) or
        its end (_STOP)."""
        lex, j, tok = self.lex, st.j, toks[st.j]
        if self._initials_in_brackets(toks, st):  # "Tổng Công ty (TCT) Cơ khí …": the name goes on
            st.j += 3
            return _GO
        if tok.text == "-" and st.words and j + 1 < st.n and toks[j - 1].cap and toks[j + 1].is_word \
                and not toks[j + 1].cap and toks[j - 1].end == tok.start and tok.end == toks[j + 1].start:
            st.words[-1] += "-" + toks[j + 1].text  # "Việt Nam - Cu-ba": a foreign name written in syllables
            st.j += 2
            return _GO
        if tok.text in lex.org_name["joiners"] and st.words and j + 1 < st.n and not self.starts_role(keys, j + 1) \
                and not lex.appositives.match(keys, j + 1) \
                and not (not toks[j + 1].cap and keys[j + 1] in lex.org_name["appositive_nouns"]) \
                and (toks[j + 1].cap or keys[j + 1] in lex.org_words or lex.org_phrases.match(keys, j + 1)):
            return st.take("&" if tok.text == "&" else "-", tok.key)
        if tok.text == "," and st.words and self._comma_name(keys, st):
            return st.take("-", ",")  # one spelling: "Bộ Văn hóa - Thể thao và Du lịch"
        return _STOP

    def _number_part(self, toks, keys, st: "_Name"):
        """A number as part of a name ("Quân khu 4", "Trường số 2") or its end (_STOP)."""
        lex, j, tok = self.lex, st.j, toks[st.j]
        if st.head_kind == "media" and keys[j - 1] in lex.org_name["issue_words"]:
            return _STOP  # "Tạp chí Cộng sản số 12": the paper's issue, not its name
        if keys[j - 1] in lex.org_name["number_after"] and not (j + 1 < st.n and toks[j + 1].text == "/"):
            digits = lex.org_name["number_digits"].get(" ".join(keys[j - 2:j]))
            if digits and tok.text.isdigit() and len(tok.text) > digits:
                # "Chính ủy Quân khu 4100. Hoàng Văn B": the next list item's number run into the name
                return st.take(tok.text[:digits], tok.key[:digits])
            return st.take(tok.text, tok.key)  # "Quân khu 4", "Quân đoàn 3"; not "số 05/KL-UBND", a document
        return _STOP

    @staticmethod
    def _initials_in_brackets(toks, st: "_Name") -> bool:
        """'(TCT)' at st.j: the initials of the words right before it, with more of the name after it."""
        j = st.j
        if not (toks[j].text == "(" and j + 3 < st.n and toks[j + 2].text == ")" and (toks[j + 3].cap or toks[j + 3].abbr)):
            return False
        abbr = toks[j + 1].text
        return abbr.isupper() and len(abbr) >= 2 and j >= len(abbr) and initials_of(
            abbr, [t.text for t in toks[j - len(abbr):j]])

    def _comma_name(self, keys, st: "_Name") -> bool:
        """'Bộ Văn hóa, Thể thao và Du lịch' (or "& Du lịch"): a comma inside an official name (lexicon
        `comma_names`)."""
        return any(tuple(w.lower() for w in st.words[-len(before):]) == before
                   and tuple("và" if k == "&" else k for k in keys[st.j + 1:st.j + 1 + len(after)]) == after
                   for before, after in self.lex.comma_names)

    def _verb_after_name(self, toks, keys, st: "_Name", end: int) -> bool:
        """'Bộ Công an tổ chức hội nghị': a lower-case phrase that is also a verb, with no name word after it."""
        j, lex = st.j, self.lex
        phrase = " ".join(keys[j:end])
        if st.national and phrase in lex.org_name["verb_like_after_ministry"] and (
                end >= st.n or not toks[end].is_word or not (toks[end].cap or self._name_goes_on(keys, end))):
            return True  # "yêu cầu Bộ Quốc phòng điều tra, làm rõ", "Bộ Công an điều tra vụ …": it ends before a verb
        if not st.words or st.free_words or toks[j].cap or phrase not in lex.org_name["verb_like"]:
            return False
        return end < st.n and toks[end].is_word and not (self._name_goes_on(keys, end) or self.is_person_start(toks, end))
        # "Bộ trưởng Bộ Văn hóa thông tin Trần Văn A": the name ends here

    def _name_goes_on(self, keys, j: int) -> bool:
        """A word of names or a place's word at j."""
        lex = self.lex
        return keys[j] in lex.org_words or bool(lex.org_phrases.match(keys, j) or lex.place_words.match(keys, j))

    def _and_ends_name(self, toks, keys, st: "_Name") -> bool:
        """'và' inside a name ("Tài nguyên và Môi trường") or after it ("Đảng bộ và nhân dân tỉnh")."""
        if not st.words:  # "Đảng bộ và nhân dân tỉnh", "Hội đồng quản trị và Ban giám hiệu trường X": two, not a name
            return st.head_kind in ("party", "enterprise")
        nxt, lex = st.j + 1, self.lex
        if nxt < st.n and (keys[nxt] == "các" or not toks[nxt].cap and lex.others_after_and.match(keys, nxt)
                           or lex.bodies_after_and.match(keys, nxt)
                           or st.head_kind == "media" and toks[nxt].upper and not toks[nxt].abbr and not st.allcaps):
            # "Bộ Bưu chính viễn thông và các cơ quan liên quan", "Bộ Tư pháp và cơ quan có liên quan", "Bộ Y tế và
            # Bảo hiểm xã hội Việt Nam", "Báo Nhi đồng và PLAN": a list goes on, not the name
            return True
        in_vocabulary = nxt < st.n and (keys[nxt] in lex.org_words or lex.org_phrases.match(keys, nxt))
        if st.national and not in_vocabulary:
            return True  # "Bộ Y tế và Phân hiệu Trường …": a second body, not more of the ministry's name
        return nxt >= st.n or not (toks[nxt].cap or in_vocabulary) or keys[nxt] == st.first_key \
            or self._head_at(keys, nxt) or self.is_person_start(toks, nxt)

    def _name_word(self, toks, keys, st: "_Name") -> bool:
        """Whether the word at st.j can go on the name."""
        j, tok, words = st.j, toks[st.j], st.words
        if tok.cap and words and not st.allcaps and self.lex.clause_openers.match(keys, j):
            return False  # "Bộ Công thương Trong hai năm …", "Công ty X Đối với …"
        if not tok.cap and st.free_words and words[-2:] == ["Việt", "Nam"]:
            return False  # "Hội Chữ thập đỏ Việt Nam ghi nhận …": the country ends a name
        if tok.cap and not tok.abbr:
            # "Trường Tiểu học Kim Đồng" is named after a person; "Bí thư Chi bộ Nguyễn Văn A" is a name
            if self.is_person_start(toks, j) and not st.allcaps and not self._person_after(toks, j) and not (
                    st.proper and (not words or words[-1].lower() in self.lex.legal_forms
                                   or st.head_at is not None and self._held_before(toks, keys, st.head_at))):
                # but "Công ty TNHH Hoàng Hiếu" is a company named after a person, and so is "Trường Đại học Y
                # Lê Hữu Trác" in "ông A, hiệu trưởng Trường Đại học Y Lê Hữu Trác": its holder is named already
                return False
            if words and self.starts_role(keys, j):
                return False
            if st.national and words and not (tok.upper and not st.allcaps or tok.key in self.lex.org_vocabulary):
                return False  # "… - Bộ TT&TT Thời nay, …": a ministry's name is made of the words of such names
            if st.allcaps and tok.key not in self.lex.org_words and not tok.roman and tok.key not in self.casing:
                return False
            return not (tok.roman and keys[j - 1] not in self.lex.org_name["roman_after"])
        if tok.abbr:
            return not self.starts_role(keys, j)
        # enterprise names take any lower-case words: "Công ty Đầu tư đường cao tốc", but not after a brand ("Tập
        # đoàn Viettel sản xuất")
        return tok.key in self.lex.org_words or (st.free_words and bool(words) and len(words) < 10
                                                 and not _brand(words[-1])) \
            or self._second_syllable(toks, keys, st)

    def _person_after(self, toks, j: int) -> bool:
        """'Tổng Biên tập Báo Nhi Đồng Vũ Quang Vinh': four capitalised words opening with a word that is a rare
        surname ("Đồng", not "Nguyễn" of "Nguyễn Vũ Trường Sơn"), the last three a person's name of their own:
        the first is the name's."""
        return _caps_run(toks, j) == 4 and toks[j].key in self.lex.weak_surnames and self.is_person_start(toks, j + 1)

    def _second_syllable(self, toks, keys, st: "_Name") -> bool:
        """'Cục Quản lý …', 'Cục Di sản …': the lower-case second syllable of a name's first word, written
        in sentence case; not after a word that is a name by itself ("Cục Thuế thông báo"), never a verb."""
        j, lex = st.j, self.lex
        prev = toks[j - 1]
        if len(st.words) != 1 or not prev.cap or prev.abbr or prev.upper or prev.key in lex.org_words \
                or _brand(prev.text):  # "Tập đoàn Viettel sản xuất": a brand is a whole name
            return False
        return toks[j].is_word and not (lex.name_stops.match(keys, j) or lex.office_verbs.match(keys, j)
                                        or lex.auxiliaries.match(keys, j) or lex.place_words.match(keys, j)
                                        or keys[j] in lex.org_name["and"] or keys[j] in lex.org_name["trailing"])

    def canon_words(self, words: list[str], proper: bool = False) -> list[str]:
        """One spelling of a name whatever the article's capitals ("Bộ Công An" = "Bộ Công an").

        The first word and a word after "và" or "-" are capitalised, words of the
        organisation vocabulary are lower case, acronyms stay, other words (proper
        names) are capitalised; a few phrases keep their usual form ("Trung ương").
        """
        lex = self.lex
        out: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            fixed = lex.proper_phrases.match([x.lower() for x in words], i)
            if fixed:
                out.extend(fixed[1].split())
                i = fixed[0]
                continue
            low = w.lower()
            if w == "&":
                out.append("và")  # "Bộ Kế hoạch & Đầu tư" is "Bộ Kế hoạch và Đầu tư"
            elif w == "-" or (len(w) > 1 and w.isupper()):
                out.append(w)  # an acronym ("TNHH", "VNPT") stays as written
            elif low in ("và", "các"):
                out.append(low)  # "Đảng bộ các cơ quan Đảng tỉnh": function words stay lower case
            elif not out or out[-1] in ("và", "-"):
                out.append(w[:1].upper() + w[1:].lower())
            elif low in lex.org_vocabulary and not proper:
                out.append(low)
            elif w[:1].islower():
                out.append(w)  # written in lower case and not a name word: kept as written
            else:
                out.append(w[:1].upper() + w[1:].lower() if not w.isupper() else w)
            i += 1
        return out

    def _place_name_at(self, toks, keys, i: int) -> bool:
        """Whether the capitalised words at i are exactly a district's name in the tables ("Hội An", "Trường
        Sa"), with no capitalised word after them. (Commune names are too many: "Trường Trung cấp …".)"""
        end = i
        while end < len(toks) and end - i < 5 and toks[end].cap and toks[end].is_word and not toks[end].abbr:
            end += 1
        name = ("", " ".join(keys[i:end]))
        return end - i >= 2 and name in self.lex.districts

    def _head_at(self, keys, i):
        m = self.lex.heads.match(keys, i)
        return m is not None

    # -- organisations -----------------------------------------------------
    def read(self, toks, i: int, allcaps: bool = False, depth: int = 0, after_title: bool = False):
        """The organisation named at toks[i], as (end, Org), or None.

        After a title ("phó bí thư thường trực tỉnh ủy") a lower-case head is read
        too; elsewhere "ban thường vụ" in running text is a common noun.
        """
        keys = self.keys_of(toks)
        m = self.lex.heads.match(keys, i)
        if m is None or depth > 3:
            return None
        if depth == 0:
            self._pos = toks[i].start
        j, head = m
        if head.kind == "skip":
            return None
        if (role := self.lex.role_trie.match(keys, i)) and role[0] >= j:
            return None  # "Bộ Trưởng Bộ X", "Cục Trưởng": a title written in capitals, not a body
        if not toks[i].cap and head.kind not in ("party",) and not toks[i].abbr \
                and not (after_title and head.kind in ("executive", "committee", "state")):
            return None  # "ban thường vụ" in running lower-case text is a common noun
        if head.read == "none":
            if head.fixed == CENTRAL_EXEC and j < len(toks) and toks[j].cap and toks[j].is_word \
                    and keys[j] in self.lex.not_party_after_central:
                return None  # "Bí thư T.Ư Đoàn": the Youth Union's central committee
            if head.level == "central" and self._foreign_after(toks, keys, j):
                return None  # "Ủy viên Bộ Chính trị Đảng Cộng sản Cuba"
            return j, self.fixed(head)
        if head.read == "place":
            return self._read_place_head(toks, keys, i, j, head, allcaps)
        if depth == 0 and toks[i].cap and self._place_name_at(toks, keys, i):
            return None  # "phố cổ Hội An": a town's name that opens with a head's word, no body
        if " ".join(phrase_keys(head.label)) in self.lex.org_name["case_words"] \
                and (nxt := self.lex.heads.match(keys, j)) and nxt[1].kind == "enterprise":
            return None  # "Vụ Xí nghiệp xây dựng số 2": the affair of a company, no department ("Vụ Báo chí" is one)
        if head.read == "parent":
            return self._read_parent_head(toks, i, j, head, allcaps, depth, after_title)
        return self._read_named_head(toks, keys, i, j, head, allcaps)

    def read_as(self, toks, i: int, head_form: str, allcaps: bool = False):
        """The body `head_form` would name if it were written at i: a title that leaves its body's head out
        ("Phó Chủ tịch tỉnh X" = of "Ủy ban nhân dân tỉnh X", "Bộ trưởng Kế hoạch và Đầu tư" = of "Bộ …")."""
        m = self.lex.heads.match(list(phrase_keys(head_form)), 0)
        if m is None or i >= len(toks):
            return None
        head, keys = m[1], self.keys_of(toks)
        self._pos = toks[i].start
        if head.read == "place":
            return self._read_place_head(toks, keys, i, i, head, allcaps)
        if head.read == "name":
            return self._read_named_head(toks, keys, i, i, head, allcaps)
        return None

    def _foreign_after(self, toks, keys, j: int) -> bool:
        """A party or state named after a central body that is not Vietnam's."""
        if keys[j:j + 3] == ["đảng", "cộng", "sản"]:
            return keys[j + 3:j + 5] != ["việt", "nam"]
        if keys[j:j + 2] == ["cộng", "sản"]:  # the head ends with "Đảng": "… Trung ương Đảng Cộng sản Trung Quốc"
            return keys[j + 2:j + 4] != ["việt", "nam"]
        return keys[j:j + 2] in (["đảng", "nhân"], ["nước", "cộng"]) or self.lex.foreign_at(keys, j)

    def fixed(self, head: Head) -> Org:
        if head.fixed == PARTY:
            return party_org()
        if head.fixed == CENTRAL_EXEC:
            return central_exec()
        if head.of in (CENTRAL_EXEC, PARTY):
            parent = central_exec() if head.of == CENTRAL_EXEC else party_org()
        else:  # "Văn phòng Chính phủ" of "Chính phủ"
            parent = self.fixed(self.lex.fixed_heads[head.of]) if head.of in self.lex.fixed_heads else None
        return Org(head.fixed, head.kind, head.level, parent=parent, head=head.label)

    def _read_place_head(self, toks, keys, i, j, head, allcaps):
        place = self.read_place(toks, keys, j, allcaps)
        if head.kind == "executive":
            # "Tỉnh ủy [X]": the executive committee of "Đảng bộ tỉnh X"
            unit_word = head.unit.split(" ", 2)[-1]  # "tỉnh", "thành phố", "huyện" ...
            level = head.level
            if place and place[2]:
                end, _, province, _ = place
                name = province
            elif place and place[1].startswith(unit_word + " "):
                end, text, province, _ = place
                name = text.split(" ", len(unit_word.split()))[-1]
                level = self._city_level(unit_word, name, head.level)
            else:
                # bare "Tỉnh ủy": the province in context
                end = place[0] if place and place[1] == unit_word else j
                province = self._province_for(unit_word, toks[i].start)
                if unit_word in self.place_override:  # "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Y"
                    unit = self.unit(f"{head.unit} {self.place_override[unit_word]}", head.level, None)
                    return end, self.executive_of(unit, head)
                if place is None:
                    nxt = self._capitalised_place(toks, keys, j, allcaps, unit_word)
                    if nxt:
                        end, name = nxt
                        level = self._city_level(unit_word, name, head.level)
                        return end, self.executive_of(self.unit(f"{head.unit} {name}", level, None), head)
                focus = self.local_at(unit_word, toks[i].start) if head.level in self.lex.raw["focus_levels"] else None
                if focus:  # "Bí thư Huyện ủy" after "huyện A Lưới": that district's
                    return end, self.executive_of(self.unit(f"{head.unit} {focus}", head.level, None), head)
                name = province
            unit = self.unit(f"{head.unit} {name}" if name else head.unit, level, province, scoped=not name)
            return end, self.executive_of(unit, head)
        if place is None:
            if head.national:
                return j, Org(head.national, head.kind, "central", head=head.label)
            if head.needs_place:
                return None
            # "HĐND, UBND tỉnh": named without its place: the one named before, else the article's own body
            return j, Org(head.label, head.kind, head.level, head=head.label, scoped=True, bare=True)
        end, text, province, level = place
        if province and text == province:
            # "HĐND TPHCM": the province's own body, named with its place word
            text = f"{self.place_word(province)} {province}"
        scoped = province is None and text in self.lex.place_levels
        stated = province
        province = self.local_province(level, province, text)
        parent = None
        if head.nests and level == "district" and province and not scoped and province in (stated, self.one_province):
            # "UBND huyện X" (in province Y) belongs to "UBND tỉnh Y"
            parent = Org(f"{head.label} {self.place_word(province)} {province}", head.kind, "provincial",
                         province=province, head=head.label)
        return end, Org(f"{head.label} {text}", head.kind, level, province=province, head=head.label, scoped=scoped,
                        parent=parent)

    def _capitalised_place(self, toks, keys, j, allcaps, word: str | None = None):
        """'Thành ủy Cần Thơ' style: a capitalised place name right after the head; a district or commune the
        tables know is read whole though it opens like a name ("Quận ủy Tây Hồ Trần Văn A")."""
        known = self._known_place(toks, keys, j, word) if word and not allcaps else None
        if known:
            return known, " ".join(self.canon_words([self.word(t) for t in toks[j:known]], proper=True))
        run, k = [], j
        caps = _caps_run(toks, j)
        if word and caps == 3 and not allcaps:
            return None  # "Thành ủy Tất Thành Cang": three capitalised words no table knows are a person's name
        while k < len(toks) and toks[k].is_word and toks[k].cap and not toks[k].abbr and len(run) < 3:
            head = self.lex.heads.match(keys, k)
            if self.starts_role(keys, k) or (head and not (k == j and head[1].kind in _NAME_LIKE_HEADS)):
                break  # but "Thị ủy Hội An": a place whose name opens like an association's
            # "Huyện ủy Châu Thành" is a place, "Thành ủy Nguyễn Văn A" a bare head and a name
            if self.is_person_start(toks, k) and (k > j or caps >= 3):
                break
            run.append(self.word(toks[k]))
            k += 1
        if run and not allcaps:
            return k, " ".join(self.canon_words(run, proper=True))
        return None

    def local_province(self, level: str | None, province: str | None, label: str | None = None) -> str | None:
        """The province a district or commune belongs to: as stated, else the one in context.

        District names repeat across provinces ("huyện Châu Thành" is in nine), so a
        lower-level unit carries its province, which also keeps its IRI apart.
        """
        if province or level not in ("district", "grassroots", "branch"):
            return province
        return (label and level in ("district", "grassroots") and self._place_province(label, level)) \
            or self.province_at(self._pos)

    def unit(self, label: str, level: str | None, province: str | None, scoped: bool = False) -> Org:
        """A party organisation with its parent where the level makes it unambiguous."""
        province = self.local_province(level, province, label)
        parent = None
        words = label.split()
        if label.startswith("Đảng bộ tỉnh ") or (label.startswith("Đảng bộ thành phố ") and province
                                                 and level != "district"):  # not "thành phố Biên Hòa"
            parent = party_org()
            level = "provincial"
        elif self.lex.units_under_province.match(label.lower().split(), 2):
            # "Đảng bộ Khối các cơ quan tỉnh X", "Đảng bộ Ủy ban nhân dân tỉnh X": directly under the province
            if label.endswith(" Trung ương"):
                parent, level = party_org(), "central"
            elif province and label.endswith(f" {self.place_word(province)} {province}"):
                top = f"Đảng bộ {self.place_word(province)} {province}"
                parent, level = self.unit(top, "provincial", province), level or "provincial"
        elif level is None and len(words) > 2 and words[2] in ("xã", "phường") and words[0] == "Đảng":
            level = "grassroots"
        if parent is None and province and province == self.one_province and not scoped \
                and words[:2] == ["Đảng", "bộ"]:
            parent = self._local_parent(label, level, province)
        return Org(label, "party", level, province=province, parent=parent, scoped=scoped, head="Đảng bộ"
                   if label.startswith("Đảng bộ") else label.split(" ")[0] + " " + label.split(" ")[1])

    def _local_parent(self, label: str, level: str | None, province: str) -> Org | None:
        """'Đảng bộ huyện A' is a unit of its province's (in an article about one province only); 'Đảng bộ
        xã B' of the district the text puts it in ("xã B, huyện A"), or of the province once districts are
        gone (`no_districts`)."""
        rest = label.split(" ", 2)[2] if label.count(" ") >= 2 else ""
        word = next((w for w in self.lex.raw["phrasing"]["local_places"] if rest.startswith(w + " ")), None)
        city = level == "district" and rest.startswith("thành phố ")  # a province's city ("thành phố Hội An")
        if (word is None or len(rest) == len(word)) and not city:
            return None
        top = f"Đảng bộ {self.place_word(province)} {province}"
        if city or self.lex.place_levels.get(word) == "district" and level in (None, "district"):
            return self.unit(top, "provincial", province)
        if self.lex.place_levels.get(word) == "grassroots" and level in (None, "grassroots"):
            district = self.districts.get(rest)
            if district:
                return self.unit(f"Đảng bộ {district}", "district", province)
            if self.no_districts:
                return self.unit(top, "provincial", province)
        return None

    def executive_of(self, unit: Org, head: Head | None = None) -> Org:
        """The executive committee (Ban Chấp hành) of a party unit."""
        if unit.label == PARTY:
            return central_exec()
        short = self.short_name(unit)
        return Org(f"Ban Chấp hành {unit.label}", "executive", unit.level, province=unit.province, parent=unit,
                   scoped=unit.scoped, head="Ban Chấp hành", short=short, alt=(short,) if short else (),
                   bare=unit.bare)

    def short_name(self, unit: Org) -> str | None:
        """'Tỉnh ủy X' for 'Đảng bộ tỉnh X', 'Đảng ủy X' for 'Đảng bộ X'."""
        for entry_unit, short in self.lex.short_forms:
            if unit.label == entry_unit or unit.label.startswith(entry_unit + " "):
                rest = unit.label[len(entry_unit):].strip()
                return f"{short} {rest}".strip()
        return None

    def _read_parent_head(self, toks, i, j, head, allcaps, depth, after_title=False):
        # the body a committee belongs to, named right after it, whatever its capitals ("Ban Thường vụ huyện ủy X")
        sub = self.read(toks, j, allcaps, depth + 1, after_title=True) if j < len(toks) else None
        parent = None
        end = j
        if sub:
            end, p = sub
            if p.kind == "party":
                parent = self.executive_of(p)
            elif p.kind == "executive":
                parent = p
            elif head.of_state and p.kind == "state" and not p.bare:
                # "Văn phòng UBND tỉnh X", "Ban cán sự đảng Bộ Y tế": a body of that state body
                return end, Org(f"{head.label} {p.label}", head.of_state, p.level, province=p.province, parent=p,
                                scoped=p.scoped, head=head.label)
            else:
                sub = None
        if head.kind == "executive":
            if parent is None:
                return j, Org(head.label, "executive", None, head=head.label, bare=True, scoped=True)
            return end, parent
        if parent is None:
            if head.needs_parent:
                return None
            return j, Org(head.label, head.kind, None, head=head.label, bare=True, scoped=True)
        return end, self.committee(head.label, head.kind, parent)

    def committee(self, label: str, kind: str, executive: Org) -> Org:
        short = executive.short or executive.label
        return Org(f"{label} {short}", kind, executive.level, province=executive.province, parent=executive,
                   scoped=executive.scoped, head=label, bare=executive.bare)

    def _held_before(self, toks, keys, i: int) -> bool:
        """'Ông Nguyễn Văn A, hiệu trưởng <body at i>': the body of a title in an apposition to a name, so a
        name after the body is not its holder's."""
        for k in range(i - 1, max(0, i - 5) - 1, -1):
            role = self.lex.role_trie.match(keys, k)
            if role and role[0] == i:
                return k >= 3 and toks[k - 1].text == "," and any(
                    self.is_person_start(toks, p) and all(t.cap and t.is_word and not t.abbr for t in toks[p:k - 1])
                    for p in range(max(0, k - 5), k - 2))
        return False

    def _read_named_head(self, toks, keys, i, j, head, allcaps):
        end, words, place = self.read_name(toks, keys, j, allcaps, head_kind=head.kind, free=head.free,
                                           national=" ".join(phrase_keys(head.label)) in self.lex.org_name["national_nouns"],
                                           head_at=i if head.kind in _NAME_LIKE_HEADS else None)
        if head.kind == "executive":
            # "Đảng ủy X" is the executive committee of "Đảng bộ X"
            unit = self._named_unit(head.unit, words, place)
            return end, self.executive_of(unit, head)
        if not words and place is None:
            if head.needs_name or not toks[i].cap:
                return None
            return j, Org(head.label, head.kind, head.level, head=head.label, bare=True, scoped=True)
        if head.kind == "party":
            if place is None and not any(w[:1].isupper() for w in words):
                return None  # "các đảng bộ cơ sở": a class of units, not one
            return end, self._named_unit(head.label, words, place)
        label = _join([head.label] + words + ([place[1]] if place else []))
        province = place[2] if place else self._inner_province
        inner = self._inner if self._inner is not None and not self._inner.bare else None
        scoped = bool(place and place[2] is None and place[1] in self.lex.place_levels) \
            or (head.local and place is None and inner is None) or self._inner_scoped
        level = place[3] if place else (inner.level if inner is not None else head.level)
        # "Vụ Tham mưu tổng hợp Văn phòng Trung ương Đảng", "Bộ Tư lệnh Quân khu 2": a part of the body named inside
        return end, Org(label, head.kind, level, province=self.local_province(level, province), head=head.label,
                        scoped=scoped, parent=inner)

    def _named_unit(self, head_label: str, words: list[str], place) -> Org:
        label = _join([head_label] + words + ([place[1]] if place else []))
        province = place[2] if place else self._inner_province  # "Đảng bộ Ủy ban nhân dân tỉnh X"
        level = place[3] if place and not words else None
        if head_label == "Chi bộ":
            level = "branch"
        scoped = bool(place and place[2] is None and place[1] in self.lex.place_levels)
        bare = not words and place is None
        if words and words[0].lower() == "khối" and len(words) == 1 and place is None:
            bare = True
        org = self.unit(label, level, province, scoped=scoped or bare or self._inner_scoped)
        return replace(org, bare=bare, head=head_label)



_NAME_LIKE_HEADS = ("mass", "other", "media", "enterprise")  # heads a place's name may open with ("Hội An")
_GO, _STOP = object(), object()  # what a step of read_name says: the word was taken / the name ends here


@dataclass(slots=True)
class _Name:
    """A name being read by `OrgReader.read_name`."""

    j: int
    n: int
    allcaps: bool
    head_kind: str
    free_words: bool  # any lower-case word may go on the name (a company's)
    proper: bool  # a proper name: its capitals stay
    national: bool = False  # a ministry's: made of the words of such names ("Tài nguyên và Môi trường")
    head_at: int | None = None  # where the head starts, when a person's name after it may be the body's own
    words: list[str] = field(default_factory=list)
    first_key: str | None = None

    def take(self, word: str, key: str):
        self.words.append(word)
        self.first_key = self.first_key or key
        self.j += 1
        return _GO


class OrgRegistry:
    """The article's full organisation mentions, to resolve bare ones ("Đảng ủy Khối" → the Khối named before)."""

    def __init__(self):
        self.mentions: list[tuple[int, Org]] = []

    def add(self, pos: int, org: Org) -> None:
        chain = []
        while org is not None:
            if not org.bare:
                chain.append((pos, org))
            # a party unit's committees and parents stand for it; a state body's parent ("Vụ X Văn phòng
            # Trung ương" in the Central Committee) is implied, and must not answer a later short name
            org = org.parent if org.kind in ("party", "executive", "committee") else None
        self.mentions.extend(reversed(chain))  # the unit written last: a short name at `pos` means it

    def resolve(self, org: Org, pos: int) -> Org | None:
        """A full organisation for a bare mention, or None when nothing fits."""
        if not org.bare:
            return org
        prefix = org.label.lower()
        kind = org.kind
        best_before = best_after = None
        for p, cand in self.mentions:
            if cand.bare or cand.kind != kind or cand.label.lower() == prefix:
                continue
            if not cand.label.lower().startswith(prefix + " ") and cand.label.lower() != prefix:
                continue
            if p <= pos:
                best_before = cand
            elif best_after is None:
                best_after = cand
        return best_before or best_after
