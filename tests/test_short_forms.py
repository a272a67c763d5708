"""Names within one article: a short form is the full name given in it, not a new person (only when one
name fits); a name after a house number is a street."""

from __future__ import annotations

from extracting import offices, run


def _persons(text: str) -> set[str]:
    return set(run(text).persons)


def test_surname_with_honorific_is_the_one_full_name_with_that_surname():
    text = "Ông Lê Quang Vĩnh dự họp. Sau đó, ông Lê được bầu giữ chức Bí thư Tỉnh ủy Nghệ An."
    assert offices(run(text)) == {("Lê Quang Vĩnh", "Bí thư", "Đảng bộ tỉnh Nghệ An", "elected")}
    # two full names with that surname: nothing is guessed
    text = ("Ông Lê Quang Vĩnh và ông Lê Đình Toản dự họp. "
            "Sau đó, ông Lê được bầu giữ chức Bí thư Tỉnh ủy Nghệ An.")
    assert offices(run(text)) == set()


def test_short_form_before_the_full_name_in_the_lead():
    text = ("“Tỉnh sẽ tháo gỡ khó khăn cho doanh nghiệp”, ông Quang Vĩnh nói. "
            "Phát biểu tại buổi gặp mặt, Bí thư Tỉnh ủy Nghệ An Lê Quang Vĩnh nhấn mạnh vai trò của doanh nghiệp.")
    assert _persons(text) == {"Lê Quang Vĩnh"}
    # two full names end so: the short form is left as it was read
    text = ("“Tỉnh sẽ tháo gỡ khó khăn cho doanh nghiệp”, ông Quang Vĩnh nói. "
            "Dự có Bí thư Tỉnh ủy Nghệ An Lê Quang Vĩnh và Giám đốc Sở Tài chính tỉnh Nghệ An Trần Quang Vĩnh.")
    assert _persons(text) == {"Quang Vĩnh", "Lê Quang Vĩnh", "Trần Quang Vĩnh"}


def test_a_name_cut_before_a_miswritten_last_syllable_is_the_full_name():
    text = ("Bí thư Tỉnh ủy Nghệ An Lê Quang vĩnh phát biểu tại hội nghị. "
            "Ông Lê Quang Vĩnh đề nghị các huyện đẩy nhanh tiến độ.")
    assert _persons(text) == {"Lê Quang Vĩnh"}
    assert ("Lê Quang Vĩnh", "Bí thư", "Đảng bộ tỉnh Nghệ An", "current") in offices(run(text))


def test_given_name_and_last_two_syllables_after_dong_chi():
    for short in ("đồng chí Thắng", "Đồng chí Minh Thắng"):
        text = f"Đồng chí Hà Minh Thắng dự hội nghị. Sau đó, {short} được bầu giữ chức Bí thư Tỉnh ủy Lạng Sơn."
        x = run(text)
        assert set(x.persons) == {"Hà Minh Thắng"}, short
        assert offices(x) == {("Hà Minh Thắng", "Bí thư", "Đảng bộ tỉnh Lạng Sơn", "elected")}


def test_a_name_after_a_house_number_is_a_street():
    assert _persons("Bắt quả tang 5 đối tượng đánh bạc tại số nhà 37 Phùng Khắc Khoan.") == set()
    assert _persons("Bãi giữ xe số 6 Lý Tự Trọng vẫn hoạt động.") == set()
    # a district's number or a list's is no house number
    assert _persons("Phó Chủ tịch UBND quận 2 Trần Thanh Khiết nói rằng tai nạn giảm.") == {"Trần Thanh Khiết"}
    assert _persons("Năm 2019 Nguyễn Văn An giữ chức Bí thư Tỉnh ủy Nghệ An.") == {"Nguyễn Văn An"}
