"""Titles and chains of titles: "Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh X".

`TitleReader` reads a title (role, organisation, former marker, term) at a
token, and a chain of titles joined by commas or the chain links of the
lexicon ("kiêm", "và"). It reads only: the office components decide whose
titles they are.
"""

from __future__ import annotations

from dataclasses import replace

from partygraph.extract.doc import Doc, SentenceMentions, Title
from partygraph.extract.orgs import CENTRAL_EXEC, Org
from partygraph.extract.tokens import Sentence
from partygraph.lexicon import Role, keys as phrase_keys


class TitleReader:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.lex = doc.lex
        self.phrasing = doc.lex.phrasing

    def read(self, s: Sentence, i: int) -> Title | None:
        """The title starting at token i: "[nguyên] <role> [<organisation>] [, nhiệm kỳ …]"."""
        toks, keys, lex = s.tokens, s.keys, self.lex
        former, k = False, i
        if k < len(keys) and keys[k] in lex.former_markers:
            former, k = True, k + 1
        if k >= len(keys):
            return None
        member = self._member_of(s, i, k, former)  # "Tỉnh ủy viên"
        if member is not False:
            return member
        m = lex.role_trie.match(keys, k)
        if m is None:
            return None
        j, role = m
        if not toks[k].cap and not toks[k].abbr and k > 0 and keys[k - 1] in lex.links["class"]:
            return None  # "các bí thư chi bộ": a class of people, not an office
        org_start = j
        if role.org_starts_with:
            n_org = len(phrase_keys(role.org_starts_with))
            if keys[j - n_org:j] == list(phrase_keys(role.org_starts_with)):
                org_start = j - n_org
        org, end = None, j
        if org_start < len(toks):
            r = self.doc.reader.read(toks, org_start, s.allcaps, after_title=True)
            if r and (r[0] > j or (org_start < j and r[0] == j)):
                end, org = r
                org = self.doc.resolve(org, toks[org_start].start)
                if org is None:
                    return None
        if org is None and role.implied_org and not self._qualified(s, j):
            org = self.doc.org_by_label(role.implied_org)
        return self.finish(s, role, org, i, end, former)

    def _member_of(self, s: Sentence, i: int, k: int, former: bool):
        """'Tỉnh ủy viên': a member of the executive committee; False when the words are not that."""
        head = self.lex.heads.match(s.keys, k)
        if not (head and head[1].kind == "executive" and head[1].read == "place"):
            return False
        r = self.doc.reader.read(s.tokens, k, s.allcaps)
        if not (r and r[0] < len(s.keys) and s.keys[r[0]] == "viên"):
            return False
        org = self.doc.resolve(r[1], s.tokens[k].start)
        if org is None:
            return None
        return self.finish(s, self.lex.roles["uy-vien"], org, i, r[0] + 1, former)

    def _qualified(self, s: Sentence, j: int) -> bool:
        """'Thủ tướng Vương quốc Bỉ': a title qualified by a name that is not a person is not ours."""
        toks, keys = s.tokens, s.keys
        if j >= len(toks) or not (toks[j].is_word and toks[j].cap):
            return False
        if self.doc.people.read(toks, keys, j, False) is not None:
            return False
        return not self.lex.honorifics.match(keys, j)

    def finish(self, s: Sentence, role: Role, org: Org | None, start: int, end: int, former: bool) -> Title:
        """The unit a unit role belongs to, a former body ("(cũ)"), and a term written right after."""
        toks, keys, lex = s.tokens, s.keys, self.lex
        if org is not None:
            if role.id in lex.raw["unit_roles"] and org.kind == "executive":
                if org.label == CENTRAL_EXEC and role.id == lex.raw["central_secretary"]["role"]:
                    org = self.doc.org_by_label(lex.raw["central_secretary"]["organization"]) or org
                elif org.parent is not None:
                    org = org.parent
            # "Tỉnh ủy X (cũ)": a body that no longer exists
            if end + 2 < len(keys) and toks[end].text == "(" and keys[end + 1] in lex.links["former_body"] \
                    and toks[end + 2].text == ")":
                former, end = True, end + 3
            elif end < len(keys) and keys[end] in lex.links["former_body"]:
                former, end = True, end + 1
        term = None
        if 0 < end < len(toks):
            m = self.phrasing.term_after.match(s.text, toks[end - 1].end - s.start)
            if m and int(m.group(1)) < int(m.group(2)):
                term = (int(m.group(1)), int(m.group(2)))
                while end < len(toks) and toks[end].end <= s.start + m.end():
                    end += 1
        return Title(role, org, start, end, former, term)

    def chain(self, s: Sentence, k: int, stop_before: set[int]) -> list[Title]:
        """Titles separated by commas or chain links ("kiêm", "và"), starting at k.

        A title written right before another person's name is that person's
        ("Tổng Bí thư A, Phó Thủ tướng thường trực B"), so the chain stops there.
        """
        toks, keys = s.tokens, s.keys
        links = self.lex.links["chain"]
        chain: list[Title] = []
        while k < len(toks):
            t = self.read(s, k)
            if t is None or t.end in stop_before:
                break
            chain.append(t)
            k = t.end
            if k < len(toks) and (toks[k].text == "," or keys[k] in links):
                nxt = k + 1
                if nxt < len(toks) and keys[nxt] in self.lex.links["concurrent"]:
                    nxt += 1
                if self.read(s, nxt) is not None:
                    k = nxt
                    continue
            break
        return self._one_place_per_chain(s, chain)

    def membership(self, s: Sentence, k: int, role_id: str) -> list[Title]:
        """'tham gia Ban Chấp hành Đảng bộ tỉnh': the role (Ủy viên) in the executive or standing committee named."""
        r = self.doc.reader.read(s.tokens, k, s.allcaps, after_title=True) if k < len(s.tokens) else None
        if not r:
            return []
        org = self.doc.resolve(r[1], s.tokens[k].start)
        if org is None or org.kind not in ("executive", "committee"):
            return []
        return [self.finish(s, self.lex.roles[role_id], org, k, r[0], False)]

    def in_context(self, m: SentenceMentions, k: int) -> list[Title]:
        """'được bầu giữ chức Bí thư' with no organisation: the party body the sentence names."""
        found = self.lex.role_trie.match(m.sentence.keys, k)
        if not found:
            return []
        org = self.doc.context_org(m, k)
        if org is None:
            return []
        return [self.finish(m.sentence, found[1], org, k, found[0], False)]

    def owned_by_next(self, s: Sentence, end: int, person_starts: set[int]) -> bool:
        """Whether the chain ending at `end` goes on with ", <title> <next name>"."""
        if end + 1 >= len(s.tokens) or s.tokens[end].text != ",":
            return False
        t = self.read(s, end + 1)
        return t is not None and t.end in person_starts

    def foreign_next(self, s: Sentence, end: int) -> bool:
        """Whether the chain ending at `end` goes on with ", <title> … <another country>" in the same item."""
        keys = s.keys
        if end + 1 >= len(keys) or keys[end] != "," or keys[end + 1] not in self.lex.title_starts:
            return False
        for k in range(end + 1, min(len(keys), end + 12)):  # the next title and its body's name
            if keys[k] in self.lex.links["item_end"]:
                break
            if self.lex.foreign_at(keys, k, in_text=True):
                return True
        return False

    # -- one place per chain ---------------------------------------------------
    def _one_place_per_chain(self, s: Sentence, chain: list[Title]) -> list[Title]:
        """One place for a chain: "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh X" is X's Tỉnh ủy, and
        "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Y" is Y's Huyện ủy."""
        chain = [t for t in chain if t.org is not None]
        if len(chain) < 2:
            return chain
        chain = self._fill_local_places(s, chain)
        explicit = {self._explicit_province(s, t) for t in chain} - {None}
        if len(explicit) != 1:
            return chain
        (province,) = explicit
        out = []
        for t in chain:
            if t.org.province not in (None, province) and self._explicit_province(s, t) is None:
                with self.doc.reader.places(province=province):
                    t = self.read(s, t.start) or t
            out.append(t)
        return out

    def _fill_local_places(self, s: Sentence, chain: list[Title]) -> list[Title]:
        named: dict[str, str] = {}
        for t in chain:
            for word, m in self.phrasing.local_places(t.org.label):
                if self._written(s, t, m):  # not a place in focus (`Doc.local_at`)
                    named.setdefault(word, m)
        if not named:
            return chain
        out = []
        for t in chain:
            word = next((w for w in named if t.org.label.endswith(f" {w}") and t.org.scoped or any(
                w == w2 and m != named[w] and not self._written(s, t, m)
                for w2, m in self.phrasing.local_places(t.org.label))), None)
            if word:
                with self.doc.reader.places(local={word: named[word]}):
                    t = self.read(s, t.start) or t
            out.append(t)
        return out

    @staticmethod
    def _written(s: Sentence, t: Title, name: str) -> bool:
        """Whether a place's name is written in the title (not taken from the text before it)."""
        return name.split()[0].lower() in s.keys[t.start:t.end]

    def _explicit_province(self, s: Sentence, t: Title) -> str | None:
        for i in range(t.start, t.end):
            m = self.lex.province_trie.match(s.keys, i)
            if m and m[0] <= t.end:
                return m[1].name
        return None


def with_term(t: Title, term) -> Title:
    return replace(t, term=term)
