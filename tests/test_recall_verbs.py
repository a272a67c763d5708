"""Recall of verb clauses, decisions and endings (issue 13, class 3): invented sentences, exact facts."""

from __future__ import annotations

from partygraph.extract import extract
from partygraph.read import Article

from extracting import offices, run


def _offices(text: str) -> set[tuple[str, str, str, str]]:
    x = extract(Article(id="t", text=text, source="test"))
    return {(o.person, o.role.vi, o.org.label, o.status) for o in x.offices}


def _terms(text: str) -> dict[tuple[str, str, str], tuple[int, int] | None]:
    x = extract(Article(id="t", text=text, source="test"))
    return {(o.person, o.role.vi, o.org.label): o.term for o in x.offices}


def test_appointed_to_bodies_then_a_title():
    text = ("Ông Nguyễn Văn An được chỉ định tham gia Ban Chấp hành, Ban Thường vụ Đảng bộ tỉnh Nghệ An khóa XVIII "
            "và giữ chức vụ Phó Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2015 - 2020.")
    assert _offices(text) == {
        ("Nguyễn Văn An", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Nghệ An", "elected"),
        ("Nguyễn Văn An", "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An", "elected"),
        ("Nguyễn Văn An", "Phó Bí thư", "Đảng bộ tỉnh Nghệ An", "elected"),
    }
    assert set(_terms(text).values()) == {(2015, 2020)}


def test_bodies_without_their_unit_take_it_from_the_title_after():
    text = ("Ông Nguyễn Văn An được chỉ định tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ Tỉnh ủy, "
            "giữ chức Bí thư Tỉnh ủy Nghệ An.")
    assert _offices(text) == {
        ("Nguyễn Văn An", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Nghệ An", "elected"),
        ("Nguyễn Văn An", "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An", "elected"),
        ("Nguyễn Văn An", "Bí thư", "Đảng bộ tỉnh Nghệ An", "elected"),
    }


def test_endings_are_former_offices():
    text = ("Ông Trần Văn Bình - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Hà Tĩnh thôi tham gia Ban Chấp hành, "
            "Ban Thường vụ và thôi giữ chức Bí thư Tỉnh ủy Hà Tĩnh nhiệm kỳ 2015-2020.")
    found = _offices(text)
    assert ("Trần Văn Bình", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh", "former") in found
    assert ("Trần Văn Bình", "Ủy viên", "Ban Thường vụ Tỉnh ủy Hà Tĩnh", "former") in found
    assert ("Trần Văn Bình", "Bí thư", "Đảng bộ tỉnh Hà Tĩnh", "former") in found


def test_continued_and_compound_verbs():
    text = ("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An, bà Trần Thị Bình và ông Lê Văn Cường được chỉ định "
            "tiếp tục đảm nhiệm chức danh Phó Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2025-2030.")
    found = _offices(text)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        assert (name, "Phó Bí thư", "Đảng bộ tỉnh Nghệ An", "elected") in found
    text = ("Theo quyết định, ông Nguyễn Văn An, Ủy viên Ban Chấp hành Trung ương Đảng, tiếp tục giữ chức "
            "Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2025-2030.")
    assert _terms(text)[("Nguyễn Văn An", "Bí thư", "Đảng bộ tỉnh Nghệ An")] == (2025, 2030)
    assert ("Trần Thị Bình", "Phó Bí thư Thường trực", "Đảng bộ phường Bến Thành", "current") in _offices(
        "Bà Trần Thị Bình giữ chức vụ Phó Bí thư Thường trực Đảng ủy phường Bến Thành.")
    assert ("Hà Văn An", "Bí thư", "Đảng bộ huyện Mường Lát", "elected") in _offices(
        "Ông Hà Văn An được chỉ định để giữ chức Bí thư Huyện ủy huyện Mường Lát, nhiệm kỳ 2020-2025.")


def test_an_agent_inside_the_verb():
    assert _offices("Ông Nguyễn Văn An được Bộ Chính trị chỉ định giữ chức Bí thư Tỉnh ủy Nghệ An.") == {
        ("Nguyễn Văn An", "Bí thư", "Đảng bộ tỉnh Nghệ An", "elected")}
    assert ("Trần Văn Bình", "Bộ trưởng", "Bộ Tài chính", "elected") in _offices(
        "Tháng 7/2011, ông Trần Văn Bình được Quốc hội phê chuẩn làm Bộ trưởng Bộ Tài chính.")


def test_leave_one_post_for_another():
    text = ("Ban Thường vụ Tỉnh ủy công bố quyết định chỉ định đồng chí Hà Văn An, thôi giữ chức Phó Bí thư "
            "Thường trực Huyện ủy Lang Chánh để giữ chức Bí thư Huyện ủy Mường Lát.")
    assert _offices(text) == {
        ("Hà Văn An", "Phó Bí thư Thường trực", "Đảng bộ huyện Lang Chánh", "former"),
        ("Hà Văn An", "Bí thư", "Đảng bộ huyện Mường Lát", "current"),
    }


def test_names_with_their_titles_share_the_verb():
    text = ("Ông Lương Văn Bình - Bí thư Quận ủy Hải Châu và ông Lê Trung Cường, Phó Chủ tịch Thường trực UBND "
            "thành phố Đà Nẵng được bầu làm Phó Bí thư Thành ủy Đà Nẵng nhiệm kỳ 2020 - 2025.")
    found = _offices(text)
    assert ("Lương Văn Bình", "Phó Bí thư", "Đảng bộ thành phố Đà Nẵng", "elected") in found
    assert ("Lê Trung Cường", "Phó Bí thư", "Đảng bộ thành phố Đà Nẵng", "elected") in found


def test_a_body_the_reader_does_not_know_is_not_the_party_of_the_sentence():
    text = "Ông Lê Văn Tâm - nguyên Bí thư Tỉnh ủy Long An được giao giữ chức Chủ tịch LĐBĐ Long An nhiệm kỳ 2006-2010."
    assert _offices(text) == {("Lê Văn Tâm", "Bí thư", "Đảng bộ tỉnh Long An", "former")}


# -- careers and subjects that refer back (class 4) ---------------------------------------------------

def test_a_career_list_with_then_and_semicolons():
    text = ("Ông Trần Văn Hùng có thời gian dài công tác tại tỉnh Thái Nguyên và từng đảm nhiệm các chức vụ: "
            "Bí thư Huyện ủy Đồng Hỷ; Phó Bí thư rồi Bí thư Huyện ủy Phú Lương.")
    assert _offices(text) == {
        ("Trần Văn Hùng", "Bí thư", "Đảng bộ huyện Đồng Hỷ", "former"),
        ("Trần Văn Hùng", "Phó Bí thư", "Đảng bộ huyện Phú Lương", "former"),
        ("Trần Văn Hùng", "Bí thư", "Đảng bộ huyện Phú Lương", "former"),
    }


def test_then_joins_only_grades_of_one_post():
    found = _offices("Ông Trần Văn Hùng từng giữ chức Phó Bí thư rồi Chủ tịch UBND huyện Phú Lương.")
    assert not any(r == "Phó Bí thư" for _, r, _, _ in found)


def test_pronoun_and_short_form_subjects():
    text = ("Ông Trần Văn Hùng sinh năm 1977. Ông Trần Văn Hùng có thời gian dài công tác tại tỉnh Thái Nguyên. "
            "Tháng 9/2025, Bộ Chính trị điều động, chỉ định ông tham gia Ban Chấp hành Đảng bộ, Ban Thường vụ "
            "Tỉnh ủy, giữ chức Bí thư Tỉnh ủy Lào Cai. Sau đó, ông được bầu giữ chức Chủ tịch HĐND tỉnh Lào Cai. "
            "Trước đó, ông Hùng đã từng đảm nhiệm chức vụ Phó Chủ tịch UBND tỉnh Thái Nguyên.")
    assert _offices(text) == {
        ("Trần Văn Hùng", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Lào Cai", "current"),
        ("Trần Văn Hùng", "Ủy viên", "Ban Thường vụ Tỉnh ủy Lào Cai", "current"),
        ("Trần Văn Hùng", "Bí thư", "Đảng bộ tỉnh Lào Cai", "current"),
        ("Trần Văn Hùng", "Chủ tịch", "Hội đồng nhân dân tỉnh Lào Cai", "elected"),
        ("Trần Văn Hùng", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thái Nguyên", "former"),
    }


def test_a_short_form_is_no_person_of_its_own():
    x = extract(Article(id="t", text="Ông Đỗ Văn Duy dự họp. Ông Văn Duy được bầu làm Bí thư Tỉnh ủy Nghệ An.",
                        source="test"))
    assert set(x.persons) == {"Đỗ Văn Duy"}


def test_references_are_resolved_only_when_one_person_fits():
    # two people could be meant: nothing is guessed
    text = ("Ông Trần Văn Hùng và ông Lê Văn Hùng dự họp. Ông Trần Văn Hùng phát biểu. "
            "Sau đó, ông Hùng được bầu giữ chức Bí thư Tỉnh ủy Nghệ An.")
    assert _offices(text) == set()
    # "ông" never means a person named with "bà"
    text = "Bà Nguyễn Thu Hà phát biểu. Bà Nguyễn Thu Hà dự họp. Sau đó, ông được bầu giữ chức Bí thư Tỉnh ủy Nghệ An."
    assert _offices(text) == set()
    # a pronoun that is no subject of its own ("việc ông thôi chức …")
    text = "Ông Lê Văn Quốc dự họp. Ông Lê Văn Quốc nói: việc ông thôi chức Tổng Bí thư là đúng."
    assert _offices(text) == set()
    # a person named once is no article's subject
    assert _offices("Ông Lê Văn Quốc dự họp. Sau đó, ông được bầu giữ chức Bí thư Tỉnh ủy Nghệ An.") == set()


def test_a_title_after_a_short_form_is_not_taken_for_it():
    text = "Ông Phạm Văn Đạt phát biểu. Theo ông Đạt, Giám đốc Sở Tài chính tỉnh Nghệ An phải làm rõ việc này."
    assert _offices(text) == set()


def test_a_cut_name_is_no_office():
    text = "Sau thống nhất, ông Võ Văn An từng giữ chức vụ Bí thư Quận ủy quận 5, Trưởng ban Tuyên huấn."
    assert not any(o == "Đảng bộ quận" for _, _, o, _ in _offices(text))


# -- decisions written as nouns ----------------------------------------------------------------------

def test_decisions_name_the_holder_after_the_office():
    assert _offices("Chủ tịch UBND tỉnh vừa ký quyết định bổ nhiệm Giám đốc Sở Tài chính tỉnh Nghệ An "
                    "đối với ông Nguyễn Văn An.") == {
        ("Nguyễn Văn An", "Giám đốc", "Sở Tài chính tỉnh Nghệ An", "elected")}
    assert _offices("Đình chỉ chức vụ Bí thư Đảng ủy Khối Doanh nghiệp tỉnh Nghệ An của ông Lê Văn Bình.") == {
        ("Lê Văn Bình", "Bí thư", "Đảng bộ Khối doanh nghiệp tỉnh Nghệ An", "former")}
    assert _offices("Thủ tướng đã đồng ý đơn từ chức Bộ trưởng Bộ Giao thông vận tải của ông Trần Văn Cường.") == {
        ("Trần Văn Cường", "Bộ trưởng", "Bộ Giao thông vận tải", "former")}


def test_decisions_only_proposed_or_unplaced_are_left_out():
    assert _offices("Ủy ban Kiểm tra đề nghị cách chức Bí thư Huyện ủy Yên Thành đối với ông Lê Văn Bình.") == set()
    assert _offices("Đảng ủy Khối Doanh nghiệp tỉnh Nghệ An họp. "
                    "Đình chỉ chức vụ Bí thư Đảng ủy của ông Lê Văn Bình.") == set()


def test_foreign_officials_stay_out_of_verb_clauses():
    text = "Ông Lý Văn Minh được bầu làm Thủ tướng Vương quốc Campuchia."
    assert _offices(text) == set()


def test_a_verb_whose_subject_is_no_name_then_the_people():
    text = ("Ba người được bầu bổ sung vào Ban Thường vụ Thành ủy Đà Nẵng là ông Phan Văn Khuê, Trưởng Ban Tuyên "
            "giáo Thành ủy Đà Nẵng; ông Nguyễn Văn Hải, Trưởng Ban Tổ chức Thành ủy Đà Nẵng và bà Trần Thị Yến, "
            "Bí thư Quận ủy Hải Châu.")
    found = _offices(text)
    for name in ("Phan Văn Khuê", "Nguyễn Văn Hải", "Trần Thị Yến"):
        assert (name, "Ủy viên", "Ban Thường vụ Thành ủy Đà Nẵng", "elected") in found
    assert ("Phan Văn Khuê", "Trưởng ban", "Ban Tuyên giáo Thành ủy Đà Nẵng", "current") in found


def test_the_body_led_by_a_person():
    text = ("Đoàn đại biểu Quốc hội tỉnh Nghệ An do ông Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An làm trưởng đoàn "
            "đã tiếp xúc cử tri.")
    assert ("Nguyễn Văn An", "Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh Nghệ An", "current") in _offices(text)
    text = "Công ty Cổ phần Sông Lam do ông Trần Văn Bình làm giám đốc được phép nhập khẩu."
    assert ("Trần Văn Bình", "Giám đốc", "Công ty Cổ phần Sông Lam", "current") in _offices(text)


def test_a_delegation_sent_by_a_body_is_not_that_body():
    text = ("Ngày 8/7, Đoàn kiểm tra của Bộ Chính trị do đồng chí Nguyễn Văn An - Ủy viên Bộ Chính trị làm "
            "Trưởng đoàn đã làm việc với tỉnh.")
    assert _offices(text) == {("Nguyễn Văn An", "Ủy viên", "Bộ Chính trị", "current")}
    text = ("Ngày 20-6, đoàn cán bộ Thành ủy, HĐND, UBND, Ủy ban MTTQ tỉnh Nghệ An do ông Phạm Văn Hải làm "
            "trưởng đoàn đã đến thăm.")
    assert not any(r == "Trưởng đoàn" for _, r, _, _ in _offices(text))


def test_a_sentence_told_as_past():
    assert _offices("Trước đây, ông Vũ Văn Chiến làm Giám đốc Sở Tài chính tỉnh Nghệ An.") == {
        ("Vũ Văn Chiến", "Giám đốc", "Sở Tài chính tỉnh Nghệ An", "former")}


def test_an_ending_verb_after_the_name_ends_the_titles_before_it():
    x = run("Trưởng phòng Kế toán Nguyễn Thu Hà (phụ trách trực tiếp kế toán viên) cũng bị cách chức. "
            "Ông Trần Văn An, Chủ tịch UBND xã Tân Mỹ, bị cách chức Bí thư Đảng ủy xã.", "Nghệ An")
    got = offices(x)
    assert ("Nguyễn Thu Hà", "Trưởng phòng", "Phòng Kế toán", "former") in got
    # the verb names its own title: only that one ended
    assert ("Trần Văn An", "Chủ tịch", "Ủy ban nhân dân xã Tân Mỹ", "current") in got
    assert ("Trần Văn An", "Bí thư", "Đảng bộ xã Tân Mỹ", "former") in got


def test_a_sentence_opening_with_a_span_of_past_years_tells_a_former_office():
    x = run("Tháng 4/1973 đến năm 1976, đồng chí Phan Văn Tú giữ chức vụ Phó Thủ tướng Chính phủ.", published="2010-05-01")
    assert offices(x) == {("Phan Văn Tú", "Phó Thủ tướng", "Chính phủ", "former")}
    x = run("Ông Phan Văn Tú, Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2005-2010, phát biểu.", published="2008-05-01")
    assert {o[3] for o in offices(x)} == {"current"}  # a term is no past span


def test_a_list_shares_the_ending_verb_after_it():
    x = run("Lãnh đạo xã Tân Mỹ gồm ông Điểu Văn An, Bí thư Đảng ủy xã; Nguyễn Văn Bình, Phó chủ tịch HĐND xã "
            "cũng bị cách chức.", "Bình Phước")
    assert {o[3] for o in offices(x)} == {"former"} and len(offices(x)) == 2
