"""Load the vocabulary the extractor reads: role scheme, heads, abbreviations, provinces.

Everything here is data under `ontology/` and `src/partygraph/data/`; this
module only loads it once, checks it, and indexes it for fast matching.
A broken data file fails at load time with a message naming it.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from partygraph.errors import PartygraphError, VocabularyError
from partygraph.normalise import normalise_text
from partygraph.phrasing import Phrasing
from partygraph.tokens import tokenize

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE / "data"
ONTOLOGY = PACKAGE / "ontology"

PG = "https://w3id.org/partygraph/ontology#"
ROLE_NS = "https://w3id.org/partygraph/role/"


def key(text: str) -> str:
    """Matching key of a word or phrase: normalised, lower case."""
    return normalise_text(text).lower()


def keys(text: str) -> tuple[str, ...]:
    """Matching keys of the words of a phrase."""
    return tuple(t.key for t in tokenize(normalise_text(text)))


def expanded_keys(text: str, abbreviations: dict) -> tuple[str, ...]:
    """Matching keys of a phrase as the extractor sees it, abbreviations expanded."""
    return tuple(t.key for t in tokenize(normalise_text(text), 0, abbreviations))


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    vi: str
    en: str
    org_starts_with: str | None
    implied_org: str | None
    broader: str | None
    alts: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        return ROLE_NS + self.id


@dataclass(frozen=True, slots=True)
class Head:
    label: str
    kind: str
    read: str
    unit: str | None = None
    short: str | None = None
    fixed: str | None = None
    level: str | None = None
    of: str | None = None
    needs_parent: bool = False
    needs_name: bool = False
    needs_place: bool = False
    local: bool = False  # the name is unique only within a province ("Sở Tài chính")
    free: bool = False  # the name may hold any lower-case words ("Hội Nghề cá Việt Nam")
    national: str | None = None  # with no place after it: this national body ("Mặt trận Tổ quốc Việt Nam")
    of_state: str | None = None  # its kind under a state body ("Văn phòng Bộ Xây dựng", "Ban cán sự đảng Bộ Y tế")
    nests: bool = False  # a district's body belongs to its province's ("UBND huyện X" in "UBND tỉnh Y")
    abroad: bool = False  # an international body: its officials hold no Vietnamese office ("Tổng Giám đốc WHO")


@dataclass(frozen=True, slots=True)
class Province:
    name: str
    kind: str
    era: str


class Trie:
    """Longest-match lookup of word-key sequences."""

    def __init__(self):
        self.root: dict = {}

    def add(self, words: tuple[str, ...], value) -> None:
        node = self.root
        for w in words:
            node = node.setdefault(w, {})
        node.setdefault(None, value)

    def match(self, words, start: int):
        """(end, value) of the longest entry starting at words[start], or None."""
        node, best = self.root, None
        for i in range(start, len(words)):
            node = node.get(words[i])
            if node is None:
                break
            if None in node:
                best = (i + 1, node[None])
        return best


class Lexicon:
    """All vocabulary, indexed. Use `lexicon()` for the shared instance."""

    def __init__(self, data: Path | None = None):
        data = Path(data) if data else DATA  # another folder of vocabulary files (tests)
        self.raw = self._yaml(data / "lexicon.yaml")
        check_lexicon(self.raw, data / "lexicon.yaml")
        self.roles = self._roles(ONTOLOGY / "roles.ttl")
        self.role_trie = Trie()
        for role in self.roles.values():
            for form in role_forms(role):
                self.role_trie.add(keys(form), role)
        self.heads = Trie()
        short_forms = []
        self.fixed_heads: dict[str, Head] = {}  # a fixed body's head by its label ("Chính phủ")
        self.generic_unit: str | None = None
        self.named_units: set[str] = set()
        for entry in self.raw["heads"]:
            forms = entry.pop("forms")
            head = Head(label=entry.pop("label", None) or entry.get("fixed") or forms[0], **entry)
            for form in forms:
                self.heads.add(keys(form), head)
            if head.kind == "executive" and head.unit and head.short:
                short_forms.append((head.unit, head.short))
                if head.level is None:  # "Đảng ủy": the committee of a unit of no level of its own ("Đảng bộ")
                    self.generic_unit = head.unit
                else:  # "Tỉnh ủy" leads "Đảng bộ tỉnh …": a unit whose committee has a name of its own
                    self.named_units.add(head.unit)
            if head.fixed:
                self.fixed_heads.setdefault(head.fixed, head)
        # "Đảng bộ tỉnh X" is called "Tỉnh ủy X" by its executive committee: the longest unit first
        self.short_forms = sorted(short_forms, key=lambda pair: -len(pair[0]))
        self.abbreviations = self._abbreviations(data / "abbreviations.csv")
        self.place_words = Trie()
        for form in self.raw["place_words"]:
            self.place_words.add(keys(form), form)
        self.place_levels = self.raw["place_levels"]
        #: the words of the district and commune levels, as word tuples ("thị xã" → ("thị", "xã"))
        self.local_place_words = tuple(tuple(w.split()) for w, level in self.place_levels.items()
                                       if level in ("district", "grassroots"))
        self.org_words = {key(w) for w in self.raw["org_words"] if " " not in w}
        self.org_phrases = self._phrase_trie([w for w in self.raw["org_words"] if " " in w])
        self.org_vocabulary = {k for w in self.raw["org_words"] for k in keys(w)}
        self.proper_phrases = Trie()
        for form in self.raw["proper_phrases"]:
            self.proper_phrases.add(keys(form), normalise_text(form))
        self.name_stops = self._phrase_trie(self.raw["name_stops"])
        self.appositives = self._phrase_trie(self.raw["org_name"]["appositives"])
        self.clause_openers = self._phrase_trie(self.raw["org_name"]["clause_openers"])
        self.others_after_and = self._phrase_trie(self.raw["org_name"]["others_after_and"])
        self.bodies_after_and = self._phrase_trie(self.raw["org_name"]["bodies_after_and"])
        self.title_goes_on = self._phrase_trie(self.raw["links"]["title_goes_on"])
        self.honorifics = self._phrase_trie(self.raw["honorifics"])
        self.honorific_starts = {keys(h)[0] for h in self.raw["honorifics"]}
        self.bylines = self._phrase_trie(self.raw["bylines"])
        self.weak_surnames = {key(w) for w in self.raw["weak_surnames"]}
        self.office_verbs = Trie()
        for group in self.raw["office_verbs"]:
            for form in group["forms"]:
                self.office_verbs.add(keys(form), (group["status"], group.get("role")))
        self.former_markers = {key(w) for w in self.raw["former_markers"]}
        self.former_org_markers = {key(w) for w in self.raw["former_org_markers"]}
        self.elect_verbs = self._phrase_trie(self.raw["elect_verbs"])
        self.decision_words = Trie()
        for group in self.raw["decision_words"]:
            for form in group["forms"]:
                self.decision_words.add(keys(form), group["status"])
        self.decision_links = self._phrase_trie(self.raw["decision_links"])
        self.decision_blockers = self._phrase_trie(self.raw["decision_blockers"])
        self.past_openers = self._phrase_trie(self.raw["past_openers"])
        self.proper_phrase_keys = [list(keys(p)) for p in self.raw["proper_phrases"]]
        self.party_roles = set(self.raw["unit_roles"]) | set(self.raw["party_committee_roles"])
        self.auxiliaries = self._phrase_trie(self.raw["auxiliaries"])  # "đã", "tiếp tục": phrases
        self.units_under_province = Trie()
        for form in self.raw["units_under_province"]:
            self.units_under_province.add(tuple(normalise_text(form).lower().split()), form)
        self.role_list_links = self._phrase_trie(self.raw["role_list_links"])
        self.change_verbs = Trie()
        for kind, forms in self.raw["changes"].items():
            if kind.endswith("_blockers") or kind == "merger_result_before":
                continue
            for form in forms:
                self.change_verbs.add(keys(form), kind)
        self.change_blockers = self._phrase_trie(self.raw["changes"]["founding_blockers"])
        self.merger_result_before = [keys(f) for f in self.raw["changes"]["merger_result_before"]]
        self.surnames = {key(w) for w in self.raw["surnames"]}
        self.not_party_after_central = {key(w) for w in self.raw["not_party_after_central"]}
        self.foreign = self._phrase_trie(self.raw["foreign"])
        self.foreign_in_text = self._phrase_trie(
            [w for w in self.raw["foreign"] if w not in set(self.raw["foreign_name_syllables"])])
        self.legal_forms = {key(w) for w in self.raw["legal_forms"]}
        self.not_person_names = {key(w) for w in self.raw["not_person_names"]}
        self.name_end_stops = {key(w) for w in self.raw["name_end_stops"]}
        self.not_names = {key(w) for w in self.raw["not_names"]}
        self.never_in_names = {key(w) for w in self.raw["never_in_names"]}
        self.name_blockers = self._phrase_trie(self.raw["name_blockers"])
        # the same contexts, less place words: "tư tưởng Hồ Chí Minh" is no mention of the city
        self.idea_blockers = self._phrase_trie(
            [w for w in self.raw["name_blockers"] if key(w) not in {key(p) for p in self.raw["place_words"]}]
            + self.raw["idea_blockers"])
        self.provinces, self.province_trie = self._provinces(data / "provinces.csv", self.abbreviations)
        # a centrally run city → the day it became one (before, its units were a province's: "tỉnh"), and the names
        # it had as a province
        cities = _csv_rows(data / "central_cities.csv", ("name", "since"))
        self.city_since = {r["name"]: r["since"] for r in cities}
        self.city_province_names = {r["name"]: [n.strip() for n in (r.get("province_names") or "").split(";")
                                                if n.strip()] for r in cities}
        self.districts = self._places_by_name(data / "districts.csv", data / "districts_former.csv")
        self.communes = self._places_by_name(data / "communes.csv")
        # the place words of each table, longest first ("thị trấn" before "thị"): "huyện", "quận", "thị xã" …
        self.district_words, self.commune_words = (
            tuple(sorted({w for w, _ in table if w}, key=len, reverse=True)) for table in (self.districts, self.communes))
        # first words that can open a title: a role, a former marker, or "Tỉnh ủy" of "Tỉnh ủy viên"
        self.title_starts = set(self.role_trie.root) | self.former_markers | set(self.heads.root)
        self.links = _links(self.raw["links"])
        self.org_name = _links(self.raw["org_name"])
        self.generic_names = frozenset(generic_key(n) for n in self.raw["org_name"]["generic_names"])
        self.unit_nouns = self._phrase_trie(self.raw["org_name"]["unit_nouns"])
        self.person_details = self._phrase_trie(self.raw["links"]["person_detail"])
        # "Văn hóa, Thể thao và Du lịch": the words before the comma and the keys after it
        self.and_names = self._phrase_trie(self.raw["org_name"]["and_names"])
        self.comma_names = tuple((tuple(before.split()), tuple(after.replace(",", " ,").split()))
                                 for before, after in (n.split(", ", 1) for n in self.org_name["comma_names"]))
        self.congress = _CongressWords(self.raw["congress"])
        self.phrasing = Phrasing(self.raw["phrasing"])

    @staticmethod
    def _yaml(path: Path) -> dict:
        try:
            return yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise VocabularyError(f"{path}: broken vocabulary file ({' '.join(str(exc).split())})") from None

    def foreign_at(self, words, i: int, in_text: bool = False) -> bool:
        """Another country is named at words[i] ("Trung Quốc", "Lào"; not the province "Lào Cai").

        `in_text`: anywhere in running text, where "Đức" or "Mỹ" are more often part of a name.
        """
        return self.foreign_end(words, i, in_text) is not None

    def foreign_end(self, words, i: int, in_text: bool = False) -> int | None:
        """Where the name of another country at words[i] ends (`foreign_at`), else None."""
        found = (self.foreign_in_text if in_text else self.foreign).match(words, i)
        return found[0] if found and self.province_trie.match(words, i) is None else None

    @staticmethod
    def _phrase_trie(forms) -> Trie:
        trie = Trie()
        for form in forms:
            trie.add(keys(form), form)
        return trie

    @staticmethod
    def _roles(path: Path) -> dict[str, Role]:
        from rdflib import Graph, Literal, Namespace, URIRef
        from rdflib.namespace import RDF, SKOS

        pg = Namespace(PG)
        g = Graph()
        try:
            g.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser error types
            raise PartygraphError(f"{path}: broken role scheme ({exc})") from None
        roles = {}
        for concept in g.subjects(RDF.type, SKOS.Concept):
            rid = str(concept).removeprefix(ROLE_NS)
            labels = {l.language: str(l) for l in g.objects(concept, SKOS.prefLabel) if isinstance(l, Literal)}
            if "vi" not in labels:
                raise PartygraphError(f"{path}: role {rid} has no Vietnamese skos:prefLabel")
            broader = g.value(concept, SKOS.broader)
            roles[rid] = Role(
                id=rid, vi=normalise_text(labels["vi"]), en=labels.get("en", labels["vi"]),
                org_starts_with=_opt(g.value(concept, pg.organizationStartsWith)),
                implied_org=_opt(g.value(concept, pg.impliedOrganization)),
                broader=str(broader).removeprefix(ROLE_NS) if isinstance(broader, URIRef) else None,
                alts=tuple(sorted(str(l) for l in g.objects(concept, SKOS.altLabel))))
        return roles

    def _abbreviations(self, path: Path) -> dict[str, tuple[str, ...]]:
        out = {}
        for row in _csv_rows(path, ("abbreviation", "expansion")):
            abbr = normalise_text(row["abbreviation"].strip())
            out[abbr] = tuple(normalise_text(row["expansion"].strip()).split())
        return out

    @staticmethod
    def _provinces(path: Path, abbreviations: dict):
        provinces: dict[str, Province] = {}
        trie = Trie()
        if not path.exists():
            return provinces, trie
        for row in _csv_rows(path, ("name",)):
            name = normalise_text(row["name"].strip())
            prov = Province(name=name, kind=row.get("kind", ""), era=row.get("era", ""))
            provinces[name] = prov
            trie.add(keys(name), prov)
            for alias in filter(None, (a.strip() for a in (row.get("aliases") or "").split(";"))):
                for variant in (keys(alias), expanded_keys(alias, abbreviations)):
                    trie.add(variant, prov)
                    # "TP.HCM" is read as the place word "thành phố" and then "HCM"
                    for place in (("thành", "phố"), ("tỉnh",)):
                        if variant[:len(place)] == place and len(variant) > len(place):
                            trie.add(variant[len(place):], prov)
        return provinces, trie


    @staticmethod
    def _places_by_name(*paths: Path) -> dict[tuple[str, str], frozenset[str]]:
        """("huyện", "châu thành") -> the provinces with a district (or commune) of that name (before July
        2025); also ("", "phú quốc"): the provinces with one of that name whatever its kind, for a place
        named as it was before it became a town or a city ("huyện Phú Quốc", a city since 2020)."""
        out: dict[tuple[str, str], set[str]] = {}
        for path in filter(Path.exists, paths):
            for row in _csv_rows(path, ("word", "name", "province")):
                name = row["name"].split(" (", 1)[0].lower()  # "Kỳ Anh (Thị xã)": the tables' own qualifier
                out.setdefault((row["word"], name), set()).add(row["province"])
                out.setdefault(("", name), set()).add(row["province"])
        return {k: frozenset(v) for k, v in out.items()}


def generic_key(label: str) -> str:
    """A name folded for `Lexicon.generic_names`: case, "-", "và" ("Vụ Tổ chức - Cán bộ" is "vụ tổ chức cán bộ")."""
    return " ".join(w for w in normalise_text(label).casefold().replace("-", " ").split() if w != "và")


# ---------------------------------------------------------------------------
# Checks: a broken vocabulary file is one error naming the file, the entry
# and the problem, at load time (not a TypeError in every article).

_WORDS, _MAPPING, _TEXT = "a list of words", "a mapping", "a text"
#: lexicon.yaml's sections: a list of words, a mapping, or entries (one or a
#: list) with their required keys and the keys they may have.
_HEAD_KEYS = {f.name for f in dataclasses.fields(Head)} | {"forms"}
SECTIONS: dict[str, object] = {
    "heads": ("list", {"forms", "kind", "read"}, _HEAD_KEYS),
    "office_verbs": ("list", {"forms", "status"}, {"forms", "status", "role"}),
    "central_secretary": ("one", {"role", "organization"}, {"role", "organization"}),
    "decision_words": ("list", {'forms', 'status'}, {'forms', 'role', 'status'}),
    "honorific_sex": _MAPPING,
    "heads_left_out": ("list", {"before", "head", "roles"}, {"before", "head", "roles"}),
    "place_levels": _MAPPING, "changes": _MAPPING, "ordinal_words": _MAPPING,
    "districts_abolished": _TEXT,
    "links": _MAPPING, "congress": _MAPPING, "phrasing": _MAPPING, "org_name": _MAPPING,
    **dict.fromkeys((
        "place_words", "org_words", "name_stops", "honorifics", "auxiliaries", "former_markers",
        "former_org_markers", "elect_verbs", "role_list_links", "surnames", "not_names", "name_blockers",
        "unit_roles", "congress_verbs", "idea_blockers", "not_party_after_central", "foreign",
        "foreign_name_syllables", "not_person_names", "name_end_stops", "proper_phrases",
        "units_under_province", "legal_forms", "focus_levels", "numbered_places", "party_committee_roles",
        "delegation_roles", "past_openers", "decision_blockers", "decision_links", "home_state_roles",
        "shared_abroad", "never_in_names", "bylines", "weak_surnames"), _WORDS),
}
#: Values a head's key may take (see the comment at the top of lexicon.yaml).
HEAD_CHOICES = {"kind": {"party", "executive", "committee", "state", "mass", "media", "enterprise", "other", "skip"},
                "read": {"none", "place", "name", "parent"}, "of_state": {"state", "committee"}}


def _hint(word: str, known) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(sorted(known))})"


def check_lexicon(raw, path: Path) -> None:
    """Raise one VocabularyError for the first unknown or missing section, key or ill-typed value."""
    def fail(where: str, problem: str):
        raise VocabularyError(f"{path}: {where}: {problem}")

    if not isinstance(raw, dict):
        fail("top level", "expected sections (a mapping)")
    for name in raw:
        if name not in SECTIONS:
            fail(str(name), "unknown section" + _hint(str(name), SECTIONS))
    for name, shape in SECTIONS.items():
        if name not in raw:
            fail(name, "section missing")
        value = raw[name]
        if shape is _WORDS:
            if not isinstance(value, list):
                fail(name, f"expected {_WORDS}")
            for i, word in enumerate(value, 1):
                if not isinstance(word, str) or not word.strip():
                    fail(f"{name} entry {i}", f"expected a word or phrase, got {word!r}")
        elif shape is _MAPPING:
            if not isinstance(value, dict):
                fail(name, f"expected {_MAPPING}")
        elif shape is _TEXT:
            if not isinstance(value, str) or not value.strip():
                fail(name, f"expected {_TEXT}")
        else:
            many, required, allowed = shape
            if many == "list" and not isinstance(value, list):
                fail(name, "expected a list of entries")
            for i, entry in enumerate(value if many == "list" else [value], 1):
                where = f"{name} entry {i}" if many == "list" else name
                if not isinstance(entry, dict):
                    fail(where, f"expected {_MAPPING}, got {entry!r}")
                _check_entry(entry, required, allowed, name, where, fail)


def _check_entry(entry: dict, required: set, allowed: set, section: str, where: str, fail) -> None:
    forms = entry.get("forms")
    if isinstance(forms, list) and forms and isinstance(forms[0], str):
        where += f" ({forms[0]})"
    for k in entry:
        if k not in allowed:
            fail(where, f"unknown key '{k}'" + _hint(str(k), allowed))
    for k in sorted(required - entry.keys()):
        fail(where, f"missing '{k}'")
    if "forms" in entry and (not isinstance(forms, list) or not forms
                             or not all(isinstance(f, str) and f.strip() for f in forms)):
        fail(where, "'forms' must be a non-empty list of words")
    types = {f.name: f.type for f in dataclasses.fields(Head)} if section == "heads" else {}
    for k, v in entry.items():
        if k == "forms" or v is None:
            continue
        if types.get(k) == "bool" and not isinstance(v, bool):
            fail(where, f"'{k}' must be true or false, not {v!r}")
        if isinstance(v, list) and section != "heads":
            if not all(isinstance(w, str) and w.strip() for w in v):
                fail(where, f"'{k}' must be a list of words, not {v!r}")
            continue
        if types.get(k) != "bool" and not isinstance(v, str):
            fail(where, f"'{k}' must be a string, not {v!r}")
        if section == "heads" and k in HEAD_CHOICES and v not in HEAD_CHOICES[k]:
            fail(where, f"{k} '{v}' is not one of " + ", ".join(sorted(HEAD_CHOICES[k])))


def _csv_rows(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Rows of a vocabulary CSV file ('#' lines are comments); one error for a missing column or value."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(line for line in fh if not line.startswith("#"))
            columns = reader.fieldnames or []
            for col in required:
                if col not in columns:
                    raise VocabularyError(f"{path}: header: missing column '{col}'" + _hint(col, columns))
            rows = []
            for row in reader:
                for col in required:
                    if not (row.get(col) or "").strip():
                        raise VocabularyError(f"{path}: row {len(rows) + 1} {dict(row)!r}: no '{col}'")
                rows.append(row)
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise VocabularyError(f"{path}: broken vocabulary file ({' '.join(str(exc).split())})") from None


def _links(raw: dict) -> dict:
    """Link words as matching keys: a set per kind, or a dict where the word says something more."""
    out = {}
    for name, value in raw.items():
        if isinstance(value, dict):
            out[name] = {key(k): (_links(v) if isinstance(v, dict) else {key(w) for w in v} if isinstance(v, list)
                                  else v) for k, v in value.items()}
        elif value and isinstance(value[0], dict):
            out[name] = value  # a table of entries, read by its user
        else:
            out[name] = {key(w) for w in value}
    return out


class _CongressWords:
    """How a congress is named, as tries and key sets (lexicon section `congress`)."""

    def __init__(self, raw: dict):
        self.word, self.skip, self.national, self.ordinal = (
            Lexicon._phrase_trie(raw[k]) for k in ("word", "skip", "national", "ordinal"))
        self.of, self.party, self.not_party = ({key(w) for w in raw[k]} for k in ("of", "party", "not_party"))
        self.opening, self.closing = raw["opening"], raw["closing"]
        self.national_years: dict[int, int] = dict(raw.get("national_years", {}))


def role_forms(role: Role) -> list[str]:
    return [role.vi, *role.alts]


def _opt(value) -> str | None:
    return normalise_text(str(value)) if value is not None else None


@functools.cache
def lexicon() -> Lexicon:
    """The shared, loaded vocabulary."""
    return Lexicon()
