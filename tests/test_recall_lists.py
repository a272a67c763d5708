"""Lists of people and their offices (issue 13, class 5): invented names, real constructions."""

from __future__ import annotations

from extracting import offices, run


def test_semicolon_list_with_appositions_after_a_title():
    x = run("Cùng dự có các Ủy viên Trung ương Đảng: Nguyễn Văn An, Phó Thủ tướng; Trần Thị Bình, "
            "Trợ lý Tổng Bí thư; Lê Văn Cường, Bí thư Tỉnh ủy Nam Định.")
    got = offices(x)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        assert (name, "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current") in got
    assert ("Nguyễn Văn An", "Phó Thủ tướng", "Chính phủ", "current") in got
    assert ("Lê Văn Cường", "Bí thư", "Đảng bộ tỉnh Nam Định", "current") in got


def test_dash_list_after_a_title_and_colon():
    x = run("Các Ủy viên Bộ Chính trị: Nguyễn Văn An - Phó Chủ tịch Thường trực Quốc hội; "
            "Trần Văn Bình - Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương chủ trì hội nghị.")
    got = offices(x)
    assert ("Nguyễn Văn An", "Ủy viên", "Bộ Chính trị", "current") in got
    assert ("Trần Văn Bình", "Ủy viên", "Bộ Chính trị", "current") in got
    assert ("Trần Văn Bình", "Trưởng ban", "Ban Tổ chức Trung ương", "current") in got


def test_chain_of_titles_then_list():
    x = run("Về phía Bộ Tài chính có các đồng chí Ủy viên Ban Thường vụ Đảng ủy Bộ Tài chính, "
            "Thứ trưởng Bộ Tài chính: Nguyễn Văn An, Trần Thị Bình.")
    got = offices(x)
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        assert (name, "Thứ trưởng", "Bộ Tài chính", "current") in got
        assert (name, "Ủy viên", "Ban Thường vụ Đảng ủy Bộ Tài chính", "current") in got


def test_class_of_title_holders_then_gom():
    x = run("Các Ủy viên Bộ Chính trị khóa IX tiếp tục tham gia danh sách bầu cử Ban Chấp hành Trung ương "
            "khóa X gồm: Nguyễn Văn An, Trần Văn Bình và Lê Văn Cường.")
    got = offices(x)
    for name in ("Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"):
        assert (name, "Ủy viên", "Bộ Chính trị", "current") in got
    # candidates for a committee are not its members
    assert not any(o[2] == "Ban Chấp hành Trung ương Đảng" for o in got)


def test_people_joining_a_committee_then_who_they_are():
    x = run("Hội nghị Ban Chấp hành Đảng bộ tỉnh Nam Định đã bầu bổ sung. Ba người được bầu bổ sung vào "
            "Ban Thường vụ Tỉnh ủy Nam Định là ông Nguyễn Văn An, Trưởng Ban Tuyên giáo Tỉnh ủy; "
            "ông Trần Văn Bình, Trưởng Ban Tổ chức Tỉnh ủy và bà Lê Thị Cúc, Bí thư Huyện ủy Hải Hậu.")
    got = offices(x)
    for name in ("Nguyễn Văn An", "Trần Văn Bình", "Lê Thị Cúc"):
        assert (name, "Ủy viên", "Ban Thường vụ Tỉnh ủy Nam Định", "elected") in got
    assert ("Nguyễn Văn An", "Trưởng ban", "Ban Tuyên giáo Tỉnh ủy Nam Định", "current") in got


def test_former_title_then_list_stops_at_the_next_group():
    x = run("Dự có Chủ tịch Quốc hội Nguyễn Văn An, nguyên Chủ tịch Quốc hội: Trần Văn Bình, Lê Văn Cường; "
            "Thủ tướng Chính phủ Phạm Văn Dũng; các Phó Thủ tướng: Hoàng Văn Em, Đỗ Văn Giang.")
    got = offices(x)
    assert ("Trần Văn Bình", "Chủ tịch Quốc hội", "Quốc hội", "former") in got
    assert ("Lê Văn Cường", "Chủ tịch Quốc hội", "Quốc hội", "former") in got
    assert not any(o[0] == "Phạm Văn Dũng" and o[1] == "Chủ tịch Quốc hội" for o in got)
    assert not any(o[0] in ("Hoàng Văn Em", "Đỗ Văn Giang") and o[1] == "Chủ tịch Quốc hội" for o in got)


def test_list_of_titled_names_after_a_class_title():
    x = run("Dự hội nghị có các Ủy viên Trung ương Đảng: Bí thư Tỉnh ủy Nam Định Nguyễn Văn An, "
            "Bộ trưởng Bộ Y tế Trần Thị Bình.")
    got = offices(x)
    assert ("Nguyễn Văn An", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current") in got
    assert ("Trần Thị Bình", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current") in got
    assert ("Trần Thị Bình", "Bộ trưởng", "Bộ Y tế", "current") in got


def test_foreign_list_is_not_ours():
    x = run("Tiếp đoàn có các đồng chí: Nguyễn Văn An, Phó Chủ tịch nước Cộng hòa dân chủ nhân dân Lào; "
            "Trần Văn Bình, Ủy viên Bộ Chính trị Lào.")
    assert not offices(x)


def test_counted_title_then_its_people_in_brackets():
    x = run("Đáng chú ý có hai ủy viên trung ương (Bộ trưởng Bộ Y tế Nguyễn Văn An và "
            "Bí thư Tỉnh ủy Nam Định Trần Văn Bình) không được giới thiệu.")
    got = offices(x)
    assert ("Nguyễn Văn An", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current") in got
    assert ("Trần Văn Bình", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "current") in got
    assert ("Nguyễn Văn An", "Bộ trưởng", "Bộ Y tế", "current") in got
