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
from partygraph.tokens import Sentence
from partygraph.lexicon import Role, keys as phrase_keys
from partygraph.normalise import normalise_text


class TitleReader:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.lex = doc.lex
        self.phrasing = doc.lex.phrasing

    def read(self, s: Sentence, i: int) -> Title | None:
        """The title starting at token i: "[nguyên] <role> [<organisation>] [, nhiệm kỳ …]"."""
        toks, keys, lex = s.tokens, s.keys, self.lex
        former, k = False, i
        if k < len(keys) and keys[k] in lex.former_markers and not (
                toks[k].cap and k and toks[k - 1].cap and toks[k - 1].is_word):  # not the "Nguyên" of "Tây Nguyên"
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
        if any(" ".join(keys[k - n:k]) in lex.links["office_of"] for n in (1, 2) if k >= n):
            return None  # "Văn phòng Chủ tịch nước", "Ban giám đốc Công an tỉnh": a body, not its head
        org_start = j
        if role.org_starts_with:
            n_org = len(phrase_keys(role.org_starts_with))
            head = list(phrase_keys(role.org_starts_with))
            if keys[j - n_org:j] == head and keys[j:j + n_org] != head:  # not in "Phó phòng Phòng X"
                org_start = j - n_org
        org, end = None, j
        if org_start < len(toks):
            r = self.doc.reader.read(toks, org_start, s.allcaps, after_title=True)
            if r and (r[0] > j or (org_start < j and r[0] == j)):
                end, org = r
                if org.bare and lex.unit_nouns.match(keys, end):
                    return None  # "Bí thư Đảng ủy trường sĩ quan X": a unit we cannot read, not the article's
                if self._foreign(keys, org_start, end):
                    return None  # "Bộ trưởng Bộ Ngoại giao Trung Quốc …": another country's office
                resolved = self.doc.resolve(org, toks[org_start].start)
                if resolved is None and org.bare and org.kind in ("executive", "committee"):
                    # "Phó Bí thư Đảng ủy, Phó Giám đốc Bệnh viện X": a committee we cannot tell; the chain goes on
                    return self.finish(s, role, None, i, end, former)
                org = resolved
                if org is None or (org.label in lex.fixed_heads and lex.fixed_heads[org.label].abroad):
                    return None  # … or an international body's official ("Tổng Giám đốc WHO")
                if org.label in lex.raw["shared_abroad"] and self._names_foreign(s):
                    return None  # "Chủ tịch Quân ủy Trung ương X" beside "Trung Quốc": maybe that country's
                end, org = self._of_after_comma(s, end, org)
        if org is None and j < len(toks):
            implied = self._body_left_out(s, role, j)
            if implied is not None:
                end, org = implied
        if org is None and role.implied_org and not self._qualified(s, j):
            if role.id in lex.raw["home_state_roles"] and self.doc.names_foreign_country:
                return None  # "Chủ tịch nước X" in an article about another country: maybe its head
            org = self.doc.org_by_label(role.implied_org)
        return self.finish(s, role, org, i, end, former)

    def _of_after_comma(self, s: Sentence, end: int, org: Org) -> tuple[int, Org]:
        """'Vụ Tổ chức cán bộ, Bộ Xây dựng': a department named with the central body it belongs to."""
        if org.head.lower() not in self.lex.org_name["of_after_comma"] or end + 1 >= len(s.tokens) \
                or s.tokens[end].text != ",":
            return end, org
        r = self.doc.reader.read(s.tokens, end + 1, s.allcaps)
        if not r or r[1].bare or r[1].level != "central" or r[1].kind not in ("state", "committee"):
            return end, org
        parent = r[1]
        return r[0], Org(f"{org.label} {parent.label}", org.kind, parent.level, parent=parent, head=org.head)

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

    def _body_left_out(self, s: Sentence, role: Role, j: int):
        """'Phó Chủ tịch tỉnh X', 'Bộ trưởng Kế hoạch và Đầu tư': a title whose body's head is left out,
        read when a named place or a known word of the body's name follows (lexicon `heads_left_out`)."""
        toks, keys = s.tokens, s.keys
        entries = [e for e in self.lex.raw["heads_left_out"] if role.id in e["roles"]]
        if not entries or self._names_foreign(s):
            return None  # "Thứ trưởng Ngoại giao Kim Yong-il … Triều Tiên"
        for entry in entries:
            if entry["before"] == "name":
                if self.doc.people.read(toks, keys, j, s.allcaps) is not None:
                    only = self._only_body(s, entry["head"], j)
                    if only is not None:
                        return j, only
                continue
            if entry["before"] == "place" and not self._named_place(s, j):
                continue
            if entry["before"] == "name_word" and not (toks[j].cap and (
                    keys[j] in self.lex.org_words or self.lex.org_phrases.match(keys, j))):
                continue
            r = self.doc.reader.read_as(toks, j, entry["head"], s.allcaps)
            if r and r[0] > j and not r[1].bare and not r[1].scoped and not self._foreign(keys, j, r[0]):
                return r
        return None

    def _only_body(self, s: Sentence, head_form: str, before: int):
        """The one body with this head the sentence names before the title ("Bộ trưởng Bộ Công Thương A …
        do Thứ trưởng B"); none when it names two, or only after ("Bộ trưởng A làm việc với Bộ Y tế")."""
        first, keys = phrase_keys(head_form)[0], s.keys
        if s.allcaps:
            return None
        found = {}
        for k, w in enumerate(keys[:before]):
            if w != first or not s.tokens[k].cap or s.tokens[k].upper:
                continue
            if k > 0 and keys[k - 1] in self.lex.links["other_party"]:
                return None  # "phối hợp với Bộ Công an … Bộ trưởng A": the body is another's
            r = self.doc.reader.read(s.tokens, k, s.allcaps)
            if r and r[1].head == head_form and not r[1].bare and not self._foreign(keys, k, r[0]):
                found[r[1].key] = r[1]
        return next(iter(found.values())) if len(found) == 1 else None

    def _names_foreign(self, s: Sentence) -> bool:
        """Whether the sentence names another country."""
        return any(self.lex.foreign_at(s.keys, k, in_text=True) for k in range(len(s.keys)))

    def _named_place(self, s: Sentence, j: int) -> bool:
        """A place word and a name: a province, or a lower place of two words or more ("xã An Ninh Đông",
        not "phường Nguyễn" cut before "Thái Bình") unless nothing capitalised follows ("huyện Kỳ Sơn")."""
        toks, keys, lex = s.tokens, s.keys, self.lex
        pw = lex.place_words.match(keys, j)
        if pw is None:
            return False
        if lex.province_trie.match(keys, pw[0]):
            return True
        place = self.doc.reader.read_place(toks, keys, j, s.allcaps)
        if pw[0] >= len(toks) or not toks[pw[0]].cap or (
                self.doc.people.read(toks, keys, pw[0], s.allcaps) and place and place[0] == pw[0]):
            return self.doc.province_at(toks[j].start) is not None  # "Phó Chủ tịch tỉnh [Nguyễn Văn A]"
        if place is None or place[0] <= pw[0]:
            return False
        end = place[0]
        return end - pw[0] >= 2 or end >= len(toks) or not (toks[end].cap and toks[end].is_word)

    def _foreign(self, keys, start: int, end: int) -> bool:
        """Another country named inside an organisation's name or right after it (not "Hội Hữu nghị Việt Nam - Cuba")."""
        if end < len(keys) and self.lex.foreign_at(keys, end):
            return True
        inside = keys[start:end]
        if any(inside[x:x + 2] == ["việt", "nam"] for x in range(len(inside) - 1)):
            return False
        return any(self.lex.foreign_at(keys, x, in_text=True) for x in range(start + 1, end))

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
            if end + 2 < len(keys) and toks[end].text == "(" and keys[end + 1] in lex.former_org_markers \
                    and toks[end + 2].text == ")":
                former, end = True, end + 3
            elif end < len(keys) and keys[end] in lex.former_org_markers:
                former, end = True, end + 1
        term = None
        if 0 < end < len(toks):
            m = self.phrasing.term_after.match(s.text, toks[end - 1].end - s.start)
            if m and int(m.group(1)) < int(m.group(2)):
                term = (int(m.group(1)), int(m.group(2)))
                while end < len(toks) and toks[end].end <= s.start + m.end():
                    end += 1
        return Title(role, org, start, end, former, term)

    def chain(self, s: Sentence, k: int, stop_before: set[int], career: bool = False) -> list[Title]:
        """Titles separated by commas or chain links ("kiêm", "và", "rồi"), starting at k.

        A title written right before another person's name is that person's
        ("Tổng Bí thư A, Phó Thủ tướng thường trực B"), so the chain stops there.
        `career`: a list of posts held before, whose items may also be separated by ";".
        """
        toks = s.tokens
        links = set(self.lex.links["chain"]) | set(self.lex.links["then"]) | ({";"} if career else set())
        chain: list[Title] = []
        while k < len(toks):
            t = self.read(s, k)
            if t is None or t.end in stop_before:
                break
            chain.append(t)
            k = t.end
            nxt = self._next_item(s, k, links) if t.org is not None else self._past_unknown(s, k, stop_before, links)
            if nxt is None:
                break
            k = nxt
        chain = self._body_of_next(s, self._former_throughout(s, chain))
        return self._one_place_per_chain(s, self._then(s, chain))

    def _body_of_next(self, s: Sentence, chain: list[Title]) -> list[Title]:
        """'Ủy viên Ban cán sự đảng, Thứ trưởng Bộ Xây dựng': a party committee inside a state body, named
        without the body, is the committee of the body of the next title."""
        out = list(chain)
        for n, (t, nxt) in enumerate(zip(chain, chain[1:])):
            if t.org is not None or nxt.org is None or nxt.org.kind != "state" or nxt.org.bare:
                continue
            head = self.lex.heads.match(s.keys, t.end)
            if head is None or not head[1].needs_parent or head[0] >= len(s.keys) or s.keys[head[0]] != ",":
                continue
            org = self.doc.org_by_label(" ".join(x.text for x in s.tokens[t.end:head[0]]) + " " + nxt.org.label)
            if org is not None and org.parent is not None and org.parent.label == nxt.org.label:
                out[n] = replace(t, org=org, end=head[0])
        return out

    def _former_throughout(self, s: Sentence, chain: list[Title]) -> list[Title]:
        """'nguyên Bí thư Thành ủy, Chủ tịch UBND thành phố': "nguyên" before the first title is said of all."""
        if not chain or s.keys[chain[0].start] not in self.lex.former_markers:
            return chain
        return [chain[0]] + [replace(t, former=True) for t in chain[1:]]

    def _next_item(self, s: Sentence, k: int, links) -> int | None:
        """The start of the next title after a comma or chain link at k ("…, kiêm Chủ tịch …"), else None."""
        toks, keys = s.tokens, s.keys
        if k < len(toks) and (toks[k].text == "," or keys[k] in links):
            nxt = k + 1
            if nxt < len(toks) and keys[nxt] in self.lex.links["concurrent"]:
                nxt += 1
            if self.read(s, nxt) is not None:
                return nxt
        return None

    def _past_unknown(self, s: Sentence, k: int, stop_before: set[int], links) -> int | None:
        """'Ủy viên Ban cán sự đảng, Thứ trưởng Bộ Y tế': a title whose body is not known is skipped,
        up to the next comma or chain link, when a title follows there (no name, clause or bracket between)."""
        toks, keys, lex = s.tokens, s.keys, self.lex
        for p in range(k, min(len(toks), k + 8)):
            if toks[p].text == "," or keys[p] in links:
                return self._next_item(s, p, links)
            if p in stop_before or keys[p] in lex.links["item_end"] or lex.name_stops.match(keys, p) \
                    or lex.office_verbs.match(keys, p) or lex.foreign_at(keys, p, in_text=True):
                return None  # "Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư Tỉnh ủy …": not ours
        return None

    def _then(self, s: Sentence, chain: list[Title]) -> list[Title]:
        """'Phó Bí thư rồi Bí thư Quận ủy X': the post before "rồi" was held first (former), in the
        body of the post after it when it names none and is a grade of the same post."""
        out = []
        for n, t in enumerate(chain):
            if t.end < len(s.keys) and s.keys[t.end] in self.lex.links["then"] and n + 1 < len(chain):
                nxt = chain[n + 1]
                if t.org is None and nxt.org is not None and _grade(t.role.id) == _grade(nxt.role.id):
                    t = replace(t, org=nxt.org)
                t = replace(t, former=True)
            out.append(t)
        return out

    def membership(self, s: Sentence, k: int, role_id: str, after=None) -> list[Title]:
        """'tham gia Ban Chấp hành, Ban Thường vụ Đảng bộ tỉnh X': the role (Ủy viên) in each body named.

        Bodies written without their unit take it from the last body that names one, else from
        the title that follows (`after`: "…, Ban Thường vụ, giữ chức Bí thư Tỉnh ủy X")."""
        bodies = self._bodies(s, k)
        if not bodies:
            return []
        placed = [o for a, b, o in bodies if not o.bare and self._names_place(s, a, b)]
        anchor = self._executive(placed[-1]) if placed else None
        if anchor is None and after:
            anchor = self._executive(after[0].org)
        out = []
        for start, end, org in bodies:
            found = None
            if anchor is not None and (org.bare or not self._names_place(s, start, end)):
                found = self._in_unit(org, anchor, " ".join(t.text for t in s.tokens[start:end]))
            org = found or self.doc.resolve(org, s.tokens[start].start)
            if org is None or org.kind not in ("executive", "committee"):
                continue
            out.append(self.finish(s, self.lex.roles[role_id], org, start, end, False))
        return out

    def written_whole(self, s: Sentence, t: Title) -> bool:
        """Whether a title's organisation is written with its name or place ("Bí thư Đảng ủy X", not "Bí thư Đảng ủy")."""
        k = t.start + (1 if s.keys[t.start] in self.lex.former_markers else 0)
        role = self.lex.role_trie.match(s.keys, k)
        return role is not None and self._names_place(s, role[0], t.end)

    def _names_place(self, s: Sentence, start: int, end: int) -> bool:
        """Whether the words of a body name its place ("Ban Thường vụ Tỉnh ủy Nghệ An", not "… Tỉnh ủy")."""
        toks = s.tokens
        heads = self.lex.heads
        k = start
        while k < end:
            head = heads.match(s.keys, k)
            if head and head[0] <= end:
                k = head[0]
            elif toks[k].is_word and (toks[k].cap or toks[k].kind == "num"):
                return True
            else:
                k += 1
        return False

    def _bodies(self, s: Sentence, k: int) -> list[tuple[int, int, Org]]:
        """Executive and standing committees named one after another ("Ban Chấp hành, Ban Thường vụ …")."""
        out = []
        while k < len(s.tokens):
            r = self.doc.reader.read(s.tokens, k, s.allcaps, after_title=True)
            if not r or r[1].kind not in ("executive", "committee"):
                break
            out.append((k, r[0], r[1]))
            k = r[0]
            if not (k + 1 < len(s.tokens) and s.keys[k] in self.lex.links["org_list"]):
                break
            k += 1
        return out

    def _executive(self, org: Org | None) -> Org | None:
        """The executive committee an office's organisation stands for (a unit's, a committee's own)."""
        if org is None or org.bare:
            return None
        if org.kind == "party":
            return self.doc.reader.executive_of(org)
        if org.kind == "committee" and org.parent is not None and org.parent.kind == "executive":
            return org.parent
        return org if org.kind == "executive" else None

    def _in_unit(self, org: Org, executive: Org, written: str) -> Org | None:
        """A body written without its place ("Ban Thường vụ Tỉnh ủy") as the body of `executive`,
        when the words written begin that body's name."""
        full = executive if org.kind == "executive" else self.doc.reader.committee(org.head, org.kind, executive)
        written = normalise_text(written).lower()
        names = [full.label] + ([f"Ban Chấp hành {full.short}"] if full.short else [])
        return full if any(normalise_text(n).lower().startswith(written) for n in names) else None

    def in_context(self, m: SentenceMentions, k: int) -> list[Title]:
        """'được bầu giữ chức Bí thư' with no organisation: the party body the sentence names."""
        keys, toks = m.sentence.keys, m.sentence.tokens
        found = self.lex.role_trie.match(keys, k)
        if not found or found[1].id not in self.lex.party_roles:
            return []  # "giữ chức Chủ tịch LĐBĐ tỉnh": a body the reader does not know is not the party's
        if found[0] < len(toks) and (toks[found[0]].cap or toks[found[0]].abbr):
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
            if (t.org.scoped or t.org.province not in (None, province)) and self._explicit_province(s, t) is None:
                with self.doc.reader.places(province=province):
                    t = self._again(s, t)
            out.append(t)
        return out

    def _again(self, s: Sentence, t: Title) -> Title:
        """The title at t read again with the chain's places; what the chain gave it (a body from the post
        after "rồi", being former) is kept when the second reading names no body."""
        again = self.read(s, t.start)
        if again is None or again.org is None:
            return t
        return replace(again, former=t.former or again.former)

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
                    t = self._again(s, t)
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


def _grade(role_id: str) -> str:
    """The post a role is a grade of: "Phó Bí thư Thường trực" and "Bí thư" are grades of "Bí thư"."""
    return role_id.removeprefix("pho-").removesuffix("-thuong-truc")
