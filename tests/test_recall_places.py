"""Places in focus (issue 13, class 6): a bare "xã", "huyện", "phường" is the last one of its word named."""

from __future__ import annotations

from extracting import labels, offices, provinces, run


def test_bare_commune_is_the_commune_named_before():
    x = run("Chúng tôi đến xã Tân Hòa, huyện Cần Giờ vào chiều 30/1. "
            "Anh Trần Văn Bình, Phó Chủ tịch UBND xã, cho biết lần đầu tiên có nhiều Việt kiều về quê.", "Hồ Chí Minh")
    assert ("Trần Văn Bình", "Phó Chủ tịch", "Ủy ban nhân dân xã Tân Hòa", "current") in offices(x)


def test_bare_district_committee_is_the_district_named_before():
    x = run("Mưa lũ gây thiệt hại lớn tại huyện A Lưới. Ông Lê Văn An, Bí thư Huyện ủy, cho biết đã sơ tán dân. "
            "Ông Trần Văn Bình, Chủ tịch UBND huyện, trực tiếp chỉ đạo.", "Thừa Thiên Huế")
    got = offices(x)
    assert ("Lê Văn An", "Bí thư", "Đảng bộ huyện A Lưới", "current") in got
    assert ("Trần Văn Bình", "Chủ tịch", "Ủy ban nhân dân huyện A Lưới", "current") in got


def test_ward_party_committee_and_congress_after_the_ward_is_named():
    x = run("Ngày 8-8, Đảng bộ phường Tân Định tổ chức Đại hội đại biểu Đảng bộ phường lần thứ I, "
            "nhiệm kỳ 2025 - 2030. Bà Trần Thị Hương, Phó Bí thư Thường trực Đảng ủy phường, phát biểu.",
            "Hồ Chí Minh", "2025-08-09")
    assert ("Trần Thị Hương", "Phó Bí thư Thường trực", "Đảng bộ phường Tân Định", "current") in offices(x)
    assert [(c.org.label, c.ordinal) for c in x.congresses] == [("Đảng bộ phường Tân Định", 1)]


def test_numbered_district():
    x = run("Bà Trần Thị Hồng, Bí thư Quận ủy quận 5, phát biểu.", "Hồ Chí Minh")
    assert ("Trần Thị Hồng", "Bí thư", "Đảng bộ quận 5", "current") in offices(x)


def test_place_written_in_other_case_is_the_one_named():
    x = run("Ông Lê Văn Bình, chủ tịch UBND xã Gia Hòa, là anh trai chủ tịch huyện Kỳ Anh Lê Văn Huấn. "
            "Ông Lê Văn Huấn, Phó Bí thư huyện ủy, Chủ tịch UBND huyện Kỳ anh xác nhận.", "Hà Tĩnh")
    got = offices(x)
    assert ("Lê Văn Huấn", "Chủ tịch", "Ủy ban nhân dân huyện Kỳ Anh", "current") in got
    assert ("Lê Văn Huấn", "Phó Bí thư", "Đảng bộ huyện Kỳ Anh", "current") in got


def test_chain_place_wins_over_the_place_in_focus():
    x = run("Đoàn công tác làm việc tại huyện Bát Xát. Ông Lê Văn An, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện "
            "Mường Khương báo cáo.", "Lào Cai")
    got = offices(x)
    assert ("Lê Văn An", "Phó Bí thư", "Đảng bộ huyện Mường Khương", "current") in got
    assert not any(o[2].endswith("Bát Xát") for o in got)


def test_a_cut_name_is_no_place_in_focus():
    x = run("Văn bản do ông chủ tịch thị xã Vũ Văn Thủy ký. Ông Trần Văn An, Phó Chủ tịch UBND thị xã, cho biết.",
            "Phú Thọ")
    assert not any("thị xã Vũ" in o[2] for o in offices(x))


def test_class_of_communes_is_not_the_one_in_focus():
    x = run("Xã Tân Hòa, huyện Cần Giờ đã về đích. Ông Trần Văn An, Chủ tịch UBND các xã, phát biểu.", "Hồ Chí Minh")
    assert not any("Tân Hòa" in o[2] for o in offices(x))


def parents(org):
    out = []
    while org is not None:
        out.append(org.label)
        org = org.parent
    return out


def test_district_unit_under_its_province_and_commune_under_the_district_named():
    x = run("Chúng tôi về xã Tân Hòa, huyện Cần Giờ. Ông Trần Văn An, Bí thư Đảng ủy xã Tân Hòa, cho biết.",
            "Hồ Chí Minh", "2006-01-30")
    (o,) = x.offices
    assert parents(o.org) == ["Đảng bộ xã Tân Hòa", "Đảng bộ huyện Cần Giờ", "Đảng bộ thành phố Hồ Chí Minh",
                              "Đảng Cộng sản Việt Nam"]


def test_ward_under_the_city_after_districts_were_abolished():
    x = run("Bà Trần Thị Hương, Bí thư Đảng ủy phường Tân Định, phát biểu.", "Hồ Chí Minh", "2025-08-09")
    (o,) = x.offices
    assert parents(o.org)[:2] == ["Đảng bộ phường Tân Định", "Đảng bộ thành phố Hồ Chí Minh"]


def test_no_province_parent_in_an_article_about_several_provinces():
    x = run("Đoàn tỉnh Bến Tre thăm tỉnh Trà Vinh. Ông Trần Văn An, Bí thư Huyện ủy Cầu Ngang, tiếp đoàn.")
    assert all(o.org.parent is None or o.org.parent.label != "Đảng bộ tỉnh Trà Vinh" for o in x.offices)


def test_place_written_once_after_a_list_of_bodies_is_each_ones():
    x = run("Ông Trần Văn Bình đọc thư chúc Tết của Thành ủy, HĐND, UBND và UBMTTQ TP. Cần Thơ.")
    assert {"Hội đồng nhân dân thành phố Cần Thơ", "Ủy ban nhân dân thành phố Cần Thơ",
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"} <= labels(x)


def test_place_of_another_level_is_not_shared():
    # a district committee is not the province's, and a department never takes a district
    x = run("Đại diện Huyện ủy, UBND tỉnh Nghệ An và Sở Y tế, UBND huyện Yên Thành dự lễ.")
    got = labels(x)
    assert "Ủy ban nhân dân tỉnh Nghệ An" in got
    assert not any(label.startswith("Đảng bộ huyện Nghệ An") or label.startswith("Sở Y tế huyện") for label in got)


def test_personal_details_between_name_and_titles_are_stepped_over():
    x = run("Bổ nhiệm ông Lê Văn Cường, sinh ngày 2/3/1975, quê Hà Tĩnh, Thành ủy viên, Bí thư Huyện ủy Đông Anh "
            "giữ chức Giám đốc Sở Nội vụ.", "Hà Nội")
    assert ("Lê Văn Cường", "Bí thư", "Đảng bộ huyện Đông Anh", "current") in offices(x)


def test_one_head_written_before_several_names_is_each_body():
    x = run("Phó Thủ tướng Trần Văn An và bộ trưởng các bộ Ngoại giao, Thương mại, Kế hoạch - Đầu tư, Tài chính "
            "đã có các cuộc gặp.")
    assert {"Bộ Ngoại giao", "Bộ Thương mại", "Bộ Kế hoạch - Đầu tư", "Bộ Tài chính"} <= labels(x)


def test_international_organisations_by_name_and_abbreviation():
    x = run("Việt Nam gia nhập Tổ chức Thương mại Thế giới năm 2007; ông Lê Văn An là đại sứ tại WTO và ASEAN.")
    assert {"Tổ chức Thương mại Thế giới", "Hiệp hội các quốc gia Đông Nam Á (ASEAN)"} <= labels(x)


def test_bare_standing_committee_after_a_named_executive_committee_is_its():
    x = run("Ban Thường vụ Thành ủy chỉ định Ban Chấp hành Đảng bộ phường Tân Định nhiệm kỳ 2025 - 2030 gồm "
            "33 người, Ban Thường vụ gồm 11 người.", "Hồ Chí Minh", "2025-08-01")
    assert "Ban Thường vụ Đảng ủy phường Tân Định" in labels(x)


def test_central_body_in_brackets_is_the_parent():
    x = run("Theo đó, Cục Xúc tiến thương mại (Bộ Công Thương) đã có báo cáo nhanh.")
    labels = {o.key: o.label for o in x.orgs.values()}
    assert {(labels[c], labels[p]) for c, p in x.stated_parents} == {("Cục Xúc tiến thương mại", "Bộ Công thương")}


def test_party_committee_of_a_ministry_named_without_it_is_the_next_titles_body():
    x = run("Ông Trần Văn An - Ủy viên Ban cán sự đảng, Thứ trưởng Bộ Xây dựng được chỉ định tham gia Ban Chấp hành.")
    assert ("Trần Văn An", "Ủy viên", "Ban cán sự đảng Bộ Xây dựng", "current") in offices(x)


def test_a_district_named_without_its_province_is_the_one_province_that_has_it():
    # an article about one city naming a district that only another province has
    x = run("Đảng bộ thành phố Hà Nội tổng kết năm. Ông Trần Văn An, Bí thư Huyện ủy Cái Nước, phát biểu.")
    assert provinces(x, "Đảng bộ huyện Cái Nước") == {"Cà Mau"}
    # a district named as it was before it became a city ("huyện Phú Quốc", a city since 2020)
    x = run("Ông Trần Văn An, Bí thư Huyện ủy Phú Quốc, phát biểu.", "Quảng Bình")
    assert provinces(x, "Đảng bộ huyện Phú Quốc") == {"Kiên Giang"}
    # a name several provinces have stays with the article's province when it is one of them
    x = run("Ông Lê Văn Cường, Chủ tịch UBND huyện Châu Thành, cho biết.", "Long An")
    assert provinces(x, "Ủy ban nhân dân huyện Châu Thành") == {"Long An"}


def test_a_commune_in_an_article_naming_no_province_is_the_one_province_that_has_it():
    x = run("Ông Trần Văn An, Bí thư Đảng ủy xã Thới Hưng, phát biểu.", None)
    assert provinces(x, "Đảng bộ xã Thới Hưng") == {"Cần Thơ"}
    # in an article about a province, a commune stays with it: commune names repeat and changed often
    x = run("Ông Trần Văn An, Bí thư Đảng ủy xã Thới Hưng, phát biểu.", "Kiên Giang")
    assert provinces(x, "Đảng bộ xã Thới Hưng") == {"Kiên Giang"}


def test_a_commune_the_article_province_lacks_is_in_the_other_province_the_article_names():
    text = "Ông Trần Văn An, Bí thư Đảng ủy xã Thới Hưng, phát biểu. Huyện Cờ Đỏ của TP Cần Thơ có 10 xã."
    x = run(text, "Kiên Giang")
    assert provinces(x, "Đảng bộ xã Thới Hưng") == {"Cần Thơ"}
    # the article's province has one of that name: it stays
    x = run("Ông Trần Văn An, Chủ tịch UBND xã Tân Trung, phát biểu. Tỉnh Bến Tre và tỉnh Cà Mau ký kết.", "Bến Tre")
    assert provinces(x, "Ủy ban nhân dân xã Tân Trung") == {"Bến Tre"}


def test_a_commune_is_where_the_district_written_after_it_is():
    x = run("Ông Lê Văn Bình, Phó Chủ tịch UBND xã Phù Lưu (Thạch Hà) kể lại. Ông Lê Văn Bình, Phó Chủ tịch "
            "UBND xã Phù Lưu, cho biết thêm.", "Nghệ An")
    assert provinces(x, "Ủy ban nhân dân xã Phù Lưu") == {"Hà Tĩnh"}


def test_a_district_the_tables_know_is_read_whole_though_it_opens_like_a_name():
    x = run("Phó Bí thư Huyện ủy Thanh Hà Lê Văn Tám đã đến thăm. Chủ tịch UBND thị xã Tây Ninh Trần Minh "
            "Châu phát biểu.", None, "2010-05-01")
    got = offices(x)
    assert ("Lê Văn Tám", "Phó Bí thư", "Đảng bộ huyện Thanh Hà", "current") in got
    # "thị xã Tây Ninh": a thành phố since 2013, named as it was
    assert ("Trần Minh Châu", "Chủ tịch", "Ủy ban nhân dân thị xã Tây Ninh", "current") in got


def test_a_known_city_that_opens_like_a_name_is_the_place():
    x = run("Chủ tịch UBND thành phố Phan Thiết Lê Văn An dự. Ông Đỗ Văn Điệp, Chủ tịch UBND TP.Phan Thiết, cho biết.")
    got = offices(x)
    assert ("Lê Văn An", "Chủ tịch", "Ủy ban nhân dân thành phố Phan Thiết", "current") in got
    assert ("Đỗ Văn Điệp", "Chủ tịch", "Ủy ban nhân dân thành phố Phan Thiết", "current") in got


def test_a_newspaper_named_after_its_city_is_no_province_of_the_story():
    x = run("Theo báo Pháp Luật TP.HCM, ông Trần Văn An, Chủ tịch UBND huyện Châu Thành, tỉnh Trà Vinh, đã ký.", None)
    assert x.province == "Trà Vinh"


def test_a_province_name_inside_a_longer_proper_name_is_no_place_of_the_story():
    # "Thái Bình Dương" is the Pacific (and a company named after it), not the province Thái Bình
    x = run("Công ty Cổ phần Thái Bình Dương trúng thầu, ông Trần Văn An, Giám đốc công ty, cho biết.", None)
    assert x.province is None
    x = run("Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn Bình đã ký quyết định.", None)
    assert x.province == "Nghệ An"
