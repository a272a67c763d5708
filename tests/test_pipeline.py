"""The extraction pipeline: components in a checked order, language as data, small functions."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
import yaml

from partygraph.extract import extract
from partygraph.extract.component import check_order
from partygraph.extract.pipeline import PIPELINE
from partygraph.lexicon import DATA, Lexicon
from partygraph.read import Article

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "partygraph" / "extract"


def _offices(text: str, lex: Lexicon | None = None) -> set[tuple[str, str, str, str]]:
    x = extract(Article(id="t", text=text, source="test"), lex)
    return {(o.person, o.role.vi, o.org.label, o.status) for o in x.offices}


def test_pipeline_new_verb_phrasing_is_one_data_line(tmp_path):
    text = "Ông Trần Văn Bình được luân chuyển giữ chức Bí thư Tỉnh ủy Nghệ An."
    assert _offices(text) == set()  # not a phrasing the lexicon knows

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    lexicon = yaml.safe_load((data / "lexicon.yaml").read_text(encoding="utf-8"))
    lexicon["office_verbs"][1]["forms"].append("được luân chuyển giữ chức")  # the one line
    (data / "lexicon.yaml").write_text(yaml.safe_dump(lexicon, allow_unicode=True), encoding="utf-8")

    assert _offices(text, Lexicon(data)) == {("Trần Văn Bình", "Bí thư", "Đảng bộ tỉnh Nghệ An", "current")}


def test_pipeline_order_is_checked():
    check_order(PIPELINE)
    offices = next(c for c in PIPELINE if c.name == "verb_clauses")
    with pytest.raises(ValueError, match="verb_clauses"):
        check_order([offices] + [c for c in PIPELINE if c is not offices])


def test_pipeline_components_declare_what_they_read_and_add():
    for c in PIPELINE:
        assert c.assigns, f"{c.name} assigns nothing"
        assert c.doc, f"{c.name} has no docstring saying what it reads"


def test_pipeline_no_long_functions_in_extract():
    long = []
    for path in EXTRACT.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 60:
                long.append(f"{path.name}:{node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert not long, long


def _persons(text: str) -> set[str]:
    return set(extract(Article(id="t", text=text, source="test")).persons)


def test_people_full_names_without_title_are_persons():
    text = ("Người dân Trần Văn Thắng cho biết cả xóm đã góp tiền. "
            "Em Lê Thị Mỹ Duyên, học sinh lớp 9, kể lại.")
    assert _persons(text) == {"Trần Văn Thắng", "Lê Thị Mỹ Duyên"}


def test_people_bylines_places_and_two_syllable_runs_are_not_persons():
    assert _persons("Ảnh: Phạm Văn Tuấn. Đoàn khách từ Đan Mạch đến thăm.") == set()
    assert _persons("Khu vực Châu Á Thái Bình Dương tăng trưởng nhanh.") == set()
    assert _persons("Nhà báo Lê Hùng viết bài này.") == set()  # two syllables, no honorific: too weak
    assert _persons("Công ty Nguyễn Hoàng Informatics mở chi nhánh.") == set()


def test_changes_merger_result_named_before_on_the_basis_of():
    text = ("Đảng bộ Công an tỉnh Lâm Đồng thành lập trên cơ sở hợp nhất Đảng bộ Công an tỉnh Lâm Đồng "
            "và Đảng bộ Công an tỉnh Đắk Nông.")
    (change,) = extract(Article(id="t", text=text, source="test")).changes
    assert change.kind == "merger"
    assert [o.label for o in change.originals] == ["Đảng bộ Công an tỉnh Lâm Đồng", "Đảng bộ Công an tỉnh Đắk Nông"]
    assert [o.label for o in change.results] == ["Đảng bộ Công an tỉnh Lâm Đồng"]


def test_changes_units_with_places_are_never_joined_into_a_new_name():
    text = "Hợp nhất Đảng bộ Quân sự tỉnh Bắc Giang và Đảng bộ Quân sự tỉnh Bắc Ninh."
    x = extract(Article(id="t", text=text, source="test"))
    assert x.changes == []
    assert not any(" và " in o.label for o in x.orgs.values())


def test_orgs_a_place_word_after_a_name_word_opens_the_place():
    text = "Ông Trần Văn Bình, Phó Giám đốc Sở Tài chính thành phố Hải Phòng, dự họp."
    assert _offices(text) == {("Trần Văn Bình", "Phó Giám đốc", "Sở Tài chính thành phố Hải Phòng", "current")}


def test_orgs_national_body_named_in_full_is_one_shared_node():
    x = extract(Article(id="a", text="Bà Trần Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam, và bà Lê Thị Hoa, "
                        "Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam tỉnh Nghệ An, dự lễ.", source="test"))
    labels = {o.person: (o.org.label, o.org.level, o.org.scoped) for o in x.offices}
    assert labels == {"Trần Thị Lan": ("Hội Liên hiệp Phụ nữ Việt Nam", "central", False),
                      "Lê Thị Hoa": ("Hội Liên hiệp Phụ nữ tỉnh Nghệ An", "provincial", False)}


def _parents(text: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, source="test"))
    return {(o.label, o.parent.label) for o in x.orgs.values() if o.parent is not None}


def test_hierarchy_district_bodies_belong_to_their_province():
    parents = _parents("Ông Lê Văn An, Bí thư Huyện ủy Hương Sơn, Chủ tịch UBND huyện Hương Sơn, tỉnh Hà Tĩnh.")
    assert ("Đảng bộ huyện Hương Sơn", "Đảng bộ tỉnh Hà Tĩnh") in parents
    assert ("Ủy ban nhân dân huyện Hương Sơn", "Ủy ban nhân dân tỉnh Hà Tĩnh") in parents


def test_hierarchy_national_bodies_of_national_bodies():
    parents = _parents("Văn phòng Chính phủ và Ủy ban Thường vụ Quốc hội đã họp.")
    assert {("Văn phòng Chính phủ", "Chính phủ"), ("Ủy ban Thường vụ Quốc hội", "Quốc hội")} <= parents


def test_places_chain_of_administrative_units_nests():
    x = extract(Article(id="t", text="Ông Lê Văn An ở xã Thạnh Lợi, huyện Bình Đại, tỉnh Bến Tre.", source="test"))
    units = {o.label: (o.kind, o.level, o.province) for o in x.orgs.values() if o.kind == "administrative"}
    assert units == {"xã Thạnh Lợi": ("administrative", "grassroots", "Bến Tre"),
                     "huyện Bình Đại": ("administrative", "district", "Bến Tre"),
                     "tỉnh Bến Tre": ("administrative", "provincial", "Bến Tre")}
    assert x.stated_parents == {("xã thạnh lợi--bến tre", "huyện bình đại--bến tre"),
                                ("huyện bình đại--bến tre", "tỉnh bến tre")}


def test_places_foreign_cities_and_unplaced_communes_are_left_out():
    x = extract(Article(id="t", text="Đoàn đến thành phố New York. Ông Lê Văn An về xã Tân Lập.", source="test"))
    assert not [o for o in x.orgs.values() if o.kind == "administrative"]


def test_context_a_city_written_with_an_abbreviation_is_the_article_s_place():
    text = ("Hội nghị Ban Chấp hành Đảng bộ TP HCM đã bầu bổ sung. "
            "Ông Trần Văn Bình, Trưởng Ban Tuyên giáo Thành ủy, phát biểu.")
    assert ("Trần Văn Bình", "Trưởng ban", "Ban Tuyên giáo Thành ủy Hồ Chí Minh", "current") in _offices(text)


def test_people_a_name_after_a_city_word_is_a_person_not_a_street():
    text = "Đến dự có Bí thư Thành ủy Hà Nội Trần Văn An, Chủ tịch UBND thành phố Lê Văn Bình."
    assert ("Lê Văn Bình", "Chủ tịch", "Ủy ban nhân dân thành phố Hà Nội", "current") in _offices(text)
    assert not any(p == "Trần Văn An" and r == "Chủ tịch" for p, r, _, _ in _offices(text))


def test_offices_ministry_departments_and_local_divisions():
    got = _offices("Ông Trần Văn An - Phó Vụ trưởng Vụ Tổ chức cán bộ, Bộ Xây dựng; bà Lê Thị Hoa, Trưởng phòng "
                   "Quản lý đô thị quận 8, cùng dự. Vụ án đang được điều tra.")
    assert got == {("Trần Văn An", "Phó Vụ trưởng", "Vụ Tổ chức cán bộ Bộ Xây dựng", "current"),
                   ("Lê Thị Hoa", "Trưởng phòng", "Phòng Quản lý đô thị quận 8", "current")}


def test_terms_of_a_committee_the_article_states_go_to_its_elected_members():
    x = extract(Article(id="t", source="test", text=(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An khóa XVIII, nhiệm kỳ 2015-2020 đã họp. "
        "Ông Trần Văn An được bầu bổ sung vào Ban Thường vụ Tỉnh ủy.")))
    assert {(o.person, o.role.vi, o.org.label, o.status, o.term) for o in x.offices} == {
        ("Trần Văn An", "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An", "elected", (2015, 2020))}


def test_an_office_a_sentence_ends_is_not_also_current_there():
    got = _offices("Quyết định điều động ông Trần Văn An, Bí thư Tỉnh ủy Bắc Giang, thôi giữ chức Bí thư "
                   "Tỉnh ủy Bắc Giang nhiệm kỳ 2015-2020 để giữ chức Thứ trưởng Bộ Công an.")
    assert ("Trần Văn An", "Bí thư", "Đảng bộ tỉnh Bắc Giang", "former") in got
    assert ("Trần Văn An", "Bí thư", "Đảng bộ tỉnh Bắc Giang", "current") not in got


def test_orgs_offices_of_state_bodies_and_institutions():
    got = _offices("Bà Lê Thị Hoa, Chánh Văn phòng UBND tỉnh Nghệ An, và ông Trần Văn An, Giám đốc Trung tâm "
                   "Y tế dự phòng huyện Quỳnh Lưu, cùng dự.")
    assert ("Lê Thị Hoa", "Chánh Văn phòng", "Văn phòng Ủy ban nhân dân tỉnh Nghệ An", "current") in got
    assert ("Trần Văn An", "Giám đốc", "Trung tâm Y tế dự phòng huyện Quỳnh Lưu", "current") in got


def test_hierarchy_a_body_named_inside_another_and_a_province_closing_a_chain():
    assert ("Vụ Tham mưu tổng hợp Văn phòng Trung ương", "Văn phòng Trung ương") in _parents(
        "Ông Trần Văn An, Phó Vụ trưởng Vụ Tham mưu tổng hợp Văn phòng Trung ương Đảng, phát biểu.")
    x = extract(Article(id="t", source="test", text="Ông Lê Văn An ở xã Hòa Trị, huyện Phú Hòa, Phú Yên kể lại."))
    assert ("huyện phú hòa--phú yên", "tỉnh phú yên") in x.stated_parents


def test_an_appointment_told_after_before_that_is_not_a_former_post():
    got = _offices("Trước đó, ngày 6-2, ông Trần Văn Bình đã ký quyết định chỉ định Thứ trưởng Bộ Xây dựng "
                   "Lê Văn An giữ chức Phó Bí thư Tỉnh ủy Yên Bái. Trước đó, ông Lê Văn An làm Giám đốc Sở "
                   "Xây dựng tỉnh Yên Bái.")
    assert ("Lê Văn An", "Phó Bí thư", "Đảng bộ tỉnh Yên Bái", "former") not in got
    assert ("Lê Văn An", "Giám đốc", "Sở Xây dựng tỉnh Yên Bái", "former") in got


def test_secretary_of_a_place_and_a_place_named_like_an_association():
    got = _offices("Anh Hồ Văn Lâm, Bí thư xã Thạnh Lợi, huyện Bình Đại cho biết. Ông Trần Văn Bình, "
                   "Bí thư Thị ủy Hội An, dự.")
    assert ("Hồ Văn Lâm", "Bí thư", "Đảng bộ xã Thạnh Lợi", "current") in got
    assert ("Trần Văn Bình", "Bí thư", "Đảng bộ thị xã Hội An", "current") in got


def test_titles_a_place_s_name_is_no_former_marker_and_a_head_is_not_doubled():
    got = _offices("Khai mạc Đại hội các dân tộc Tây Nguyên Chủ tịch nước Trần Văn An phát biểu. "
                   "Ông Nguyễn Văn Bình, Phó phòng Phòng Khoáng sản, dự.")
    assert ("Trần Văn An", "Chủ tịch nước", "Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam", "current") in got
    assert ("Nguyễn Văn Bình", "Phó Trưởng phòng", "Phòng Khoáng sản", "current") in got


def test_orgs_a_committee_s_unit_in_lower_case_and_the_party_agencies_bloc():
    x = extract(Article(id="t", source="test", text=(
        "Quyết định sẽ được Ban Thường vụ huyện ủy Hương Sơn công bố. "
        "Đảng bộ Các cơ quan đảng TP Hải Phòng đã họp.")))
    labels = {o.label for o in x.orgs.values()}
    assert {"Ban Thường vụ Huyện ủy Hương Sơn", "Đảng bộ các cơ quan Đảng thành phố Hải Phòng"} <= labels


def test_orgs_police_investigation_agencies_belong_to_their_police():
    assert ("Cơ quan Cảnh sát điều tra Bộ Công an", "Bộ Công an") in _parents(
        "Thiếu tướng Trần Văn An, Thủ trưởng Cơ quan Cảnh sát điều tra Bộ Công an, cho biết.")
