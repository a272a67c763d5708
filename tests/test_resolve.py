"""Persons across articles: merges on evidence, namesakes apart, decisions, stable IRIs."""

from __future__ import annotations

import pytest

from partygraph import resolve as r
from partygraph.errors import InputError
from partygraph.store import load_inputs, open_store
from resolve_fixture import FIXTURE
from resolve_fixture import subset as _subset


def _store(tmp_path, *inputs, name="store"):
    path = tmp_path / name
    for i in inputs:
        load_inputs(path, [i])
    return path


def _persons(store_dir, name):
    store = open_store(store_dir)
    q = f"""PREFIX foaf: <{r.FOAF}> PREFIX owl: <{r.OWL}>
            SELECT DISTINCT ?c WHERE {{ ?m foaf:name "{name}" ; owl:sameAs ?c }}"""
    return sorted(s["c"].value for s in store.query(q, use_default_graph_as_union=True))


@pytest.fixture(scope="module")
def resolved(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("resolved")
    path = _store(tmp, FIXTURE)
    report = r.resolve_store(path)
    return path, report


def test_resolve_same_official_in_two_articles_is_one_person(resolved):
    path, report = resolved
    persons = _persons(path, "Trần Quốc Khánh")
    assert len(persons) == 1
    assert persons[0].startswith(r.PGID + "person/tran-quoc-khanh-")
    cluster = next(c for c in report.resolution.clusters if c.name == "Trần Quốc Khánh")
    assert len(cluster.mentions) == 2
    assert any(e.startswith("shared unit: Đảng bộ tỉnh Bình Phước") for e in cluster.evidence)


def test_resolve_namesakes_in_different_provinces_stay_two(resolved):
    path, report = resolved
    assert len(_persons(path, "Nguyễn Văn Hùng")) == 2
    pair = next(p for p in report.resolution.apart if p.a.name == "Nguyễn Văn Hùng")
    assert "different provinces" in pair.reason
    assert {"Nghệ An", "Cà Mau"} == pair.a.provinces | pair.b.provinces


def test_resolve_merged_province_successor_after_merger(resolved):
    # Lê Minh Tâm: Bí thư in Bình Phước (2020), Phó Bí thư in Đồng Nai after 2025-07-01.
    path, _ = resolved
    assert len(_persons(path, "Lê Minh Tâm")) == 1


def test_resolve_mentions_keep_provenance(resolved):
    path, _ = resolved
    store = open_store(path)
    q = f"""PREFIX owl: <{r.OWL}> PREFIX prov: <{r.PROV}>
            SELECT ?m ?g WHERE {{ GRAPH <{r.RESOLUTION_GRAPH}> {{ ?m owl:sameAs ?c }}
                                  GRAPH ?g {{ ?m prov:wasDerivedFrom ?a }} }}"""
    rows = list(store.query(q))
    assert rows and all(row["g"].value.startswith(r.PGID + "article/") for row in rows)


def test_resolve_rerun_is_idempotent(resolved, tmp_path):
    path, _ = resolved
    before = set(map(str, open_store(path)))
    r.resolve_store(path)
    assert set(map(str, open_store(path))) == before


def test_resolve_reloading_an_article_leaves_store_unchanged(tmp_path):
    path = _store(tmp_path, FIXTURE)
    r.resolve_store(path)
    before = set(map(str, open_store(path)))
    load_inputs(path, [_subset(tmp_path, {"bp-2019"})])
    r.resolve_store(path)
    assert set(map(str, open_store(path))) == before


def test_resolve_incremental_and_rebuilt_iris_agree(tmp_path):
    early = _subset(tmp_path, {"bp-2019"}, "early.jsonl")
    late = _subset(tmp_path, {"bp-2020", "na-2019", "cm-2019"}, "late.jsonl")
    inc = _store(tmp_path, early, name="inc")
    r.resolve_store(inc)
    first = _persons(inc, "Trần Quốc Khánh")
    load_inputs(inc, [late])
    r.resolve_store(inc)
    # A newer article joins the cluster without moving its IRI.
    assert _persons(inc, "Trần Quốc Khánh") == first
    scratch = _store(tmp_path, _subset(tmp_path, {"bp-2019", "bp-2020", "na-2019", "cm-2019"}, "all.jsonl"),
                     name="scratch")
    r.resolve_store(scratch)
    assert _persons(scratch, "Trần Quốc Khánh") == first
    assert _persons(scratch, "Nguyễn Văn Hùng") == _persons(inc, "Nguyễn Văn Hùng")


def test_resolve_decisions_keep_apart_and_merge(tmp_path, resolved):
    path = _store(tmp_path, FIXTURE)
    report = r.resolve_store(path)
    khanh = next(c for c in report.resolution.clusters if c.name == "Trần Quốc Khánh")
    hung = [c for c in report.resolution.clusters if c.name == "Nguyễn Văn Hùng"]
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        "decisions:\n"
        f"  - decision: keep-apart\n    mentions: [{r.compact_iri(khanh.mentions[0].iri)}, "
        f"{r.compact_iri(khanh.mentions[1].iri)}]\n    note: checked by hand\n"
        f"  - decision: merge\n    mentions: [{r.compact_iri(hung[0].anchor.iri)}, {r.compact_iri(hung[1].anchor.iri)}]\n",
        encoding="utf-8")
    r.resolve_store(path, decisions)
    assert len(_persons(path, "Trần Quốc Khánh")) == 2
    assert len(_persons(path, "Nguyễn Văn Hùng")) == 1
    # The human's entries survive the rewrite of the file.
    text = decisions.read_text(encoding="utf-8")
    assert "keep-apart" in text and "checked by hand" in text and "merge" in text


def test_resolve_bad_decisions_file_is_one_line_error(tmp_path):
    bad = tmp_path / "d.yaml"
    bad.write_text("decisions:\n  - decision: perhaps\n    mentions: [pgid:person/a, pgid:person/b]\n")
    with pytest.raises(InputError, match="d.yaml.*perhaps"):
        r.read_decisions(bad)
    bad.write_text("decisions: [unclosed\n")
    with pytest.raises(InputError, match="cannot read decisions"):
        r.read_decisions(bad)


def test_resolve_common_name_province_only_left_open():
    def m(iri, prov):
        # Each one is a deputy (no single-holder post) in a different unit of its province.
        office = r.OfficeRec("m-" + iri, "org-" + iri, "org-" + iri, r.PGROLE + "pho-giam-doc", "Current", None,
                             None, prov, False, "Sở " + iri)
        return r.Mention(iri, "Nguyễn Văn Hùng", r.name_key("Nguyễn Văn Hùng"), "a/" + iri, None, prov, [office])

    mentions = {i: m(i, p) for i, p in (("x1", "Hà Nội"), ("x2", "Hà Nội"), ("x3", "Huế"), ("x4", "Cà Mau"))}
    res = r.cluster(mentions)
    assert len(res.clusters) == 4
    assert any(p.reason.startswith("common name") for p in res.open)


def test_resolve_name_key_folds_case_and_spaces():
    assert r.name_key("Trần  Quốc khánh") == r.name_key("trần Quốc Khánh")
    assert r.name_key("Nguyễn Văn Hùng") != r.name_key("Nguyễn Văn Hưng")


def test_resolve_cli_reports_and_writes_decisions(tmp_path):
    from click.testing import CliRunner

    from partygraph.cli import cli

    path = _store(tmp_path, FIXTURE)
    decisions = tmp_path / "dec.yaml"
    result = CliRunner().invoke(cli, ["resolve", "--store", str(path), "--decisions", str(decisions)])
    assert result.exit_code == 0, result.output
    assert "Trần Quốc Khánh" in result.output and "shared unit" in result.output
    assert decisions.exists()
    missing = CliRunner().invoke(cli, ["resolve", "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no store here" in missing.output


@pytest.fixture(scope="module")
def namesakes(tmp_path_factory):
    from resolve_fixture import NAMESAKES

    path = _store(tmp_path_factory.mktemp("namesakes"), NAMESAKES)
    return path, r.resolve_store(path, path.parent / "decisions.yaml")


def test_resolve_provincial_post_and_city_post_stay_apart(namesakes):
    # "Phó Chủ tịch UBND tỉnh" (province unnamed) and "Phó Bí thư Thường trực Thành ủy Đà Nẵng": a centrally
    # run city has no "tỉnh", so the article's filing under Đà Nẵng is no shared place.
    path, report = namesakes
    persons = _persons(path, "Lương Văn Khải")
    assert len(persons) == 3
    apart = [p for p in report.resolution.apart if p.a.name == "Lương Văn Khải"]
    assert [p.reason for p in apart] == ["a provincial post (tỉnh) against a post in the centrally run city Đà Nẵng"]
    # The mention with no office and no place is an open candidate against both, never merged.
    opened = sorted(p.reason for p in report.resolution.open if p.a.name == "Lương Văn Khải")
    assert opened == ["no place evidence on either side", "no place evidence on one side"]
    assert "3 persons: 0 merged" in report.line() and "2 candidate pairs open, 1 namesake pairs kept apart" in report.line()
    assert "(a provincial post (tỉnh) against a post in the centrally run city Đà Nẵng)" in r.details(report)


def test_resolve_contradictions_between_mentions():
    def mention(iri, when, *offices):
        recs = [r.OfficeRec(f"m-{iri}-{n}", org, org, r.PGROLE + role, "Current", None, None, prov, False, label)
                for n, (role, org, prov, label) in enumerate(offices)]
        return r.Mention(iri, "Đào Quang Vinh", r.name_key("Đào Quang Vinh"), "a/" + iri, when, None, recs)

    from datetime import date

    sở_a = ("giam-doc", r.PGID + "org/so-a", "Nghệ An", "Sở Xây dựng tỉnh Nghệ An")
    sở_b = ("giam-doc", r.PGID + "org/so-b", "Nghệ An", "Sở Công Thương tỉnh Nghệ An")
    other = ("pho-chu-tich", r.PGID + "org/ubnd-ca-mau", "Cà Mau", "Ủy ban nhân dân tỉnh Cà Mau")
    # Two directors of different departments in the same province and year: the same province is no
    # evidence, a single-holder post held twice is a contradiction.
    res = r.cluster({"x": mention("x", date(2020, 3, 1), sở_a), "y": mention("y", date(2020, 9, 1), sở_b)})
    assert len(res.clusters) == 2 and res.apart[0].reason.startswith("two single-holder posts at the same time")
    # The same director and another province's deputy chairman in the same year: apart; ten years later
    # a move is possible, so the pair is open.
    res = r.cluster({"x": mention("x", date(2010, 1, 1), sở_a), "y": mention("y", date(2010, 6, 1), other)})
    assert res.apart[0].reason.startswith("offices in different provinces at the same time")
    res = r.cluster({"x": mention("x", date(2010, 1, 1), sở_a), "y": mention("y", date(2020, 6, 1), other)})
    assert not res.apart and res.open[0].reason.startswith("different provinces at different times")
    # Positive evidence still merges: the same department in two years.
    res = r.cluster({"x": mention("x", date(2019, 1, 1), sở_a), "y": mention("y", date(2020, 6, 1), sở_a)})
    assert len(res.clusters) == 1 and res.merges[0][2] == "shared unit: Sở Xây dựng tỉnh Nghệ An"


def test_resolve_decisions_override_contradiction_and_evidence(namesakes, tmp_path):
    path, report = namesakes
    apart = next(p for p in report.resolution.apart if p.a.name == "Lương Văn Khải")
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        "decisions:\n"
        f"  - decision: merge\n    mentions: [{r.compact_iri(apart.a.anchor.iri)}, {r.compact_iri(apart.b.anchor.iri)}]\n",
        encoding="utf-8")
    res = r.resolve_store(path, decisions).resolution
    merged = next(c for c in res.clusters if len(c.mentions) == 2)
    assert merged.evidence == ["decision: merge"]
    assert len(_persons(path, "Lương Văn Khải")) == 2
    r.resolve_store(path)  # the module's store back as it was


def test_resolve_evidence_recorded_in_decisions_file_and_graph(namesakes, resolved):
    import yaml

    path, report = namesakes
    data = yaml.safe_load((path.parent / "decisions.yaml").read_text(encoding="utf-8"))
    assert [(e["decision"], e["evidence"]) for e in data["automatic"]] == [
        ("kept-apart", "a provincial post (tỉnh) against a post in the centrally run city Đà Nẵng")]
    assert len(data["decisions"]) == 2 and {e["decision"] for e in data["decisions"]} == {"open"}
    # A merged person says in the graph which evidence joined it.
    store_dir, _ = resolved
    q = f"""PREFIX foaf: <{r.FOAF}> PREFIX pg: <{r.PG}>
            SELECT ?why WHERE {{ ?c a pg:ResolvedPerson ; foaf:name "Trần Quốc Khánh" ; pg:identityBasis ?why }}"""
    rows = [row["why"].value for row in open_store(store_dir).query(q, use_default_graph_as_union=True)]
    assert rows and rows[0].startswith("shared unit: Đảng bộ tỉnh Bình Phước")


def test_resolve_org_key_folds_spellings_of_one_unit_only():
    same = [("Đảng bộ TPHCM", "Đảng bộ thành phố Hồ Chí Minh"), ("Đảng bộ TP HCM", "Đảng bộ TP. Hồ Chí Minh"),
            ("Bộ VHTT", "Bộ Văn hóa thông tin"), ("Bộ VH - TT - DL", "Bộ Văn hóa - Thể thao và Du lịch"),
            ("Sở Tài nguyên môi trường tỉnh Lạng Sơn", "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn"),
            ("Sở TN&MT tỉnh Lạng Sơn", "Sở Tài nguyên - Môi trường tỉnh Lạng Sơn"),
            ("Tổng cục Chính trị", "Tổng cục Chính trị Quân đội nhân dân Việt Nam"), ("Bộ Quốc phòng Việt Nam", "Bộ Quốc phòng"),
            ("Hội LHPN Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam"), ("Bộ CA", "Bộ Công an"),
            ("Quân khu IV", "Quân khu 4"), ("Bộ GD - ĐT", "Bộ Giáo dục và Đào tạo"),
            ("Công ty TNHH MTV Cấp nước Lạng Sơn", "Công ty Cấp nước Lạng Sơn"),
            ("Công ty TNHH một thành viên Cấp nước Lạng Sơn", "Công ty Cổ phần Cấp nước Lạng Sơn"), ("Đảng bộ Lạng Sơn", "Đảng bộ tỉnh Lạng Sơn"), ("Tổng công ty Bưu chính Việt Nam", "Tổng công ty Bưu chính"),
            ("Vụ Văn nghệ Ban TTVH Trung ương", "Vụ Văn nghệ Ban Tư tưởng - Văn hóa Trung ương"),
            ("Sở LĐ - TB - XH tỉnh Lạng Sơn", "Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn"),
            # a police department with or without its police; the social-policy bank's one unit in a district
            ("Phòng CSGT - Công an tỉnh Lạng Sơn", "Phòng Cảnh sát giao thông tỉnh Lạng Sơn"),
            ("Phòng giao dịch Ngân hàng CSXH huyện Văn Lãng", "Ngân hàng Chính sách xã hội huyện Văn Lãng"),
            ("Hội Hữu nghị Việt Nam - Cu-ba", "Hội Hữu nghị Việt Nam - Cuba"),
            # a company named again under another head or its brand, which goes on from the first naming
            ("Tổng công ty Dầu khí - Petro Việt Nam", "Tập đoàn Dầu khí Việt Nam"),
            ("Tổng công ty Sông Đà - Công ty Sông Đà 9", "Công ty Sông Đà 9"),
            # two optional words in one name: "Trường" and "khoa"
            ("Trường Đại học Y khoa Lạng Sơn", "Đại học Y Lạng Sơn")]
    for a, b in same:
        assert r.org_key(a) == r.org_key(b), (a, b)
    # a provincial city named like its province, a ministry renamed, another province: other units
    apart = [("Đảng bộ thành phố Lạng Sơn", "Đảng bộ tỉnh Lạng Sơn"), ("Bộ VHTT", "Bộ Văn hóa - Thể thao và Du lịch"),
             ("Đảng bộ thành phố Huế", "Đảng bộ tỉnh Thừa Thiên Huế"), ("Đảng bộ tỉnh Cần Thơ", "Đảng bộ thành phố Cần Thơ"),
             ("Bảo tàng Hồ Chí Minh", "Bảo tàng TPHCM"), ("Sở Công an tỉnh Lạng Sơn", "Sở Công an tỉnh Cao Bằng"),
             ("Hội Nông dân", "Hội Nông dân Việt Nam"), ("Quân khu 4", "Quân khu 5"),
             ("Đảng bộ thị xã Quảng Trị", "Đảng bộ tỉnh Quảng Trị"),
             ("Công an tỉnh Lạng Sơn", "tỉnh Lạng Sơn"), ("Phòng giao dịch huyện Văn Lãng", "huyện Văn Lãng")]
    for a, b in apart:
        assert r.org_key(a) != r.org_key(b), (a, b)


def test_resolve_org_variants_one_node_per_unit_within_a_province():
    orgs = {r.PGID + "org/" + iri: {"labels": {label}} for iri, label in (
        ("bo-ca", "Bộ CA"), ("bo-cong-an", "Bộ Công an"),
        ("ubnd-xa-an-phu--lang-son", "UBND xã An Phú"), ("uy-ban-nhan-dan-xa-an-phu--lang-son", "Ủy ban nhân dân xã An Phú"),
        ("uy-ban-nhan-dan-xa-an-phu--cao-bang", "Ủy ban nhân dân xã An Phú"))}
    groups = [[g.rsplit("/", 1)[-1] for g in group] for group in r.org_variants(orgs)]
    assert groups == [["bo-cong-an", "bo-ca"], ["uy-ban-nhan-dan-xa-an-phu--lang-son", "ubnd-xa-an-phu--lang-son"]]


def test_resolve_cut_names_and_misplaced_units_join_their_unit():
    names = {"bo-quoc": "Bộ Quốc", "bo-quoc-phong": "Bộ Quốc phòng", "chinh-phu": "Chính phủ",
             "chinh-phu-lao": "Chính phủ Lào", "bo-van-hoa": "Bộ Văn hóa", "bo-van-hoa-thong-tin": "Bộ Văn hóa Thông tin",
             "bo-van-hoa-the-thao": "Bộ Văn hóa Thể thao và Du lịch",
             "so-y-te-lang-son": "Sở Y tế Lạng Sơn", "so-y-te-lang-son--cao-bang": "Sở Y tế Lạng Sơn"}
    offices = {"bo-quoc": 1, "bo-quoc-phong": 9, "chinh-phu": 40, "chinh-phu-lao": 2, "bo-van-hoa": 1,
               "bo-van-hoa-thong-tin": 3, "bo-van-hoa-the-thao": 3, "so-y-te-lang-son": 1, "so-y-te-lang-son--cao-bang": 1}
    orgs = {r.PGID + "org/" + k: {"labels": {v}} for k, v in names.items()}
    groups = r.org_variants(orgs, {r.PGID + "org/" + k: n for k, n in offices.items()})
    assert [[g.rsplit("/", 1)[-1] for g in group] for group in groups] == [
        ["bo-quoc-phong", "bo-quoc"], ["so-y-te-lang-son", "so-y-te-lang-son--cao-bang"]]


def test_resolve_article_province_alone_is_no_merge():
    def m(iri, offices=()):
        return r.Mention(iri, "Lò Văn Páo", r.name_key("Lò Văn Páo"), "a/" + iri, None, "Sơn La", list(offices))

    office = r.OfficeRec("m-z", "org-z", "org-z", r.PGROLE + "pho-chu-tich", "Current", None, None, "Sơn La", False,
                         "Ủy ban nhân dân tỉnh Sơn La")
    res = r.cluster({"x": m("x"), "y": m("y")})
    assert len(res.clusters) == 2 and res.open[0].reason.startswith("same article province only")
    res = r.cluster({"x": m("x"), "z": m("z", [office])})
    assert len(res.clusters) == 1 and res.merges[0][2] == "same province: Sơn La"


def test_resolve_a_commune_read_with_no_province_is_the_one_unit_of_that_name():
    orgs = {r.PGID + "org/" + iri: {"labels": {label}} for iri, label in (
        ("uy-ban-nhan-dan-xa-tan-my", "Ủy ban nhân dân xã Tân Mỹ"),
        ("uy-ban-nhan-dan-xa-tan-my--lang-son", "Ủy ban nhân dân xã Tân Mỹ"),
        ("uy-ban-nhan-dan-xa-an-phu", "Ủy ban nhân dân xã An Phú"),
        ("uy-ban-nhan-dan-xa-an-phu--lang-son", "Ủy ban nhân dân xã An Phú"),
        ("uy-ban-nhan-dan-xa-an-phu--cao-bang", "Ủy ban nhân dân xã An Phú"))}
    groups = [{g.rsplit("/", 1)[-1] for g in group} for group in r.org_variants(orgs)]
    # one province has a Tân Mỹ: the same unit; two have an An Phú: which one cannot be told
    assert groups == [{"uy-ban-nhan-dan-xa-tan-my--lang-son", "uy-ban-nhan-dan-xa-tan-my"}]


def _groups(names: dict[str, str], offices: dict[str, int] | None = None, parents: dict[str, str] | None = None):
    orgs = {r.PGID + "org/" + k: {"labels": {v}, "parents": set()} for k, v in names.items()}
    for child, parent in (parents or {}).items():
        orgs[r.PGID + "org/" + child]["parents"].add(r.PGID + "org/" + parent)
    counts = {r.PGID + "org/" + k: n for k, n in (offices or {}).items()}
    return [[g.rsplit("/", 1)[-1] for g in group] for group in r.org_variants(orgs, counts)]


def test_resolve_a_district_named_with_the_word_of_another_time_is_one_unit():
    # Sầm Sơn: a thị xã until 2017, a thành phố since; Cao Lãnh: a huyện and a thành phố side by side
    assert _groups({"dang-bo-thi-xa-sam-son--thanh-hoa": "Đảng bộ thị xã Sầm Sơn",
                    "dang-bo-thanh-pho-sam-son--thanh-hoa": "Đảng bộ thành phố Sầm Sơn",
                    "dang-bo-thi-xa-sam-son--nghe-an": "Đảng bộ thị xã Sầm Sơn",
                    "dang-bo-huyen-cao-lanh--dong-thap": "Đảng bộ huyện Cao Lãnh",
                    "dang-bo-thanh-pho-cao-lanh--dong-thap": "Đảng bộ thành phố Cao Lãnh"}) == [
        ["dang-bo-thanh-pho-sam-son--thanh-hoa", "dang-bo-thi-xa-sam-son--thanh-hoa"]]


def test_resolve_a_name_run_on_into_a_verb_is_the_unit_before_it():
    assert _groups({"bo-y-te": "Bộ Y tế", "bo-y-te-kiem-tra": "Bộ Y tế kiểm tra",
                    "bo-van-hoa": "Bộ Văn hóa", "bo-van-hoa-thong-tin": "Bộ Văn hóa thông tin"},
                   {"bo-y-te": 12, "bo-y-te-kiem-tra": 1, "bo-van-hoa": 1, "bo-van-hoa-thong-tin": 9}) == [
        ["bo-van-hoa-thong-tin", "bo-van-hoa"], ["bo-y-te", "bo-y-te-kiem-tra"]]  # "thông tin" is no verb here
    # a name run on into any lower-case word no name has, seen with no office; not a university of its own
    assert _groups({"a": "Tổng công ty Sông Gianh", "b": "Tổng công ty Sông Gianh cam kết trả nợ",
                    "c": "Trường Đại học Y", "d": "Trường Đại học Y dược Cần Thơ",
                    "e": "Mặt trận Tổ quốc Việt Nam", "f": "Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh"},
                   {"a": 2, "c": 1, "e": 5}) == [["a", "b"]]
    assert _groups({"a": "Đại học Vinh", "b": "Đại học Vinh tổ chức kỳ thi tuyển sinh"}, {"a": 1}) == [["a", "b"]]


def test_resolve_a_ministry_cut_short_is_the_one_ministry_it_starts():
    names = {"bo-tai-nguyen": "Bộ Tài nguyên", "bo-tai-nguyen-va-moi-truong": "Bộ Tài nguyên và Môi trường",
             "bo-tai-nguyen-va-moi-truong-lao": "Bộ Tài nguyên và Môi trường Lào",
             "cuc-quan-ly": "Cục Quản lý", "cuc-quan-ly-thi-truong": "Cục Quản lý thị trường",
             "bo-van-hoa": "Bộ Văn hóa", "bo-van-hoa-thong-tin": "Bộ Văn hóa thông tin",
             "bo-van-hoa-the-thao-va-du-lich": "Bộ Văn hóa, Thể thao và Du lịch"}
    offices = {"bo-tai-nguyen": 1, "bo-tai-nguyen-va-moi-truong": 9, "bo-tai-nguyen-va-moi-truong-lao": 1,
               "cuc-quan-ly": 1, "cuc-quan-ly-thi-truong": 5, "bo-van-hoa": 1, "bo-van-hoa-thong-tin": 3,
               "bo-van-hoa-the-thao-va-du-lich": 3}
    # a department's name cut two words short could be any "Cục Quản lý …"; "Bộ Văn hóa" is one of two
    assert _groups(names, offices) == [["bo-tai-nguyen-va-moi-truong", "bo-tai-nguyen"]]


def test_resolve_a_department_under_its_one_ministry_is_the_one_named_with_it():
    names = {"vu-kiem-soat-chi": "Vụ Kiểm soát chi", "vu-kiem-soat-chi-bo-tai-chinh": "Vụ Kiểm soát chi Bộ Tài chính",
             "bo-tai-chinh": "Bộ Tài chính", "bo-noi-vu": "Bộ Nội vụ", "bo-xay-dung": "Bộ Xây dựng",
             "vu-phap-che": "Vụ Pháp chế", "vu-phap-che-bo-noi-vu": "Vụ Pháp chế Bộ Nội vụ",
             "vu-phap-che-bo-xay-dung": "Vụ Pháp chế Bộ Xây dựng"}
    # every ministry has a Vụ Pháp chế: the one under Bộ Nội vụ here is no reason to join the bare one to it
    assert _groups(names, {}, {"vu-kiem-soat-chi": "bo-tai-chinh", "vu-phap-che": "bo-noi-vu"}) == [
        ["vu-kiem-soat-chi-bo-tai-chinh", "vu-kiem-soat-chi"]]


def test_resolve_namesakes_holding_no_office_are_asked_about_against_those_who_hold_one():
    def m(iri, province, offices=()):
        return r.Mention(iri, "Hà Văn Tuyến", r.name_key("Hà Văn Tuyến"), "a/" + iri, None, province, list(offices))

    office = r.OfficeRec("m-w", "org-w", "org-w", r.PGROLE + "chu-tich", "Current", None, None, None, True,
                         "Quốc hội")
    plain = {i: m(i, p) for i, p in (("v", "Sơn La"), ("x", "Lai Châu"), ("y", None), ("z", "Hà Giang"))}
    # none holds an office: each is asked about once, against the one named most (not 6 pairs, 3)
    assert len(r.cluster(plain).open) == 3
    # one holds an office: the other four against it, not against each other
    res = r.cluster({**plain, "w": m("w", None, [office])})
    assert len(res.clusters) == 5 and sorted(len({p.a.iri, p.b.iri} & {c.iri for c in res.clusters
                                                  if c.mentions[0].iri == "w"}) for p in res.open) == [1, 1, 1, 1]


def test_resolve_a_unit_named_without_its_ministry_is_the_one_the_store_has_under_one():
    names = {"vu-nong-thon": "Vụ Nông thôn", "vu-nong-thon-bo-xay-dung": "Vụ Nông thôn Bộ Xây dựng",
             "bo-xay-dung": "Bộ Xây dựng", "bo-noi-vu": "Bộ Nội vụ", "bo-cong-an": "Bộ Công an",
             "vu-bien-gioi": "Vụ Biên giới", "vu-bien-gioi-bo-noi-vu": "Vụ Biên giới Bộ Nội vụ",
             "vu-bien-gioi-bo-cong-an": "Vụ Biên giới Bộ Công an",
             "truong-dai-hoc-a": "Trường Đại học A", "truong-dai-hoc-a-bo-phieu": "Trường Đại học A bỏ phiếu"}
    # two ministries have a Vụ Biên giới: which one cannot be told; "bỏ phiếu" is no ministry
    assert _groups(names) == [["vu-nong-thon-bo-xay-dung", "vu-nong-thon"]]


def test_resolve_a_member_school_named_alone_is_the_one_named_under_its_university():
    names = {"q": "Trường Đại học Quốc tế", "qg": "Trường Đại học Quốc tế - Đại học Quốc gia TPHCM",
             "g": "Đại học Quốc gia thành phố Hồ Chí Minh", "dn": "Đại học Đà Nẵng",
             "b": "Trường Đại học Bách khoa", "bg": "Trường Đại học Bách khoa - Đại học Quốc gia TPHCM",
             "bd": "Trường Đại học Bách khoa - Đại học Đà Nẵng"}
    # two universities have a Trường Đại học Bách khoa: which one cannot be told
    assert _groups(names) == [["qg", "q"]]
    # named with the umbrella's place only, it is the member of that umbrella
    assert _groups({"a": "Trường Đại học Sư phạm - Đại học Đà Nẵng", "b": "Trường Đại học Sư phạm Đà Nẵng",
                    "c": "Trường Đại học Kỹ thuật - Đại học Quốc gia Hà Nội", "d": "Trường Đại học Kỹ thuật Hà Nội",
                    "e": "Trường Đại học Sư phạm Huế"}) == [["a", "b"], ["c", "d"]]


def test_resolve_the_party_organisation_of_one_unit_under_two_names_is_one():
    # "Tổng cục Hậu" is "Tổng cục Hậu cần" cut a syllable short (`_cut_names`), and so are their party bodies
    groups = _groups({"a": "Tổng cục Hậu", "b": "Tổng cục Hậu cần",
                      "pa": "Đảng bộ Tổng cục Hậu", "pb": "Đảng bộ Tổng cục Hậu cần",
                      "ea": "Ban Chấp hành Đảng bộ Tổng cục Hậu", "c": "Tổng cục Kỹ thuật",
                      "pc": "Đảng bộ Tổng cục Kỹ thuật nhân dân"}, {"a": 1, "b": 5})
    # the executive committee is a body of its own; "Tổng cục Kỹ thuật" is one name only
    assert sorted(sorted(g) for g in groups) == [["a", "b"], ["pa", "pb"]]


def test_resolve_the_board_of_a_company_named_with_and_without_the_country_is_one():
    # one company before and after a change of status ("Tổng công ty" to "Tập đoàn"), the country's own
    groups = _groups({"a": "Tổng công ty Vinapaco Việt Nam", "b": "Tập đoàn Vinapaco",
                      "ha": "Hội đồng quản trị Tổng công ty Vinapaco Việt Nam", "hb": "Hội đồng quản trị Tập đoàn Vinapaco",
                      "c": "Tổng công ty Vinapaco Đồng Nai", "hc": "Hội đồng quản trị Tổng công ty Vinapaco Đồng Nai"})
    assert sorted(sorted(g) for g in groups) == [["a", "b"], ["ha", "hb"]]


def test_resolve_a_department_named_short_before_its_ministry_is_the_one_whose_name_goes_on():
    # "Vụ Kế hoạch" goes on two ways in Bộ Y tế: which one cannot be told
    assert _groups({"a": "Vụ Tổ chức Bộ Giao thông vận tải", "b": "Vụ Tổ chức cán bộ Bộ Giao thông vận tải",
                    "m": "Bộ Giao thông vận tải", "c": "Vụ Kế hoạch Bộ Y tế", "d": "Vụ Kế hoạch - Tài chính Bộ Y tế",
                    "e": "Vụ Kế hoạch đầu tư Bộ Y tế", "y": "Bộ Y tế"}) == [["b", "a"]]


def test_resolve_a_ministry_named_short_is_the_one_of_that_name_when_its_offices_were_reported():
    from datetime import date

    names = {"bo-van-hoa": "Bộ Văn hóa", "bo-van-hoa-thong-tin": "Bộ Văn hóa - Thông tin",
             "bo-vhttdl": "Bộ Văn hóa, Thể thao và Du lịch", "bo-giao-duc": "Bộ Giáo dục",
             "bo-giao-duc-va-dao-tao": "Bộ Giáo dục và Đào tạo", "bo-khoa-hoc": "Bộ Khoa học",
             "bo-khoa-hoc-va-cong-nghe": "Bộ Khoa học và Công nghệ"}
    orgs = {r.PGID + "org/" + k: {"labels": {v}} for k, v in names.items()}
    counts = {r.PGID + "org/" + k: 5 for k in names}

    def groups(**when):
        dates = {r.PGID + "org/" + k: [date(y, 1, 1) for y in ys] for k, ys in when.items()}
        return [sorted(g.rsplit("/", 1)[-1] for g in group) for group in r.org_variants(orgs, counts, dates)]

    assert groups(**{"bo-van-hoa": [2005, 2006], "bo-giao-duc": [2012]}) == [
        ["bo-giao-duc", "bo-giao-duc-va-dao-tao"], ["bo-van-hoa", "bo-van-hoa-thong-tin"]]
    assert groups(**{"bo-van-hoa": [2010]}) == [["bo-van-hoa", "bo-vhttdl"]]
    # reports on both sides of 2007, or before the ministry had its name: left as named
    assert groups(**{"bo-van-hoa": [2005, 2010], "bo-khoa-hoc": [1999]}) == []


def test_resolve_a_local_department_named_like_its_ministry_short_is_the_one_named_in_full():
    from datetime import date

    names = {"so-a": "Sở Tài nguyên tỉnh Bắc Giang", "so-b": "Sở Tài nguyên và Môi trường tỉnh Bắc Giang",
             "so-c": "Sở Tài nguyên tỉnh Hòa Bình", "phong-a": "Phòng Giáo dục huyện Đông Anh",
             "phong-b": "Phòng Giáo dục và Đào tạo huyện Đông Anh"}
    orgs = {r.PGID + "org/" + k: {"labels": {v}} for k, v in names.items()}
    dates = {r.PGID + "org/" + k: [date(2015, 1, 1)] for k in names if k != "so-a"}  # undated: one ministry
    groups = r.org_variants(orgs, {i: 2 for i in orgs}, dates)
    # Hòa Bình's has no full name in the store: left as named
    assert [sorted(g.rsplit("/", 1)[-1] for g in group) for group in groups] == [["phong-a", "phong-b"],
                                                                                ["so-a", "so-b"]]


def test_resolve_two_names_one_within_the_other_are_one_unit_when_one_person_holds_one_post_in_both():
    names = {"a": "Công ty Đầu tư xây dựng cảng Hải Phòng", "b": "Tổng công ty Xây dựng cảng Hải Phòng",
             "c": "Công ty Xây dựng cảng", "d": "Vụ Hợp tác quốc tế Bộ Y tế", "e": "Vụ Hợp tác Bộ Y tế"}
    orgs = {r.PGID + "org/" + k: {"labels": {v}} for k, v in names.items()}
    post = (r.name_key("Lê Văn Bình"), r.PGROLE + "pho-tong-giam-doc")
    holders = {r.PGID + "org/" + k: {post} for k in "abc"}
    holders[r.PGID + "org/d"] = {(r.name_key("Hà Văn Cường"), r.PGROLE + "vu-truong")}
    holders[r.PGID + "org/e"] = {(r.name_key("Hà Văn Cường"), r.PGROLE + "pho-vu-truong")}
    groups = [sorted(g.rsplit("/", 1)[-1] for g in group) for group in r.org_variants(orgs, {}, {}, holders)]
    # "c" leaves the place out, but its words are within the others': one company; another post is no evidence
    assert groups == [["a", "b", "c"]]
    assert r.org_variants(orgs, {}, {}, {}) == []


def test_resolve_a_company_by_its_proper_name_is_one_whatever_its_status_or_a_brand_after_it():
    groups = _groups({"a": "Công ty Sông Lam", "b": "Tổng công ty Sông lam", "c": "Tập đoàn Sông Lam",
                      "d": "Tập đoàn Viễn thông Hàng hải", "e": "Tập đoàn Viễn thông Hàng hải Vimaritel",
                      # named by its trade, each is one of many; a brand's own post office is not the brand
                      "f": "Công ty Điện lực", "g": "Tổng công ty Điện lực Việt Nam",
                      "h": "Tổng công ty Bưu chính Vimaritel", "i": "Tổng công ty Bưu chính"})
    assert sorted(sorted(g) for g in groups) == [["a", "b", "c"], ["d", "e"]]


def test_resolve_a_national_group_is_one_by_its_official_name_short_name_or_initials():
    assert r.org_key("Ban Thường vụ Đảng ủy Bộ Công an") == r.org_key("Ban Thường vụ Đảng ủy Công an Trung ương")
    assert r.org_key("Bộ Tài nguyênnguyên và Môi trường") == r.org_key("Bộ Tài nguyên và Môi trường")
    assert r.org_key("Đảng bộ Bộ Công an") == r.org_key("Đảng bộ Công an Trung ương") != r.org_key("Bộ Công an")
    assert r.org_key("Tập đoàn Dầu khí Quốc gia Việt Nam") == r.org_key("Tập đoàn Dầu khí Việt Nam") \
        == r.org_key("Tập đoàn PVN") == r.org_key("Tập đoàn Dầu khí Quốc gia")
    assert r.org_key("Tập đoàn EVN") == r.org_key("Tập đoàn Điện lực Việt Nam")
    assert r.org_key("Tập đoàn Viettel") == r.org_key("Tập đoàn Viễn thông Quân đội")
    assert r.org_key("Hội Hữu nghị Việt Nam - Cu-ba") == r.org_key("Hội Hữu nghị Việt Nam - Cuba")
    # a brand read as the corporation's name, a head or a place written twice, a body's other name before its place
    assert r.org_key("Hội đồng quản trị Vinaconex") == r.org_key("Hội đồng quản trị Tổng công ty Vinaconex") \
        == r.org_key("Hội đồng quản trị Tổng công ty Xuất nhập khẩu xây dựng Việt Nam")
    assert r.org_key("Công ty Tập đoàn Khoa học Hòa Bình") == r.org_key("Tập đoàn Khoa học Hòa Bình")
    assert r.org_key("Bộ Tư lệnh Thủ đô thành phố Hà Nội") == r.org_key("Bộ Tư lệnh Thủ đô")
    assert r.org_key("Công đoàn tỉnh Nam Định") == r.org_key("Liên đoàn Lao động tỉnh Nam Định")
    assert r.org_key("Công đoàn Giáo dục tỉnh Nam Định") != r.org_key("Liên đoàn Lao động tỉnh Nam Định")
    assert r.org_key("Ban Chỉ huy Quân sự tỉnh Nam Định") == r.org_key("Bộ Chỉ huy Quân sự tỉnh Nam Định")
    assert r.org_key("Ban Chỉ huy Quân sự huyện Giao Thủy") != r.org_key("Bộ Chỉ huy Quân sự huyện Giao Thủy")


def test_resolve_a_party_organisation_of_a_body_is_one_with_or_without_the_word_for_its_offices():
    assert r.org_key("Đảng bộ Cơ quan Văn phòng Chính phủ") == r.org_key("Đảng bộ Văn phòng Chính phủ")
    assert r.org_key("Ban Chấp hành Đảng bộ cơ quan Bộ Tư pháp") == r.org_key("Ban Chấp hành Đảng bộ Bộ Tư pháp")
    assert r.org_key("Hiệp hội các doanh nghiệp khu công nghiệp tỉnh Bắc Ninh") == \
        r.org_key("Hiệp hội Khu công nghiệp tỉnh Bắc Ninh")
    assert r.org_key("Hiệp hội Doanh nghiệp tỉnh Bắc Ninh") != r.org_key("Hiệp hội tỉnh Bắc Ninh")
    assert r.org_key("Trường Đại học Thủy lợi") == r.org_key("Đại học Thủy lợi")
    assert r.org_key("Trường Tiểu học Thủy lợi") != r.org_key("Tiểu học Thủy lợi")
    # the offices of a province or of the Party are the units of those, not the province's party organisation
    assert r.org_key("Đảng bộ cơ quan tỉnh Bắc Giang") != r.org_key("Đảng bộ tỉnh Bắc Giang")
    assert r.org_key("Đảng bộ Cơ quan Đảng tỉnh Bắc Giang") != r.org_key("Đảng bộ Đảng tỉnh Bắc Giang")


def test_resolve_the_same_post_in_a_relative_unit_in_one_province_is_one_person():
    def m(iri, province, org):
        office = r.OfficeRec("m-" + iri, org, org, r.PGROLE + "pho-giam-doc", "Current", None, None, None, False,
                             "Trung tâm Quỹ đất")
        return r.Mention(iri, "Võ Văn Lâm", r.name_key("Võ Văn Lâm"), "a/" + iri, None, province, [office])

    # each article's "Trung tâm Quỹ đất" is its own node (no province in the name)
    res = r.cluster({"x": m("x", "Cần Thơ", r.PGID + "org/trung-tam-quy-dat-0123456789ab"),
                     "y": m("y", "Cần Thơ", r.PGID + "org/trung-tam-quy-dat-ba9876543210")})
    assert len(res.clusters) == 1 and res.merges[0][2].startswith("same post in the same province: pho-giam-doc")
    res = r.cluster({"x": m("x", "Cần Thơ", r.PGID + "org/trung-tam-quy-dat-0123456789ab"),
                     "y": m("y", "Long An", r.PGID + "org/trung-tam-quy-dat-ba9876543210")})
    assert len(res.clusters) == 2


def test_resolve_a_namesake_whose_only_post_is_in_a_company_is_not_placed_by_the_story():
    def m(iri, office):
        return r.Mention(iri, "Lê Văn Dũng", r.name_key("Lê Văn Dũng"), "a/" + iri, None, "Hồ Chí Minh", [office])

    public = r.OfficeRec("m-x", "org-x", "org-x", r.PGROLE + "chu-tich", "Current", None, None, "Hồ Chí Minh",
                         False, "Sở Giao dịch chứng khoán thành phố Hồ Chí Minh")
    company = r.OfficeRec("m-y", "org-y", "org-y", r.PGROLE + "giam-doc", "Current", None, None, None, False,
                          "Công ty Phát Đạt", True)
    res = r.cluster({"x": m("x", public), "y": m("y", company)})
    assert len(res.clusters) == 2 and len(res.open) == 1
    # the same company post with no company flag: the article's province decides, as before
    res = r.cluster({"x": m("x", public), "y": m("y", r.OfficeRec(*[getattr(company, f) for f in (
        "membership", "org", "unit", "role", "status", "term", "as_of", "province", "central", "label")]))})
    assert len(res.clusters) == 1 and res.merges[0][2] == "same province: Hồ Chí Minh"


def test_resolve_a_namesake_known_by_the_story_alone_is_not_placed_beside_a_companys_man():
    def m(iri, offices):
        return r.Mention(iri, "Lê Văn Dũng", r.name_key("Lê Văn Dũng"), "a/" + iri, None, "Hồ Chí Minh", offices)

    board = r.OfficeRec("m-x", "org-x", "org-x", r.PGROLE + "chu-tich", "Current", None, None, "Hồ Chí Minh",
                        False, "Hội đồng quản trị Công ty Phát Đạt thành phố Hồ Chí Minh", True)
    public = r.OfficeRec("m-z", "org-z", "org-z", r.PGROLE + "pho-chu-tich", "Current", None, None, "Hồ Chí Minh",
                         False, "Ủy ban nhân dân thành phố Hồ Chí Minh")
    # no post read for "y": its article's province meets only a company's chairman, no evidence
    res = r.cluster({"x": m("x", [board]), "y": m("y", [])})
    assert len(res.clusters) == 2 and len(res.open) == 1
    # beside a public office of that province, the article's province still is evidence
    res = r.cluster({"z": m("z", [public]), "y": m("y", [])})
    assert len(res.clusters) == 1 and res.merges[0][2] == "same province: Hồ Chí Minh"
