"""The 2025 reorganisation as reference data, and units spelled differently.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from itertools import combinations
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox

from partygraph import iris
from partygraph.iris import reference_event_iri, slug
from partygraph.lexicon import lexicon
from partygraph.namespaces import pg
from partygraph.vocab import ChangeKind
from partygraph.namespaces import (ORG_BASE as ORG, PG_BASE as PG, RDF_TYPE, RDFS_BASE as RDFS, SDO_BASE as SDO,
                                   SKOS_BASE as SKOS, XSD_BASE as XSD)
from partygraph.resolve.mentions import (MERGER_DATE, PREFIXES, _not_derived, _val, central_cities, province_kinds,
                                         province_successors, unit_phrase)


# ---------------------------------------------------------------------------
# Units: spellings and the 2025 reorganisation

def org_key(label: str) -> str:
    """Spelling-insensitive key of an organisation label.

    Case, spaces, punctuation, "&"/"và", "các" and diacritics are folded;
    abbreviations (`data/abbreviations.csv`, `data/unit_abbreviations.csv`)
    expanded; a province's other names (`provinces.csv` aliases) read as its
    name, and a centrally run city always "thành phố <name>" ("TPHCM"). "Bộ VHTT" and "Bộ Văn hóa thông tin", "Sở Tài nguyên - Môi
    trường tỉnh X" and "Sở Tài nguyên và Môi trường tỉnh X", "Đảng bộ TPHCM"
    and "Đảng bộ thành phố Hồ Chí Minh" share a key.
    """
    abbreviations, expansion = _ABBREVIATIONS()
    places, canonical = _PLACES()
    text = _CAPS_HYPHEN.sub("-", unicodedata.normalize("NFC", label))  # "GD - ĐT" is "GD-ĐT"
    text = _FOREIGN_HYPHENS.sub(lambda m: m[1] + m[2] if m[1][0].isupper() and m[2][0].islower() else m[0], text)
    text = abbreviations.sub(lambda m: " " + expansion[m.group(0)] + " ", text)
    text = places.sub(canonical, text.casefold().replace("&", " và "))
    words = _other_names([w for w in iris.slug(text).split("-") if w not in ("va", "cac")])
    if len(words) > len(_ARMY) + 1 and words[-len(_ARMY):] == _ARMY:
        words = words[:-len(_ARMY)]  # "Tổng cục Chính trị Quân đội nhân dân Việt Nam" is "Tổng cục Chính trị"
    elif head := next((h for h in _COUNTRY_IMPLIED() if words[:len(h)] == h), None):
        # the country's own: "Bộ Quốc phòng Việt Nam", "Tổng công ty Đường sắt Việt Nam", "Tập đoàn Dầu khí Quốc
        # gia (Việt Nam)"
        for tail in (["viet", "nam"], ["quoc", "gia"]):
            if words[-2:] == tail and len(words) > len(head) + 2:
                words = words[:-2]
    words = _same_before_place(_without_repeats(_without_optional_words(words)))
    for n, w in enumerate(words[1:], 1):
        if words[n - 1] in _NUMBERED and w in _ROMAN:  # "Quân khu II" is "Quân khu 2"
            words[n] = _ROMAN[w]
    key = " ".join(words)
    if words[:2] == ["cong", "ty"] or words[:3] == ["tong", "cong", "ty"]:  # the legal form is no part of the name
        key = " ".join(_LEGAL_FORM.sub(" ", key + " ").split())
    return key


_CAPS_HYPHEN = re.compile(r"(?<=[A-ZĐ&])\s+-\s+(?=[A-ZĐ])")
#: A foreign name written with hyphens is one word: "Cu-ba" is "Cuba".
_FOREIGN_HYPHENS = re.compile(r"\b([^\W\d_]+)-([^\W\d_]+)\b")
#: A company's legal form: "Công ty TNHH MTV cấp nước X" is "Công ty Cấp nước X".
_LEGAL_FORM = re.compile(r" (?:trach nhiem huu han|tnhh|mot thanh vien|mtv|co phan|cp)(?= )")


def _without_repeats(words: list[str]) -> list[str]:
    """A name with a part written twice once: "Bộ Tư lệnh Thủ đô thành phố Hà Nội" ("Thủ đô" being Hà Nội),
    "Hội đồng quản trị Tổng công ty Vinaconex" (the brand read as the corporation's name), "Bộ Tài
    nguyênnguyên" (a syllable doubled in the source), a company named twice (`_company_named_twice`)."""
    words = _company_named_twice([w[:len(w) // 2] if len(w) >= 6 and w[:len(w) // 2] == w[len(w) // 2:] else w
                                  for w in words])
    for size in range(4, 1, -1):
        for n in range(len(words) - 2 * size + 1):
            if words[n:n + size] == words[n + size:n + 2 * size]:
                return _without_repeats(words[:n + size] + words[n + 2 * size:])
    return words


def _company_named_twice(words: list[str]) -> list[str]:
    """A company's head twice ("tong cong ty tong cong ty X", "cong ty tap doan X"), or a company named, then
    named again under another head or its brand ("Tổng công ty Dầu khí - Petro Việt Nam", the brand read
    "Tập đoàn Dầu khí Việt Nam"): the second naming, which goes on from the first."""
    n = next((n for n in range(len(words) - 3) if _company_head_size(words[n:])), None)
    if n is None:
        return words
    first = n + _company_head_size(words[n:])
    for m in range(first, len(words) - 1):
        second = _company_head_size(words[m:])
        name = words[first:m]
        if second and m + second < len(words) and words[m + second:m + second + len(name)] == name:
            return words[:n] + words[m:]
    return words


def _same_before_place(words: list[str]) -> list[str]:
    """One head for the names a body has before a province (`org_name.same_before_place`): "Công đoàn thành phố
    Hồ Chí Minh" is the city's "Liên đoàn Lao động", "Ban Chỉ huy Quân sự tỉnh X" its "Bộ Chỉ huy Quân sự"."""
    for head, other in _SAME_BEFORE_PLACE():
        if words[:len(other)] == other and _starts(words[len(other):], (["tinh"], ["thanh", "pho"])):
            return head + words[len(other):]
    return words


@lru_cache(maxsize=1)
def _SAME_BEFORE_PLACE() -> list[tuple[list[str], list[str]]]:
    """(head, other name of it) of `org_name.same_before_place`, folded."""
    return [(_fold(r["head"]), _fold(other)) for r in lexicon().raw["org_name"]["same_before_place"]
            for other in r["also"]]


def _other_names(words: list[str]) -> list[str]:
    """A unit's usual name for its other name anywhere in a key (`org_name.other_names`): "Đảng ủy Bộ Công an"
    is "Đảng ủy Công an Trung ương", and so are its committees'."""
    for name, other in _OTHER_NAMES():
        for n in range(len(words) - len(other) + 1):
            if words[n:n + len(other)] == other:
                return words[:n] + name + words[n + len(other):]
    return words


@lru_cache(maxsize=1)
def _OTHER_NAMES() -> list[tuple[list[str], list[str]]]:
    """(name, other name of it) of `org_name.other_names`, folded."""
    return [(_fold(r["name"]), _fold(other)) for r in lexicon().raw["org_name"]["other_names"] for other in r["also"]]


def _without_optional_words(words: list[str]) -> list[str]:
    """The words of a key without a word a unit's name may leave out after its head (`org_name.optional_words`:
    "Đảng bộ Cơ quan Thanh tra Chính phủ" is "Đảng bộ Thanh tra Chính phủ", "Hiệp hội các doanh nghiệp khu
    công nghiệp X" "Hiệp hội khu công nghiệp X"), when a name follows: not "Đảng bộ cơ quan tỉnh X"."""
    for head, after, optional, not_before, before in _OPTIONAL_WORDS():  # each row once, in order
        if words[:len(head)] != head:
            continue
        first = len(head) + 1 if head else len(after)
        for n in range(first, len(words) - len(optional) - 1 if after or head else 1):
            rest = words[n + len(optional):]
            if words[n - len(after):n] == after and words[n:n + len(optional)] == optional \
                    and not _starts(rest, not_before) and (not before or _starts(rest, before)):
                words = words[:n] + rest
                break
    return words


@lru_cache(maxsize=1)
def _OPTIONAL_WORDS() -> list[tuple[list[str], list[str], list[str], list[list[str]], list[list[str]]]]:
    """(the name's first words, words right before, optional words, words that keep them, words one of which
    must follow) of `org_name.optional_words`, folded; neither first words nor words before: the optional words
    are the name's first."""
    rows = lexicon().raw["org_name"]["optional_words"]
    return [(_fold(r.get("head")), _fold(r.get("after")), _fold(r["words"]),
             [_fold(w) for w in r.get("not_before", ())], [_fold(w) for w in r.get("before", ())]) for r in rows]


def _fold(text: str | None) -> list[str]:
    """A lexicon phrase as the words of a key ("Đảng bộ" → ["dang", "bo"]); none for no phrase."""
    return iris.slug(text).split("-") if text else []


def _starts(words: list[str], phrases) -> bool:
    """Whether `words` start with one of `phrases` (each a list of key words)."""
    return any(words[:len(p)] == p for p in phrases)


_ROMAN = {r: str(n) for n, r in enumerate("i ii iii iv v vi vii viii ix x".split(), 1)}
_NUMBERED = ("khu", "doan")  # "Quân khu", "Quân đoàn", "Sư đoàn": numbered either way


@lru_cache(maxsize=1)
def _COUNTRY_IMPLIED() -> tuple[list[str], ...]:
    """Folded heads of the units that are the country's own (`org_name.country_implied`)."""
    return tuple(_fold(h) for h in lexicon().raw["org_name"]["country_implied"])


_ARMY = "quan doi nhan dan viet nam".split()
#: Words before a district or a town named like its province ("thị xã Quảng Trị"): not the province.
_LOCAL_WORDS = ("thị xã", "huyện", "quận", "thị trấn", "xã", "phường", "thành phố", "tp", "tp.")


@lru_cache(maxsize=1)
def _ABBREVIATIONS():
    """(pattern of every abbreviation as a whole word, abbreviation → expansion): the extractor's (as the
    lexicon read them), then the unit keys' own (`unit_abbreviations.csv`)."""
    table = {abbr: " ".join(words) for abbr, words in lexicon().abbreviations.items()}
    with resources.files("partygraph.data").joinpath("unit_abbreviations.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            table[unicodedata.normalize("NFC", row["abbreviation"].strip())] = \
                unicodedata.normalize("NFC", row["expansion"].strip())
    table = {a: e for a, e in table.items() if a and not a.endswith(".") and a.upper() != a.lower()}
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)"), table


@lru_cache(maxsize=1)
def _PLACES():
    """(pattern of a province's name or alias with the "tỉnh"/"thành phố"/"TP" before it, and a function
    giving its canonical spelling). A centrally run city is "thành phố <name>" however written ("TPHCM");
    a province keeps the word before it: "thành phố Hà Tĩnh" (a provincial city) is not "tỉnh Hà Tĩnh".
    Huế, a city only since 2025, is left as written ("thành phố Huế" was the province's capital before), and
    so are "tỉnh Cần Thơ" (a province until 2004) and a bare "Hồ Chí Minh" ("Bảo tàng Hồ Chí Minh" is
    named after the man, not the city)."""
    table, cities = {}, {name for name, since in central_cities().items() if since.year < 2025}
    with resources.files("partygraph.data").joinpath("provinces.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["name"] == "Huế":
                continue
            for alias in [row["name"], *filter(None, (a.strip() for a in row["aliases"].split(";")))]:
                table[unicodedata.normalize("NFC", alias).casefold()] = row["name"]
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))

    def canonical(m) -> str:
        name, before = table[m.group(2)], (m.group(1) or "").strip(". ")
        if name in cities and before != "tỉnh" and (before or m.group(2) != "hồ chí minh"):
            return " thành phố " + name.casefold() + " "
        if not before and name not in cities and not m.string[:m.start()].rstrip().endswith(_LOCAL_WORDS):
            return " tỉnh " + name.casefold() + " "  # "Đảng bộ Bến Tre" is "Đảng bộ tỉnh Bến Tre"
        return " " + (m.group(1) or "") + name.casefold() + " "

    return re.compile(rf"(?<!\w)((?:tỉnh|thành phố|tp)[.\s]*)?({alts})(?!\w)"), canonical


def read_orgs(store: ox.Store) -> dict[str, dict]:
    """Organisation IRI → {labels, alts, types, province, level, parents}."""
    orgs: dict[str, dict] = defaultdict(lambda: {"labels": set(), "alts": set(), "types": set(),
                                                 "province": None, "level": None, "parents": set()})
    # Only what articles and loaded graphs say: organisations minted by an
    # earlier run's reference graph must not change the next run.
    for r in store.query(PREFIXES + f"""SELECT ?o ?l ?alt ?type ?prov ?level ?parent WHERE {{
            GRAPH ?g {{ ?o a org:Organization ; skos:prefLabel ?l . OPTIONAL {{ ?o skos:altLabel ?alt }}
            OPTIONAL {{ ?o a ?type }} OPTIONAL {{ ?o pg:province ?prov }} OPTIONAL {{ ?o pg:level ?level }}
            OPTIONAL {{ ?o org:subOrganizationOf ?parent }} }}
            {_not_derived('g')} }}"""):
        d = orgs[r["o"].value]
        if r["parent"] is not None:
            d["parents"].add(r["parent"].value)
        d["labels"].add(r["l"].value)
        if r["alt"] is not None:
            d["alts"].add(r["alt"].value)
        if r["type"] is not None:
            d["types"].add(r["type"].value)
        d["province"] = d["province"] or _val(r["prov"])
        d["level"] = d["level"] or _val(r["level"])
    return dict(orgs)


def org_variants(orgs: dict[str, dict], offices: dict[str, int] | None = None,
                 dates: dict[str, list] | None = None,
                 holders: dict[str, set[tuple[str, str]]] | None = None) -> list[list[str]]:
    """Groups of organisation IRIs that are one unit (size ≥ 2), the one carrying most offices (then the
    one with the longest label, the name written out) first: labels that differ only in spelling (`org_key`) and, given how many offices each
    node carries, names cut short (`_cut_names`). A district's or commune's unit (`org/…--{province}`)
    only meets units of its own province ("xã Tân Nghĩa" is in several), unless its label names a
    province itself (then the label, not the article's province, says where it is). Given who holds which
    post in each node (`holders`: IRI → {(person name key, role)}), two names of which one's words are
    within the other's are one unit when the same person holds the same post in both (`_same_holder`)."""
    keys: dict[str, tuple[str, str]] = {}
    by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_company: dict[tuple[str, str], set[str]] = defaultdict(set)  # by name, whatever the status
    proper: set[tuple[str, str]] = set()  # those names that one of the labels shows to be proper
    for iri, d in orgs.items():
        if iris.is_article_scoped(iri):
            continue  # article-scoped: its name was relative, never the same unit
        for label in d["labels"]:
            key = org_key(label)
            within = iri.rsplit("--", 1)[1] if "--" in iri and not _names_province(key) else ""
            by_key[key, within].add(iri)
            keys.setdefault(iri, (key, within))
            if 0 < _company_head_size(words := key.split()) < len(words):
                named = label.rsplit(" ", 1)[0] if _brand_after_name(label) else label
                by_company[_company_head(org_key(named)), within].add(iri)
                if _proper_company(named):
                    proper.add((_company_head(org_key(named)), within))
    for key, iri, ministry in _under_one_ministry(orgs, keys, by_key):
        by_key[f"{key} {ministry}", ""].add(iri)  # "Vụ X" (of "Bộ Y") is "Vụ X Bộ Y"
    if offices:
        for short, long in _cut_names(by_key, offices):
            by_key[long] |= by_key.pop(short)
    for placeless, placed in _province_left_out(by_key):
        by_key[placed] |= by_key.pop(placeless)
    for other, kept in [*_renamed_districts(by_key), *(_run_ons(by_key, offices, orgs) if offices else ()),
                        *_umbrella_left_out(by_key),
                        *_ministry_left_out(by_key, under := _ministries_of(by_key)),
                        *_ministry_short_forms(by_key, dates or {}), *_cut_before_ministry(under)]:
        if other in by_key and kept in by_key:
            by_key[kept] |= by_key.pop(other)

    def first(iri):  # the node most offices name (the usual spelling), then the name written out
        return -(offices or {}).get(iri, 0), -max(len(label) for label in orgs[iri]["labels"]), iri

    pairs = [{x, y} for x, y in _same_holder(keys, holders or {})]
    companies = [v for k, v in by_company.items() if k in proper and len(v) > 1]
    groups = _connected([*(v for v in by_key.values() if len(v) > 1), *companies, *pairs])
    groups = _connected([*groups, *_bodies_of_one_unit(groups, orgs, by_key)])
    return sorted(sorted(g, key=first) for g in groups)


def _bodies_of_one_unit(groups: list[set[str]], orgs: dict[str, dict], by_key) -> list[set[str]]:
    """The party organisations, committees and boards of one unit's names (`org_name.bodies_of`): when
    "Tổng cục Cảnh sát" and "Tổng cục Cảnh sát nhân dân" are one unit, "Đảng bộ Tổng cục Cảnh sát" and
    "Đảng bộ Tổng cục Cảnh sát nhân dân" are one party organisation."""
    prefixes = [" ".join(_fold(p)) for p in lexicon().raw["org_name"]["bodies_of"]]
    bodies: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (prefix, the unit's key, within) → IRIs
    for (key, within), found in by_key.items():
        for prefix in prefixes:
            if key.startswith(prefix + " "):
                # the unit's words keyed as a unit's name: "Hội đồng quản trị Tổng công ty Dầu khí Việt Nam" is the
                # board of "Tổng công ty Dầu khí" (the country's own)
                bodies[prefix, org_key(key[len(prefix) + 1:]), within] |= found
    out = []
    for group in groups:
        names = {org_key(label) for iri in group for label in orgs[iri]["labels"]}
        withins = {"", *(iri.rsplit("--", 1)[1] for iri in group if "--" in iri)}
        for prefix in prefixes:
            found = set().union(*(bodies.get((prefix, name, w), set()) for name in names for w in withins))
            if len(found) > 1:
                out.append(found)
    return out


def _same_holder(keys: dict[str, tuple[str, str]], holders: dict[str, set[tuple[str, str]]]):
    """(IRI, IRI) of two units of one place whose names are one's words within the other's, with the same
    head ("Công ty Đường cao tốc Việt Nam" within "Tổng công ty Đầu tư phát triển đường cao tốc Việt Nam";
    a company's "Công ty", "Tổng công ty" and "Tập đoàn" are one head), in which the same person holds the
    same post: one unit, named in full and with words left out."""
    by_holder: dict[tuple[str, str], set[str]] = defaultdict(set)
    for iri, held in holders.items():
        for h in held if iri in keys else ():
            by_holder[h].add(iri)
    for nodes in by_holder.values():
        for x, y in combinations(sorted(nodes), 2):
            (kx, wx), (ky, wy) = keys[x], keys[y]
            a, b = sorted((_company_head(kx).split(), _company_head(ky).split()), key=len)
            if wx == wy and a != b and len(a) >= 3 and a[0] == b[0] and _within(a, b):
                yield x, y


def _proper_company(label: str) -> bool:
    """A company named by a proper name ("Tổng công ty Hợp Lực", "Công ty Licogi", "Tập đoàn Viễn thông Quân
    đội"), not by its trade alone ("Công ty Điện lực", "Tổng công ty Bảo hiểm Việt Nam" of one country):
    then "Công ty", "Tổng công ty" and "Tập đoàn" of that name are one company, before and after a change of
    status."""
    words = label.split()
    size = _company_head_size([iris.slug(w) for w in words[:3]])
    if not size:
        return False
    rest = [w for w in words[size:] if w.casefold() not in _LEGAL_WORDS]
    if rest[-2:] == ["Việt", "Nam"]:
        rest = rest[:-2]
    return any(w[:1].isupper() for w in rest[1:]) or (
        len(rest) == 1 and (rest[0].isupper() and len(rest[0]) >= 3 or len(rest[0]) >= 6 and rest[0].isascii()))


def _brand_after_name(label: str) -> bool:
    """'Tập đoàn Viễn thông Quân đội Viettel': a brand (one unaccented word of five letters or more) after
    a company's proper name, which names it already. ("Tổng công ty Bưu chính Viettel" is Viettel's
    post, not "Tổng công ty Bưu chính".)"""
    name, _, last = label.rpartition(" ")
    return len(last) >= 5 and last.isascii() and last[:1].isupper() and not name.endswith((" và", " -", " &")) \
        and _proper_company(name)


#: A company's heads, folded, the longest first: "Tổng công ty", "Công ty", "Tập đoàn".
_COMPANY_HEADS = (["tong", "cong", "ty"], ["cong", "ty"], ["tap", "doan"])
_LEGAL_WORDS = {"tnhh", "mtv", "cp", "cổ", "phần", "trách", "nhiệm", "hữu", "hạn", "một", "thành", "viên"}


def _company_head_size(words: list[str]) -> int:
    """How many of the (folded) words are a company's head; 0 for no company."""
    return next((len(h) for h in _COMPANY_HEADS if words[:len(h)] == h), 0)


def _company_head(key: str) -> str:
    """A company's key with "cong ty" for its head, whatever its status ("tong cong ty", "tap doan")."""
    words = key.split()
    size = _company_head_size(words)
    return " ".join(["cong", "ty", *words[size:]]) if size and len(words) > size else key


def _within(short: list[str], long: list[str]) -> bool:
    """Whether the words of `short` occur in `long` in the same order."""
    rest = iter(long)
    return all(w in rest for w in short)


def _under_one_ministry(orgs: dict[str, dict], keys: dict[str, tuple[str, str]], by_key):
    """(key, IRI, ministry key) of a unit named without its ministry ("Vụ Kiểm soát chi") whose one parent
    is a national body (`national_nouns`), when no other ministry has a unit of that name in the store
    ("Vụ Tổ chức cán bộ", in every ministry, is left alone)."""
    nouns, seen = _NATIONAL_NOUNS(), _ministries_of(by_key)
    found = []
    for iri, (key, within) in keys.items():
        parents = orgs[iri].get("parents", set())
        labels = orgs.get(next(iter(parents)), {}).get("labels") if len(parents) == 1 else ()
        ministry = org_key(min(labels)) if labels else ""
        if ministry.split(" ", 1)[0] in nouns and not within and not key.endswith(" " + ministry) \
                and seen.get(key, {ministry}) == {ministry}:
            found.append((key, iri, ministry))
    return found


def _province_left_out(by_key):
    """(key without province, key with it): "UBND xã Tân Nghĩa" read with no province in context is the one
    "UBND xã Tân Nghĩa" (of province P) the corpus has, when exactly one province has a unit of that name."""
    provinces: dict[str, list[str]] = defaultdict(list)
    for key, within in by_key:
        if within:
            provinces[key].append(within)
    return [((key, ""), (key, provinces[key][0])) for key, within in list(by_key)
            if not within and len(provinces.get(key, ())) == 1]


def _connected(sets) -> list[set[str]]:
    """The sets joined where they share a member (a node with two labels is in both their groups)."""
    out: list[set[str]] = []
    for s in sets:
        s = set(s)
        for g in [g for g in out if g & s]:
            s |= g
            out.remove(g)
        out.append(s)
    return out


def _names_province(key: str) -> bool:
    return any(f" {name} " in f" {key} " for name in _province_keys())


@lru_cache(maxsize=1)
def _province_keys() -> frozenset[str]:
    # one-syllable names ("Huế") also end other names ("huyện Đức Huệ"): not read as a province here
    return frozenset(key for name in province_kinds() if " " in (key := " ".join(_fold(name))))


def _cut_names(by_key, offices: dict[str, int]):
    """(short key, long key) where the short one is a name cut one syllable early ("Bộ Quốc",
    "Đảng bộ quận Tây"): every longer key that starts with it (same province) extends one chain whose
    first link is one word longer, and that unit carries more offices than the cut one."""
    ordered = sorted(by_key, key=lambda k: (k[1], k[0]))
    for n, short in enumerate(ordered):
        key, within = short
        longer = []
        for k in ordered[n + 1:]:  # the keys that start with this one follow it in sorted order
            if k[1] != within or not k[0].startswith(key):
                break
            if k[0].startswith(key + " "):
                longer.append(k)
        longer.sort(key=lambda k: (len(k[0].split()), k))
        # a ministry is one of its name nationally: cut anywhere ("Bộ Tài nguyên"), it is the one it starts
        one_of_a_kind = not within and key.split()[0] in _NATIONAL_NOUNS()
        if not longer or len(longer[0][0].split()) != len(key.split()) + 1 and not one_of_a_kind:
            continue
        if any(not k[0].startswith(longer[0][0] + " ") for k in longer[1:]):
            continue  # "Bộ Văn hóa": both "… Thông tin" and "… Thể thao và Du lịch" start so
        count = sum(offices.get(i, 0) for i in by_key[short])
        if sum(offices.get(i, 0) for i in by_key[longer[0]]) > count:
            yield short, longer[0]


@lru_cache(maxsize=1)
def _NATIONAL_NOUNS() -> frozenset[str]:
    """First words (folded) of the units a country has one of each name (`org_name.national_nouns`)."""
    return frozenset(iris.slug(w) for w in lexicon().org_name["national_nouns"])


@lru_cache(maxsize=1)
def _SHORT_FORMS() -> dict[str, list[tuple[str, str, str]]]:
    """Folded short name of a ministry ("Bộ Giáo dục") → [(folded name, from, until)] (`ministry_short_forms.csv`)."""
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    with resources.files("partygraph.data").joinpath("ministry_short_forms.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out[org_key(row["short"])].append((org_key(row["name"]), row["from"], row["until"] or "9999"))
    return dict(out)


def _ministry_short_forms(by_key, dates: dict[str, list]):
    """(short key, name key) of a ministry named short ("Bộ Giáo dục", "Bộ Văn hóa") when every office
    held in it is dated within the years of one ministry of that short name (`ministry_short_forms.csv`):
    "Bộ Văn hóa" in 2005 is the Bộ Văn hóa - Thông tin, in 2010 the Bộ Văn hóa, Thể thao và Du lịch. A
    province's or district's department named like its ministry is named short the same way ("Sở Tài
    nguyên tỉnh X" is the "Sở Tài nguyên và Môi trường tỉnh X"), dated or not when the short name has one
    ministry in the table."""
    for (key, within), iris_ in list(by_key.items()):
        head, name, place = _local_department(key) or ("", key, "")
        rows = _SHORT_FORMS().get(name, ())
        if (within and not place) or not rows:
            continue
        if not all(i in dates for i in iris_) and not (head and len(rows) == 1):
            continue  # a unit with an undated office (or none) is left as named, unless a Sở of one name
        when = [d.isoformat() for i in iris_ for d in dates.get(i, ())]
        names = {name for name, start, end in rows if all(start <= w < end for w in when)}
        if len(names) == 1:
            full = next(iter(names))
            target = (f"{head} {full.removeprefix('bo ')} {place}" if head else full, within)
            if target in by_key:
                yield (key, within), target


_LOCAL_DEPARTMENTS = ("so", "phong")
_PLACE_KEYS = ("tinh", "thanh pho", "huyen", "quan", "thi xa")


def _local_department(key: str) -> tuple[str, str, str] | None:
    """("so", "bo tai nguyen", "tinh yen bai") for "so tai nguyen tinh yen bai": a Sở's or Phòng's head, the
    name of its ministry, and its place; None for another key."""
    head, _, rest = key.partition(" ")
    if head not in _LOCAL_DEPARTMENTS:
        return None
    words = rest.split()
    for n in range(1, len(words)):
        if any(words[n:n + len(w.split())] == w.split() for w in _PLACE_KEYS):
            return head, "bo " + " ".join(words[:n]), " ".join(words[n:])
    return None


def _ministry_left_out(by_key, under: dict[str, set[str]]):
    """(key, key + ministry) of a unit named without its ministry ("Vụ Xuất nhập khẩu") when the store has
    it under one ministry only ("Vụ Xuất nhập khẩu Bộ Thương mại"). The departments every ministry has
    ("Vụ Pháp chế") are the article's own (`generic_names`) and never reach here."""
    nouns = _NATIONAL_NOUNS()
    return [((key, ""), (f"{key} {next(iter(under[key]))}", "")) for key, within in list(by_key)
            if not within and len(under.get(key, ())) == 1 and key.split()[0] not in nouns]


def _cut_before_ministry(ministries_of: dict[str, set[str]]):
    """(key, key) of a department named short before its ministry ("Vụ Tổ chức Bộ Giao thông vận tải") and
    the one department of that ministry whose name goes on from it ("Vụ Tổ chức cán bộ Bộ …")."""
    under: dict[str, list[str]] = defaultdict(list)
    for unit, ministries in ministries_of.items():
        for ministry in ministries:
            under[ministry].append(unit)
    for ministry, units in under.items():
        for unit in units:
            longer = [u for u in units if u.startswith(unit + " ")]
            if len(longer) == 1:
                yield (f"{unit} {ministry}", ""), (f"{longer[0]} {ministry}", "")


def _ministries_of(by_key) -> dict[str, set[str]]:
    """Unit key → the keys of the national bodies (or the umbrellas, `org_name.umbrellas`) the store has it
    named under ("vu to chuc can bo" → {"bo noi vu", "bo xay dung"}; "dai hoc quoc te" → {"dai hoc quoc gia
    thanh pho ho chi minh"}), from keys "<unit> <body>" whose body is a key itself."""
    nouns, umbrellas = _NATIONAL_NOUNS(), _UMBRELLAS()
    under: dict[str, set[str]] = defaultdict(set)
    for key, within in by_key:
        words = key.split()
        for n in range(1, len(words) - 1) if not within else ():
            if (words[n] in nouns or n > 1 and _starts(words[n:], umbrellas)) and (" ".join(words[n:]), "") in by_key:
                under[" ".join(words[:n])].add(" ".join(words[n:]))
    return under


def _umbrella_left_out(by_key):
    """(key, key) of a member named with its place only ("Trường Đại học Sư phạm Đà Nẵng") and with its umbrella
    of that place ("Trường Đại học Sư phạm - Đại học Đà Nẵng", "… - Đại học Quốc gia TPHCM"; `org_name.umbrellas`)."""
    for key, within in list(by_key):
        words = key.split()
        for n in range(2, len(words) - 1):
            umbrella = next((u for u in _UMBRELLAS() if words[n:n + len(u)] == u), None)
            if umbrella is None:
                continue
            rest = words[n + len(umbrella):]
            rest = rest[2:] if rest[:2] == ["quoc", "gia"] else rest
            short = " ".join(words[:n] + rest)
            if rest and (short, within) in by_key:
                yield (short, within), (key, within)


@lru_cache(maxsize=1)
def _UMBRELLAS() -> list[list[str]]:
    """`org_name.umbrellas`, folded."""
    return [_fold(u) for u in lexicon().raw["org_name"]["umbrellas"]]


def _run_ons(by_key, offices: dict[str, int], orgs: dict[str, dict]):
    """(long key, short key) where the long one is a name run on into the words after it ("Bộ Quốc phòng
    kiểm tra", "Tổng công ty X cam kết trả nợ"): the short one is a unit of the same place that carries more
    offices, and the long one goes on with a verb the lexicon knows (`org_name.verb_like`: "Bộ Văn hóa thông
    tin" stays, the cut "Bộ Văn hóa" carrying fewer), or carries no office and goes on with such a verb and
    more ("Đại học Huế tổ chức kỳ thi", not before a province) or with a lower-case
    word, as written, that no name has (not a word of units' names, a place word or "và"), and names no
    province after it ("Trường Đại học Y dược Cần Thơ" is a university of its own)."""
    lex = lexicon()
    verbs = [" ".join(_fold(v)) for v in lex.org_name["verb_like"]]
    count = lambda k: sum(offices.get(i, 0) for i in by_key[k])  # noqa: E731
    for key, within in list(by_key):
        words = key.split()
        for n in range(len(words) - 1, 1, -1):
            short = (" ".join(words[:n]), within)
            if short not in by_key or count(short) <= count((key, within)):
                continue
            tail = " ".join(words[n:])
            unused = not count((key, within))  # seen with no office: the run-on clause may go on
            if tail in verbs or unused and (any(tail.startswith(v + " ") for v in verbs) and not _names_province(tail)
                                            or _lower_case_run_on(key, short[0], by_key[key, within], orgs, lex)):
                yield (key, within), short
            break


def _lower_case_run_on(key: str, short: str, nodes, orgs: dict[str, dict], lex) -> bool:
    """Whether a label of `nodes` keyed `key` goes on past its part keyed `short` with a lower-case word that
    no unit's name has ("… Gò Môn bán chịu", not "… Việt Nam", "… tỉnh X", "… và Y", "… Tổng công|ty")."""
    for label in (label for i in nodes for label in orgs[i]["labels"] if org_key(label) == key):
        written = label.split()
        cut = next((n for n in range(1, len(written)) if org_key(" ".join(written[:n])) == short), None)
        if cut is None:
            continue
        first = written[cut]
        return first[:1].islower() and first.isalpha() and first not in lex.org_vocabulary \
            and not _names_province(key[len(short):]) \
            and not lex.place_words.match([first], 0) and first not in lex.org_name["and"] \
            and not lex.org_phrases.match([written[cut - 1].lower(), first], 0) \
            and lex.heads.match([written[cut - 1].lower(), first], 0) is None
    return False


def _renamed_districts(by_key):
    """(key, key) of one district written with the word of another time ("thị xã Đồ Sơn", a quận since
    2007): the same name in the same province after a different district word, where the tables
    (`districts.csv`, `districts_former.csv`) know one district of that name there. "huyện Cao Lãnh" and
    "thành phố Cao Lãnh" are both in the tables, and stay two units."""
    lex = lexicon()
    words = sorted((" ".join(_fold(w)) for w in lex.district_words), key=len, reverse=True)
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (word, name), provinces in lex.districts.items():
        for province in provinces if word else ():
            kinds[iris.slug(province), " ".join(_fold(name))].add(word)
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for key, within in by_key:
        for word in words if within else ():
            at = f" {key} ".rfind(f" {word} ")
            if at >= 0:
                name = key[at + len(word) + 1:]
                if len(kinds.get((within, name), ())) == 1:
                    groups[key[:at].strip(), name, within].append((key, within))
                break
    for group in groups.values():
        yield from ((other, group[0]) for other in group[1:])


@dataclass
class Event:
    """A change event of the reference data."""

    iri: str
    kind: str
    date: str
    source: str
    originals: list[str]
    results: list[str]


def org_iri_for(label: str) -> str:
    return str(iris.org_iri_for(label))


def _reorg_rows():
    with resources.files("partygraph.data").joinpath("party_reorg_2025.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


#: Provincial institutions that carry on in the merged province under its name.
CONTINUING_HEADS = ("Đảng bộ", "Ban Chấp hành Đảng bộ", "Ủy ban nhân dân", "Hội đồng nhân dân",
                    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đoàn đại biểu Quốc hội")


def reference_events(orgs: dict[str, dict] | None = None) -> tuple[list[Event], dict[str, dict]]:
    """The 2025 reorganisation as events, joined to the organisations in a store.

    Returns the events and the organisations they mint (IRI → label, type,
    province, level). With `orgs` (from `read_orgs`), templates are
    instantiated for the Khối units present, and every continuing provincial
    institution of a merged province in the store gets its successor.
    """
    orgs = orgs or {}
    minted: dict[str, dict] = {}

    def mint(label, kind=PG + "PartyOrganization", province=None, level=PG + "ProvincialLevel"):
        iri = org_iri_for(label)
        minted.setdefault(iri, {"label": label, "type": kind, "province": province, "level": level})
        return iri

    events: list[Event] = []
    rows = _reorg_rows()
    by_event: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_event[row["event"]].append(row)
    labels_in_store = {org_key(l): iri for iri, d in orgs.items() for l in d["labels"]}
    for ev_id, ev_rows in by_event.items():
        template = any("{unit}" in r["label"] for r in ev_rows)
        provinces = sorted(set(province_kinds())) if template else [None]
        for prov in provinces:
            fill = (lambda s: s.replace("{unit}", unit_phrase(prov))) if prov else (lambda s: s)
            originals, results = [], []
            # Originals first: a template whose Khối units are not in the store mints nothing.
            for r in sorted(ev_rows, key=lambda r: r["side"] != "original"):
                label = fill(r["label"])
                if r["side"] == "original":
                    if template:
                        iri = labels_in_store.get(org_key(label))
                        if iri:
                            originals.append(iri)
                    else:
                        originals.append(labels_in_store.get(org_key(label)) or
                                         mint(label, level=PG + "CentralLevel"))
                elif originals or not template:
                    results.append(labels_in_store.get(org_key(label)) or
                                   mint(label, province=prov, level=PG + ("ProvincialLevel" if prov else "CentralLevel")))
            if template and not originals:
                continue
            suffix = f"-{slug(prov)}" if prov else ""
            events.append(Event(str(reference_event_iri(f"{ev_id}{suffix}")), ev_rows[0]["kind"], ev_rows[0]["date"],
                                ev_rows[0]["source"], sorted(set(originals)), sorted(set(results))))
    # Province mergers of 2025-07-01: one event per new province and institution.
    new_of: dict[str, list[str]] = defaultdict(list)
    for old, new in province_successors().items():
        new_of[new].append(old)
    source = ("Quyết định của Bộ Chính trị thành lập đảng bộ tỉnh, thành phố mới (hiệu lực 1/7/2025, "
              "vd. 328-QĐ/TW An Giang); Nghị quyết 202/2025/QH15; bảng sáp nhập vietnamadminunits 1.0.4")
    store_by_label = {l: iri for iri, d in orgs.items() for l in d["labels"]}
    for new, olds in sorted(new_of.items()):
        if len(olds) < 2:
            continue
        for head in CONTINUING_HEADS:
            originals, results = [], []
            present = False
            for old in sorted(olds):
                label = f"{head} {unit_phrase(old)}"
                iri = store_by_label.get(label)
                present = present or (iri is not None and old != new)
                originals.append(iri or (mint(label, province=old) if head == "Đảng bộ" else None))
            if head != "Đảng bộ" and not present:
                continue  # only the party organisations are listed whether or not articles name them
            kind = orgs.get(next((o for o in originals if o in orgs), ""), {}).get("types", set())
            cls = next((t for t in sorted(kind) if t.startswith(PG)), PG + "PartyOrganization")
            new_label = f"{head} {unit_phrase(new)}"
            results.append(store_by_label.get(new_label) or mint(new_label, kind=cls, province=new))
            events.append(Event(str(reference_event_iri(f"merger-2025-{slug(head)}-{slug(new)}")), ChangeKind.MERGER,
                                MERGER_DATE.isoformat(), source, sorted(o for o in originals if o), results))
    return events, minted


# ---------------------------------------------------------------------------
# Triples and the store

def _lit(value, dtype=None, lang=None):
    if lang:
        return ox.Literal(value, language=lang)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + dtype)) if dtype else ox.Literal(value)


def _t(s, p, o):
    s = s if isinstance(s, (ox.NamedNode, ox.BlankNode)) else ox.NamedNode(s)
    o = o if isinstance(o, (ox.NamedNode, ox.Literal, ox.BlankNode)) else ox.NamedNode(o)
    return ox.Triple(s, ox.NamedNode(p), o)


#: Kind of change → its pg: individual (pg:Merger…).
CHANGE_KINDS = {kind: pg(kind.value.capitalize()) for kind in ChangeKind}


def reference_triples(events: list[Event], minted: dict[str, dict]) -> list[ox.Triple]:
    """The reference graph: events, the organisations they mint, successor links."""
    out = []
    for iri, d in sorted(minted.items()):
        out += [_t(iri, RDF_TYPE, ORG + "Organization"), _t(iri, RDF_TYPE, d["type"]),
                _t(iri, SKOS + "prefLabel", _lit(d["label"], lang="vi")), _t(iri, PG + "level", d["level"])]
        if d["province"]:
            out.append(_t(iri, PG + "province", _lit(d["province"])))
    for e in events:
        out += [_t(e.iri, RDF_TYPE, ORG + "ChangeEvent"), _t(e.iri, PG + "kind", CHANGE_KINDS[ChangeKind(e.kind)]),
                _t(e.iri, RDFS + "comment", _lit(e.source, lang="vi"))]
        if re.fullmatch(r"\d{4}-\d\d-\d\d", e.date):
            out.append(_t(e.iri, SDO + "startDate", _lit(e.date, "date")))
        elif re.fullmatch(r"\d{4}", e.date):
            out.append(_t(e.iri, SDO + "startDate", _lit(e.date, "gYear")))
        for o in e.originals:
            out.append(_t(e.iri, ORG + "originalOrganization", o))
            out.append(_t(o, ORG + "changedBy", e.iri))
        for r in e.results:
            out.append(_t(e.iri, ORG + "resultingOrganization", r))
            out.append(_t(r, ORG + "resultedFrom", e.iri))
        for o in e.originals:
            for r in e.results:
                if o != r:
                    out.append(_t(o, PG + "successor", r))
    return out
