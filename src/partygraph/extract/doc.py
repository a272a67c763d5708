"""The document the extraction components read and add to.

A `Doc` is one article after normalisation: its sentences, the article-level
context (date, provinces named), and, per sentence, the mentions the
components find (`SentenceMentions`). Components append facts to the
`Doc`'s lists; none rewrites what another one wrote (the tidy component at
the end merges duplicates and folds in reported sizes).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from partygraph.extract.orgs import Org, OrgReader, OrgRegistry
from partygraph.extract.people import PersonMention, PersonReader
from partygraph.extract.records import Change, Congress, Evidence, Extraction, Office
from partygraph.tokens import Sentence, tokenize
from partygraph.lexicon import Lexicon, Role
from partygraph.normalise import Normalised, normalise_text
from partygraph.read import Article


@dataclass(frozen=True, slots=True)
class Title:
    """A title as written: role, organisation (None when not named), token span, former, term."""

    role: Role
    org: Org | None
    start: int
    end: int
    former: bool
    term: tuple[int, int] | None


@dataclass
class SentenceMentions:
    """What the mention components found in one sentence."""

    index: int
    sentence: Sentence
    evidence: Evidence
    orgs: list[tuple[int, int, Org]] = field(default_factory=list)  # (start, end, org as read)
    persons: list[PersonMention] = field(default_factory=list)
    titles: dict[int, Title] = field(default_factory=dict)  # by the token the title starts at
    title_ends: dict[int, Title] = field(default_factory=dict)  # the longest title ending at a token
    term: tuple[int, int] | None = None  # "nhiệm kỳ 2020-2025" anywhere in the sentence
    after_appositions: dict[int, int] = field(default_factory=dict)  # person start -> token after its appositions
    references: set[int] = field(default_factory=set)  # starts of "ông An", "ông" meaning a person named before

    @property
    def person_starts(self) -> set[int]:
        return {p.hon_start for p in self.persons}

    @property
    def person_ends(self) -> set[int]:
        """The tokens right after a name or its appositions (where a verb of that person would stand)."""
        return {p.end for p in self.persons} | set(self.after_appositions.values())

    @property
    def persons_by_start(self) -> dict[int, PersonMention]:
        return {p.hon_start: p for p in self.persons}


@dataclass(frozen=True, slots=True)
class SizeReport:
    """'bầu Ban Chấp hành … gồm 27 đồng chí': sizes reported for the congress at `congress` (an index)."""

    congress: int
    sizes: dict


class Doc:
    """One article as the extraction components see it."""

    def __init__(self, article: Article, norm: Normalised, sents: list[Sentence], lex: Lexicon):
        self.article, self.norm, self.sents, self.lex = article, norm, sents, lex
        self.date: date | None = None
        self.province: str | None = None
        self.province_mentions: list[tuple[int, str]] = []
        self.local_mentions: list[tuple[int, str, str]] = []  # (offset, place word, name): "xã", "Thạnh An"
        self.casing: dict[str, str] = {}
        self.reader: OrgReader | None = None
        self.people = PersonReader(lex)
        self.registry = OrgRegistry()
        self.named_in_full: dict[str, Org] = {}  # a unit's short name -> the one unit the article names in full
        self.mentions: list[SentenceMentions] = []
        # facts, appended by the components; `tidy` turns them into the Extraction
        self.offices: list[tuple[int, Office]] = []  # (sentence index, office)
        self.congresses: list[tuple[int, Congress]] = []
        self.sizes: list[SizeReport] = []
        self.committee_terms: dict[str, set[tuple[int, int]]] = {}  # unit or committee key -> terms stated
        self.changes: list[Change] = []
        self.stated_parents: set[tuple[str, str]] = set()
        self.persons: dict[str, tuple[int, Evidence]] = {}
        self.orgs: dict[str, tuple[int, Org, Evidence]] = {}
        self.alt_labels: dict[str, set[str]] = {}
        self._org_cache: dict[str, Org | None] = {}
        self._foreign: bool | None = None

    # -- context -----------------------------------------------------------
    def province_at(self, pos: int) -> str | None:
        """The province a bare 'tỉnh' at `pos` means: the nearest named before it, else the article's."""
        best = None
        for p, name in self.province_mentions:
            if p < pos:
                best = name
            else:
                break
        return best or self.province

    def local_at(self, word: str, pos: int, prefix: str | None = None) -> str | None:
        """The district or commune a bare place word ("xã", "huyện") at `pos` means: the last one of
        that word named before it; with `prefix`, the last whose name begins with it."""
        best = None
        for p, w, name in self.local_mentions:
            if p >= pos:
                break
            if w == word and (prefix is None or name.startswith(prefix + " ")):
                best = name
        return best

    def evidence(self, s: Sentence) -> Evidence:
        a, b = self.norm.raw_span(s.start, s.end)
        return Evidence(a, b, self.article.text[a:b])

    @property
    def names_foreign_country(self) -> bool:
        """Whether the article names another country anywhere ("Trung Quốc", "Lào")."""
        if self._foreign is None:
            self._foreign = any(self.lex.foreign_at(s.keys, k, in_text=True)
                                for s in self.sents for k in range(len(s.keys)))
        return self._foreign

    # -- organisations -----------------------------------------------------
    def resolve(self, org: Org | None, pos: int) -> Org | None:
        """A full organisation for a mention; a bare one ("Đảng ủy Khối") from the article's other mentions."""
        if org is None or not org.bare:
            return org
        if org.parent is not None and org.parent.bare:
            parent = self.resolve(org.parent, pos)
            if parent is None or (org.kind == "executive" and org.parent.label == self.lex.generic_unit
                                  and any(parent.label.startswith(u + " ") for u in self.lex.named_units)):
                return None  # a bare "Đảng ủy" is never the Tỉnh ủy or a Huyện ủy, which have names of their own
            if org.kind == "executive":
                return self.reader.executive_of(parent)
            if org.kind == "committee":
                return self.reader.committee(org.head, org.kind, parent)
        found = self.registry.resolve(org, pos)
        if found is None and org.kind in ("state", "mass") and org.parent is None:
            return replace(org, bare=False)  # kept, scoped to this article
        return found

    def org_by_label(self, label: str) -> Org | None:
        if label not in self._org_cache:
            toks = tokenize(normalise_text(label), 0, self.lex.abbreviations)
            r = self.reader.read(toks, 0)
            self._org_cache[label] = r[1] if r else None
        return self._org_cache[label]

    # -- facts -------------------------------------------------------------
    def record_org(self, org: Org | None, ev: Evidence, sent: int) -> None:
        """An organisation and its parents, cited by the earliest sentence that names them."""
        org = self.named_in_full.get(org.label, org) if org is not None else None
        while org is not None and not org.bare:
            k = org.key
            seen = self.orgs.get(k)
            if seen is None or sent < seen[0]:
                if seen is not None and seen[1].label != org.label:
                    self.alt_labels.setdefault(k, set()).add(seen[1].label)
                self.orgs[k] = (sent, org, ev)
            elif org.label != seen[1].label:
                self.alt_labels.setdefault(k, set()).add(org.label)
            for alt in org.alt:
                self.alt_labels.setdefault(k, set()).add(alt)
            org = org.parent

    def add_person(self, name: str, ev: Evidence, sent: int) -> None:
        seen = self.persons.get(name)
        if seen is None or sent < seen[0]:
            self.persons[name] = (sent, ev)

    def add_office(self, m: SentenceMentions, person: str, t: Title, status: str) -> None:
        if t.org is None or t.org.bare:
            return
        org = self.named_in_full.get(t.org.label, t.org)
        self.add_person(person, m.evidence, m.index)
        self.record_org(org, m.evidence, m.index)
        self.offices.append((m.index, Office(person, t.role, org, status, t.term, m.evidence)))

    def elected_before(self, m: SentenceMentions, pos: int) -> bool:
        """'bầu đồng chí A …', or an election sentence (after a congress) that lists results with ';'."""
        keys = m.sentence.keys
        if "bầu" in keys[:pos] and ";" in keys[:pos] and any(i < m.index for i, _ in self.congresses):
            return True
        for back in (1, 2, 3, 4):
            j = pos - back
            if j >= 0:
                found = self.lex.elect_verbs.match(keys, j)
                if found and found[0] >= pos - 2 and keys[j] in self.lex.links["list_elect"]:
                    return True
        return False

    def leads_foreign_delegation(self, keys, k: int) -> bool:
        """Whether token `k` follows the "do" of "đoàn … <another country> … do …": that delegation's leader."""
        links = self.lex.links
        if k < 1 or keys[k - 1] not in links["led_by"]:
            return False
        window = keys[max(0, k - 16):k - 1]
        delegation = [i for i, w in enumerate(window) if w in links["delegation"]]
        if not delegation:
            return False
        return any(self.lex.foreign_at(window, i, in_text=True) for i in range(delegation[-1] + 1, len(window)))

    def context_org(self, m: SentenceMentions, before: int) -> Org | None:
        """The last party unit the sentence names before token `before`."""
        best = None
        for i, _, org in m.orgs:
            if i < before and org.kind in ("party", "executive"):
                best = self.resolve(org, m.sentence.tokens[i].start)
        if best is not None and best.kind == "executive" and best.parent is not None:
            best = best.parent
        return best

    def extraction(self) -> Extraction:
        """The facts as the frozen records the RDF mapping reads (after `tidy`)."""
        out = Extraction(article=self.article, date=self.date, province=self.province)
        out.persons = {name: ev for name, (_, ev) in self.persons.items()}
        out.orgs = {k: org for k, (_, org, _) in self.orgs.items()}
        out.org_evidence = {k: ev for k, (_, _, ev) in self.orgs.items()}
        out.offices = [o for _, o in self.offices]
        out.congresses = [c for _, c in self.congresses]
        out.changes = list(self.changes)
        out.stated_parents = set(self.stated_parents)
        out.alt_labels = {k: set(v) for k, v in self.alt_labels.items()}
        return out
