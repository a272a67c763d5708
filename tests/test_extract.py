"""Extraction on real sentence forms of Vietnamese party news."""

from __future__ import annotations

import pytest

from extracting import offices, run


def test_extract_apposition_title_chain_splits_into_offices():
    x = run("Đồng chí Nguyễn Văn Nên, Ủy viên Bộ Chính trị, Bí thư Thành ủy Cần Thơ, "
            "Chủ tịch HĐND thành phố phát biểu tại hội nghị.")
    got = offices(x)
    assert ("Nguyễn Văn Nên", "Ủy viên", "Bộ Chính trị", "current") in got
    assert ("Nguyễn Văn Nên", "Bí thư", "Đảng bộ thành phố Cần Thơ", "current") in got
    assert any(o[1] == "Chủ tịch" and o[2].startswith("Hội đồng nhân dân thành phố") for o in got)


def test_extract_bare_province_resolved_from_text():
    x = run("Sáng 12/10, Tỉnh ủy Quảng Nam tổ chức hội nghị. "
            "Đồng chí Phan Việt Cường, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì.")
    got = offices(x)
    assert ("Phan Việt Cường", "Bí thư", "Đảng bộ tỉnh Quảng Nam", "current") in got
    assert ("Phan Việt Cường", "Chủ tịch", "Hội đồng nhân dân tỉnh Quảng Nam", "current") in got


def test_extract_nearest_province_wins_in_multi_province_article():
    x = run("Đoàn công tác tỉnh Bến Tre thăm tỉnh Trà Vinh. "
            "Tại tỉnh Trà Vinh, đồng chí Ngô Chí Cường, Bí thư Tỉnh ủy, tiếp đoàn.")
    assert ("Ngô Chí Cường", "Bí thư", "Đảng bộ tỉnh Trà Vinh", "current") in offices(x)


def test_extract_title_before_name():
    x = run("Phó Bí thư Thường trực Tỉnh ủy Bắc Ninh Nguyễn Quốc Chung cho biết kết quả.")
    assert ("Nguyễn Quốc Chung", "Phó Bí thư Thường trực", "Đảng bộ tỉnh Bắc Ninh", "current") in offices(x)


def test_extract_election_verb_and_term():
    x = run("Đồng chí Lê Quang Tùng đắc cử chức Bí thư Đảng ủy Khối các cơ quan Trung ương nhiệm kỳ 2020 - 2025.")
    (o,) = x.offices
    assert (o.person, o.role.vi, o.org.label, o.status, o.term) == (
        "Lê Quang Tùng", "Bí thư", "Đảng bộ Khối các cơ quan Trung ương", "elected", (2020, 2025))


def test_extract_elected_group_with_lam():
    x = run("Đại hội bầu đồng chí Trần Văn Hùng và đồng chí Lê Thị Thủy làm Phó Bí thư Tỉnh ủy Hà Nam.")
    got = offices(x)
    assert ("Trần Văn Hùng", "Phó Bí thư", "Đảng bộ tỉnh Hà Nam", "elected") in got
    assert ("Lê Thị Thủy", "Phó Bí thư", "Đảng bộ tỉnh Hà Nam", "elected") in got
    assert len(got) == 2


def test_extract_role_first_list():
    x = run("Phó Bí thư Tỉnh ủy Gia Lai là các đồng chí Rơ Châm Long và Hồ Văn Điềm.")
    got = offices(x)
    assert ("Rơ Châm Long", "Phó Bí thư", "Đảng bộ tỉnh Gia Lai", "current") in got
    assert ("Hồ Văn Điềm", "Phó Bí thư", "Đảng bộ tỉnh Gia Lai", "current") in got


def test_extract_former_title():
    x = run("Ông Nguyễn Văn Bình, nguyên Bí thư Tỉnh ủy Long An, đã tới dự.")
    assert ("Nguyễn Văn Bình", "Bí thư", "Đảng bộ tỉnh Long An", "former") in offices(x)


def test_extract_lowercase_title():
    x = run("Đồng chí Trần Thị Mai, phó bí thư thường trực Tỉnh ủy Nam Định, phát biểu.")
    assert ("Trần Thị Mai", "Phó Bí thư Thường trực", "Đảng bộ tỉnh Nam Định", "current") in offices(x)


def test_extract_abbreviations_expanded():
    x = run("Đồng chí Lê Văn Sơn, Ủy viên BTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh Bình Phước dự lễ.")
    got = offices(x)
    assert ("Lê Văn Sơn", "Ủy viên", "Ban Thường vụ Tỉnh ủy Bình Phước", "current") in got
    assert ("Lê Văn Sơn", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bình Phước", "current") in got


def test_extract_committee_belongs_to_its_unit():
    x = run("Ban Thường vụ Tỉnh ủy Yên Bái họp phiên thường kỳ.")
    btv = x.orgs["ban thường vụ tỉnh ủy yên bái"]
    assert btv.kind == "committee"
    assert btv.parent.label == "Ban Chấp hành Đảng bộ tỉnh Yên Bái"
    assert btv.parent.parent.label == "Đảng bộ tỉnh Yên Bái"
    assert btv.parent.parent.parent.label == "Đảng Cộng sản Việt Nam"


def test_extract_no_person_from_ideology_or_byline():
    x = run("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\nẢnh: Lê Thảo\nMinh Luận - Phạm Tăng")
    assert x.persons == {}
    assert x.province is None


def test_extract_congress_ordinal_term_and_dates():
    x = run("Đại hội đại biểu Đảng bộ tỉnh Đồng Nai lần thứ XI, nhiệm kỳ 2020 - 2025 diễn ra từ ngày 14-16/10/2020, "
            "với sự tham dự của 350/350 đại biểu.")
    (c,) = x.congresses
    assert (c.org.label, c.ordinal, c.term) == ("Đảng bộ tỉnh Đồng Nai", 11, (2020, 2025))
    assert (c.start.isoformat(), c.end.isoformat()) == ("2020-10-14", "2020-10-16")
    assert (c.delegates, c.delegates_present) == (350, 350)


def test_extract_congress_subject_before_verb_and_arabic_ordinal():
    x = run("Ngày 13-8, Đảng bộ xã Tân Hòa tổ chức Đại hội lần thứ 7, nhiệm kỳ 2020 - 2025.")
    (c,) = x.congresses
    assert c.org.label == "Đảng bộ xã Tân Hòa" and c.ordinal == 7
    assert c.start.isoformat() == "2020-08-13"


def test_extract_national_congress():
    x = run("Các đại biểu góp ý vào dự thảo văn kiện trình Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.")
    (c,) = x.congresses
    assert (c.org.label, c.ordinal) == ("Đảng Cộng sản Việt Nam", 13)


def test_extract_merger_with_result():
    x = run("Tỉnh quyết định hợp nhất Báo Hậu Giang và Đài Phát thanh - Truyền hình Hậu Giang "
            "thành Trung tâm Truyền thông Hậu Giang.")
    # the result is not a known kind of body: no event rather than a guess
    assert all(ch.kind != "merger" or ch.results for ch in x.changes)


def test_extract_founding_not_from_anniversary():
    x = run("Kỷ niệm 90 năm Ngày thành lập Đảng Cộng sản Việt Nam. "
            "Đồng chí Bí thư trao quyết định thành lập Chi bộ Công ty Cổ phần Sông Đà.")
    kinds = [(c.kind, [o.label for o in c.results]) for c in x.changes]
    assert kinds == [("founding", ["Chi bộ Công ty Cổ phần Sông Đà"])]


def test_extract_allcaps_headline_congress():
    x = run("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH THÁI BÌNH LẦN THỨ XX, NHIỆM KỲ 2020-2025\n"
            "Đảng bộ tỉnh Thái Bình tổng kết nhiệm kỳ.")
    (c,) = x.congresses
    assert c.ordinal == 20 and c.org.label == "Đảng bộ tỉnh Thái Bình" and c.term == (2020, 2025)


@pytest.mark.parametrize("text", [
    "Giá vàng hôm nay tăng mạnh, ông Nguyễn Văn A cho biết thị trường sôi động.",
    "Đội tuyển Việt Nam thắng 2-0, huấn luyện viên Park Hang-seo hài lòng.",
])
def test_extract_general_news_yields_no_office(text):
    assert run(text).offices == []


def test_extract_evidence_points_into_raw_text():
    raw = "Ngày 5/3/2021, đồng chí Lò Văn Tiến, Bí thư Tỉnh uỷ Lai Châu, làm việc với huyện."
    x = run(raw)
    (o,) = x.offices
    assert raw[o.evidence.start:o.evidence.end] == o.evidence.text
    assert "Tỉnh uỷ" in o.evidence.text  # cited as published, not as normalised


def test_extract_foreign_party_bodies_and_names_are_not_ours():
    x = run("Chủ tịch nước tiếp đồng chí Esteban Lazo Hernandes, Ủy viên Bộ Chính trị Đảng Cộng sản Cuba. "
            "Anh Hoàng Bình Quân, Bí thư T.Ư Đoàn, dự lễ.")
    # the Youth Union's central committee, not the Party's
    assert offices(x) == {("Hoàng Bình Quân", "Bí thư", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "current")}


def test_extract_chain_shares_the_named_province():
    x = run("Tỉnh Bến Tre khen thưởng. Nguyễn Văn Đẳng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Lâm Đồng.")
    assert ("Nguyễn Văn Đẳng", "Bí thư", "Đảng bộ tỉnh Lâm Đồng", "current") in offices(x)


def test_extract_city_alias_and_district_names():
    x = run("Ông Đinh La Thăng, Bí thư Thành ủy TP.HCM, và ông Nguyễn Văn Dũng, Chủ tịch UBND huyện Châu Thành "
            "tới dự.")
    got = offices(x)
    assert ("Đinh La Thăng", "Bí thư", "Đảng bộ thành phố Hồ Chí Minh", "current") in got
    assert ("Nguyễn Văn Dũng", "Chủ tịch", "Ủy ban nhân dân huyện Châu Thành", "current") in got


def test_extract_title_before_next_name_is_not_the_previous_persons():
    x = run("Tham dự có Tổng Bí thư Nông Đức Mạnh, Phó Thủ tướng thường trực Nguyễn Tấn Dũng.")
    got = offices(x)
    assert ("Nông Đức Mạnh", "Phó Thủ tướng", "Chính phủ", "current") not in got
    assert ("Nông Đức Mạnh", "Tổng Bí thư", "Ban Chấp hành Trung ương Đảng", "current") in got


def test_extract_joining_a_body_and_a_second_verb():
    x = run("Ban Bí thư chỉ định ông Đỗ Đức Duy tham gia Ban chấp hành Đảng bộ tỉnh, "
            "giữ chức Phó bí thư Tỉnh ủy Yên Bái.")
    got = offices(x)
    assert ("Đỗ Đức Duy", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Yên Bái", "current") in got
    assert ("Đỗ Đức Duy", "Phó Bí thư", "Đảng bộ tỉnh Yên Bái", "current") in got


def test_extract_meetings_are_not_bodies():
    x = run("Hội Nghị Trung ương lần thứ 6 bế mạc. Ông Trương Gia Bình, Chủ tịch Hội Doanh nghiệp Trẻ Việt Nam, phát biểu.")
    assert not any(label.startswith("hội nghị") for label in x.orgs)
    assert ("Trương Gia Bình", "Chủ tịch", "Hội Doanh nghiệp Trẻ Việt Nam", "current") in offices(x)


def test_extract_foreign_head_of_government_is_not_ours():
    x = run("Trong buổi hội đàm với Tổng bí thư Nông Đức Mạnh, Thủ tướng Vương quốc Bỉ Guy Verhofstadt cho biết.")
    assert ("Nông Đức Mạnh", "Thủ tướng", "Chính phủ", "current") not in offices(x)


def test_extract_ministry_abbreviations_and_entities():
    x = run("Ông Đào Văn Lượng, Giám đốc Sở KH&amp;CN TPHCM, đưa ra số liệu. "
            "Giám đốc Sở TDTT Nghệ An Nguyễn Hoàng Thụ thừa nhận.")
    got = offices(x)
    assert ("Đào Văn Lượng", "Giám đốc", "Sở Khoa học và Công nghệ thành phố Hồ Chí Minh", "current") in got
    assert ("Nguyễn Hoàng Thụ", "Giám đốc", "Sở Thể dục thể thao tỉnh Nghệ An", "current") in got


def test_extract_proposed_merger_is_not_an_event():
    x = run("Trường kiến nghị Bộ cho sáp nhập Trường Cao đẳng Kinh tế vào Trường Đại học Cần Thơ. "
            "Tỉnh ủy quyết định hợp nhất Ban Tuyên giáo Tỉnh ủy Hậu Giang và Ban Dân vận Tỉnh ủy Hậu Giang "
            "thành Ban Tuyên giáo và Dân vận Tỉnh ủy Hậu Giang.")
    events = [(c.kind, sorted(o.label for o in c.originals), [o.label for o in c.results]) for c in x.changes]
    assert events == [("merger", ["Ban Dân vận Tỉnh ủy Hậu Giang", "Ban Tuyên giáo Tỉnh ủy Hậu Giang"],
                       ["Ban Tuyên giáo và Dân vận Tỉnh ủy Hậu Giang"])]


def test_extract_list_of_titled_people_and_auxiliary_before_verb():
    x = run("6 ủy viên Bộ Chính trị tái cử gồm: Tổng bí thư Nông Đức Mạnh, Phó thủ tướng thường trực Nguyễn Tấn Dũng, "
            "Bí thư thành ủy Hà Nội Nguyễn Phú Trọng. Tổng bí thư Nông Đức Mạnh đã tái đắc cử Tổng bí thư BCH TƯ Đảng.")
    got = offices(x)
    assert ("Nguyễn Phú Trọng", "Bí thư", "Đảng bộ thành phố Hà Nội", "current") in got
    assert ("Nguyễn Tấn Dũng", "Phó Thủ tướng Thường trực", "Chính phủ", "current") in got
    assert not any(p == "Nguyễn Tấn Dũng" and r == "Bí thư" for p, r, _, _ in got)
    assert ("Nông Đức Mạnh", "Tổng Bí thư", "Ban Chấp hành Trung ương Đảng", "elected") in got


def test_extract_committee_member_list_and_role_first_list_with_ong():
    x = run("Đảng bộ xã Tân Phú tổ chức Đại hội lần thứ V. Đại hội đã tiến hành bầu Ban Chấp hành Đảng bộ xã Tân Phú "
            "nhiệm kỳ 2020-2025, gồm các đồng chí: Hoàng Văn Đại, Tống Thị Yến và Tào Việt Hà. "
            "UBND TP Hải Phòng hiện có 2 Phó Chủ tịch UBND gồm các ông: Lê Khắc Nam và Nguyễn Xuân Bình.")
    got = offices(x)
    for name in ("Hoàng Văn Đại", "Tống Thị Yến", "Tào Việt Hà"):
        assert (name, "Ủy viên", "Ban Chấp hành Đảng bộ xã Tân Phú", "elected") in got
    assert ("Lê Khắc Nam", "Phó Chủ tịch", "Ủy ban nhân dân thành phố Hải Phòng", "current") in got
    assert ("Nguyễn Xuân Bình", "Phó Chủ tịch", "Ủy ban nhân dân thành phố Hải Phòng", "current") in got


@pytest.mark.parametrize("text, start, end", [
    ("Đại hội đại biểu Đảng bộ huyện Tân Uyên lần thứ XII, nhiệm kỳ 2020-2025 diễn ra trong các ngày 21, 22/7.",
     "2020-07-21", "2020-07-22"),
    ("Đại hội Đảng bộ tỉnh Nam Hà lần thứ I diễn ra từ ngày 15 đến 21-10-1963 tại thị xã.", "1963-10-15", "1963-10-21"),
    ("Sáng 30-9, Đại hội đại biểu Đảng bộ tỉnh Lào Cai lần thứ XVI, nhiệm kỳ 2020 - 2025 khai mạc.",
     "2020-09-30", "2020-09-30"),
])
def test_extract_congress_date_forms(text, start, end):
    x = run(text, published="2020-10-01")
    (c,) = x.congresses
    assert (c.start.isoformat(), c.end.isoformat()) == (start, end)


def test_extract_career_history_is_former():
    x = run("Ông Nguyễn Văn An từng giữ các chức vụ: Bí thư Huyện ủy Tân Châu, Phó Chủ tịch UBND tỉnh Tây Ninh.")
    got = offices(x)
    assert ("Nguyễn Văn An", "Bí thư", "Đảng bộ huyện Tân Châu", "former") in got
    assert ("Nguyễn Văn An", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Tây Ninh", "former") in got


def test_extract_district_units_carry_their_province_and_share_the_chain_place():
    x = run("Tại tỉnh Trà Vinh, ông Nguyễn Văn Dũng, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Châu Thành cho biết.")
    got = {(o.role.vi, o.org.label, o.org.province) for o in x.offices}
    assert ("Phó Bí thư", "Đảng bộ huyện Châu Thành", "Trà Vinh") in got
    assert ("Chủ tịch", "Ủy ban nhân dân huyện Châu Thành", "Trà Vinh") in got


def test_rdfmap_district_iri_includes_province():
    from partygraph.iris import org_iri

    a = run("Tại tỉnh Trà Vinh, Huyện ủy Châu Thành họp.").orgs["ban chấp hành đảng bộ huyện châu thành--trà vinh"]
    b = run("Tại tỉnh Bến Tre, Huyện ủy Châu Thành họp.").orgs["ban chấp hành đảng bộ huyện châu thành--bến tre"]
    assert org_iri(a, "x") != org_iri(b, "y")
    assert str(org_iri(a, "x")).endswith("/org/ban-chap-hanh-dang-bo-huyen-chau-thanh--tra-vinh")


def test_rdfmap_a_name_many_units_have_stays_in_its_article():
    from partygraph.rdf.mapping import org_iri

    text = "Ông Lê Văn Hòa, Phó Bí thư Đảng ủy cơ quan, và ông Trần Văn Minh, Bí thư Đảng ủy Bộ Tư pháp, dự họp."
    a, b = run(text), run(text)
    generic = [o for o in a.orgs.values() if o.label.endswith("Đảng bộ Cơ quan")]
    assert len(generic) == 2 and all(org_iri(o, "x") != org_iri(o, "y") for o in generic)
    named = [o for o in b.orgs.values() if o.label.endswith("Đảng bộ Bộ Tư pháp")]
    assert len(named) == 2 and all(org_iri(o, "x") == org_iri(o, "y") for o in named)


def test_extract_names_that_end_like_heads_and_places_that_look_like_names():
    x = run("Đồng chí Nguyễn Xuân Trường, Bí thư Huyện ủy Yên Mỹ, và ông Trần Văn Sáng, Phó Chủ tịch UBND tỉnh "
            "Hưng Yên, dự lễ. Tổng Bí thư Trường Chinh đọc diễn văn. Đảng bộ và nhân dân tỉnh Hưng Yên phấn khởi.")
    assert {"Nguyễn Xuân Trường", "Trần Văn Sáng"} <= set(x.persons)
    assert "Hà Nội" not in x.persons
    assert not any(label.startswith("trường chinh") or label.startswith("đảng bộ và") for label in x.orgs)


def test_extract_ampersand_and_spaced_abbreviations():
    x = run("Ông Lê Văn Hòa, Giám đốc Sở TN & MT tỉnh Bình Định; ông Đỗ Văn Lâm, Vụ trưởng, Bộ Kế hoạch & Đầu tư.")
    got = offices(x)
    assert ("Lê Văn Hòa", "Giám đốc", "Sở Tài nguyên và Môi trường tỉnh Bình Định", "current") in got
    assert "bộ kế hoạch và đầu tư" in x.orgs


def test_extract_2025_units_and_village_branches():
    x = run("Tại tỉnh Quảng Ngãi, ông Nguyễn Văn Tùng, Bí thư Chi bộ thôn An Bình phát biểu. Đồng chí Nguyễn Đức Tuy, "
            "Bí thư Đảng ủy các cơ quan Đảng tỉnh; đồng chí Lê Minh Hoan, Bí thư Đảng ủy UBND tỉnh.", published="2025-08-15")
    got = {(o.person, o.role.vi, o.org.label, o.org.province) for o in x.offices}
    assert ("Nguyễn Văn Tùng", "Bí thư", "Chi bộ thôn An Bình", "Quảng Ngãi") in got
    assert ("Nguyễn Đức Tuy", "Bí thư", "Đảng bộ các cơ quan Đảng tỉnh Quảng Ngãi", "Quảng Ngãi") in got
    assert ("Lê Minh Hoan", "Bí thư", "Đảng bộ Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi") in got


def test_extract_more_surnames_late_leaders_and_the_front():
    x = run("Dự có Chủ tịch Ủy ban trung ương Mặt trận Tổ quốc VN Phạm Thế Duyệt, trưởng Ban Dân vận trung ương "
            "Tòng Thị Phóng. Câu nói của cố Tổng Bí thư Nguyễn Văn Linh. Hai vị là phó bí thư thường trực "
            "huyện ủy Trần Quốc Việt và ông Đỗ Tố.")
    got = offices(x)
    assert ("Phạm Thế Duyệt", "Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "current") in got
    assert ("Tòng Thị Phóng", "Trưởng ban", "Ban Dân vận Trung ương", "current") in got
    assert not any(p == "Phạm Thế Duyệt" and r == "Trưởng ban" for p, r, _, _ in got)
    assert ("Nguyễn Văn Linh", "Tổng Bí thư", "Ban Chấp hành Trung ương Đảng", "former") in got
    assert any(p == "Trần Quốc Việt" and r == "Phó Bí thư Thường trực" for p, r, _, _ in got)


def test_extract_stated_hierarchy():
    x = run("Chi bộ Trường Tiểu học Kim Đồng trực thuộc Đảng ủy xã Tân Hòa được công nhận trong sạch vững mạnh.",
            province="Tiền Giang")
    assert {(c.split("--")[0], p.split("--")[0]) for c, p in x.stated_parents} == {
        ("chi bộ trường tiểu học kim đồng", "đảng bộ xã tân hòa")}


def test_extract_apposition_then_verb_and_parenthetical_former_post():
    x = run("HĐND tỉnh An Giang đã bầu ông Lâm Minh Chiếu, Phó bí thư Tỉnh ủy (nguyên Phó chủ tịch thường trực "
            "UBND tỉnh) giữ chức Chủ tịch UBND tỉnh thay cho ông Nguyễn Hoàng Việt.")
    assert offices(x) == {
        ("Lâm Minh Chiếu", "Phó Bí thư", "Đảng bộ tỉnh An Giang", "current"),
        ("Lâm Minh Chiếu", "Phó Chủ tịch Thường trực", "Ủy ban nhân dân tỉnh An Giang", "former"),
        ("Lâm Minh Chiếu", "Chủ tịch", "Ủy ban nhân dân tỉnh An Giang", "elected"),
    }


def test_extract_title_abbreviations_in_dash_lists():
    x = run("Tới dự có các đồng chí: Nguyễn Văn Hùng - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy Kon Tum; "
            "Lê Văn Tâm - TUV, Bí thư Huyện ủy Đăk Hà; Y Ngọc, UVBTV Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy.")
    got = offices(x)
    assert ("Nguyễn Văn Hùng", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current") in got
    assert ("Lê Văn Tâm", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Kon Tum", "current") in got
    assert ("Y Ngọc", "Ủy viên", "Ban Thường vụ Tỉnh ủy Kon Tum", "current") in got
    assert ("Y Ngọc", "Trưởng ban", "Ban Dân vận Tỉnh ủy Kon Tum", "current") in got


def test_extract_names_that_contain_a_body_and_companies_named_after_people():
    x = run("Ông Nguyễn Quốc Hội (Giám đốc Công ty TNHH Hoàng Hiếu) cho biết. "
            "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân phát biểu. Ông Trần Văn Ánh, Chủ tịch Hội Nghề cá VN, dự.")
    got = offices(x)
    assert ("Nguyễn Quốc Hội", "Giám đốc", "Công ty TNHH Hoàng Hiếu", "current") in got
    assert ("Nguyễn Thị Kim Ngân", "Chủ tịch Quốc hội", "Quốc hội", "current") in got
    assert ("Trần Văn Ánh", "Chủ tịch", "Hội Nghề cá Việt Nam", "current") in got


def test_extract_election_report_terms_sizes_and_closing_date():
    x = run("Sáng 15/10/2020, Đại hội đại biểu Đảng bộ tỉnh Bình Định lần thứ XX, nhiệm kỳ 2020 - 2025 bế mạc. "
            "Đại hội đã bầu Ban Chấp hành Đảng bộ tỉnh khóa XX gồm 51 đồng chí. Ban Chấp hành đã bầu Ban Thường vụ "
            "Tỉnh ủy gồm 15 đồng chí; bầu đồng chí Hồ Quốc Dũng giữ chức Bí thư Tỉnh ủy; các đồng chí Nguyễn Phi Long "
            "và Lê Kim Toàn giữ chức Phó Bí thư Tỉnh ủy.")
    got = {(o.person, o.role.vi, o.status, o.term) for o in x.offices}
    assert got == {("Hồ Quốc Dũng", "Bí thư", "elected", (2020, 2025)),
                   ("Nguyễn Phi Long", "Phó Bí thư", "elected", (2020, 2025)),
                   ("Lê Kim Toàn", "Phó Bí thư", "elected", (2020, 2025))}
    (c,) = x.congresses
    assert (c.start, c.end.isoformat(), c.committee_size, c.standing_size, c.khoa) == (None, "2020-10-15", 51, 15, 20)


def test_extract_caption_running_into_the_paragraph_keeps_the_name():
    # A photo caption with no full stop, followed by the paragraph's "Tuy nhiên".
    x = run("Còn chất lượng xét xử của ngành tòa án đã được nâng lên.\n"
            "Bí thư Thành ủy TP Hồ Chí Minh Nguyễn Minh Triết Tuy nhiên, cũng theo ông Thám, "
            "những tồn tại trong công tác tư pháp vẫn còn.")
    assert {o[0] for o in offices(x)} == {"Nguyễn Minh Triết"}


def test_extract_foreign_party_after_central_committee_is_not_ours():
    x = run("Chủ tịch nước Trần Đại Quang đã tiếp đồng chí Vưu Quyền, Ủy viên Trung ương Đảng Cộng sản Trung Quốc, "
            "Bí thư Tỉnh ủy Phúc Kiến.")
    assert not {o for o in offices(x) if o[0] == "Vưu Quyền" and o[2] == "Ban Chấp hành Trung ương Đảng"}
    # The title after a Vietnamese leader's name belongs to the next person, of another party.
    x = run("Nhận lời mời của Chủ tịch nước Cộng hoà xã hội chủ nghĩa Việt Nam Trần Đức Lương, Tổng Bí thư "
            "Ban chấp hành Trung ương Đảng Cộng sản Trung Quốc, Chủ tịch nước Cộng hoà Nhân dân Trung Hoa "
            "Hồ Cẩm Đào đã thăm hữu nghị chính thức Việt Nam.")
    assert not {o for o in offices(x) if o[1] == "Tổng Bí thư"}


def test_extract_head_of_a_foreign_delegation_is_not_ours():
    x = run("Đoàn đại biểu Đảng Cộng sản Trung Quốc do đồng chí Lưu Kỳ Bảo, Ủy viên Bộ Chính trị, "
            "Bí thư Ban Bí thư, Trưởng Ban Tuyên truyền T.Ư làm Trưởng đoàn.")
    assert offices(x) == set()
    x = run("Đại tướng Võ Nguyên Giáp đã thân mật tiếp đoàn đại biểu cấp cao Đảng, Nhà nước Trung Quốc "
            "do Phó chủ tịch Quốc hội Lý Thiết Ánh dẫn đầu.")
    assert offices(x) == set()
    # A Vietnamese delegation from a province whose name starts like a country's keeps its offices.
    x = run("Đoàn đại biểu tỉnh Lào Cai do đồng chí Nguyễn Văn Vịnh, Bí thư Tỉnh ủy dẫn đầu đã thăm tỉnh Vân Nam.")
    assert offices(x) == {("Nguyễn Văn Vịnh", "Bí thư", "Đảng bộ tỉnh Lào Cai", "current")}


def test_extract_titles_before_each_name_are_not_the_previous_persons():
    # Titles written before each name: the chain after Đỗ Mười runs into the next name, so it is not his.
    x = run("Tới dự buổi lễ, có Chủ tịch nước Trần Đức Lương, nguyên Tổng bí thư Đỗ Mười, Ủy viên Bộ chính trị, "
            "Trưởng ban Tư tưởng Văn hóa Trung ương Nguyễn Khoa Điềm.")
    got = offices(x)
    assert not {o for o in got if o[0] == "Đỗ Mười" and o[2] == "Bộ Chính trị"}
    # The board of earlier terms is read (vocabulary in lexicon.yaml), so the titles go to the right name.
    assert ("Nguyễn Khoa Điềm", "Trưởng ban", "Ban Tư tưởng - Văn hóa Trung ương", "current") in got
    assert ("Nguyễn Khoa Điềm", "Ủy viên", "Bộ Chính trị", "current") in got


def test_extract_a_chain_that_goes_on_with_another_countrys_title_is_not_ours():
    x = run("Chiều 18-6, tại Trụ sở Trung ương Đảng, Tổng Bí thư Nguyễn Phú Trọng đã tiếp Thượng tướng "
            "Phạm Trường Long, Ủy viên Bộ Chính trị, Phó Chủ tịch Quân ủy Trung ương Trung Quốc.")
    assert {o[0] for o in offices(x)} == {"Nguyễn Phú Trọng"}
    # "Đức" in a Vietnamese name is not Germany.
    x = run("Đồng chí Đinh Thế Huynh, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư đã ký quyết định chỉ định "
            "đồng chí Đỗ Đức Duy, Thứ trưởng Bộ Xây dựng tham gia Ban Chấp hành.")
    assert ("Đinh Thế Huynh", "Ủy viên", "Bộ Chính trị", "current") in offices(x)
