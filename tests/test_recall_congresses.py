"""Congresses (issue 13, class 9): "lần VIII", "Đại hội IX", the unit from context."""

from __future__ import annotations

from extracting import run


def congresses(x):
    return {(c.org.label, c.ordinal, c.term, c.start) for c in x.congresses}


def test_lan_without_thu_and_term_in_brackets():
    x = run("Ngày 21-12, Đại hội đại biểu Đảng bộ tỉnh Nam Định lần VIII (nhiệm kỳ 2005-2010) đã khai mạc.",
            published=None)
    (c,) = x.congresses
    assert (c.org.label, c.ordinal, c.term, str(c.start)) == ("Đảng bộ tỉnh Nam Định", 8, (2005, 2010), "2005-12-21")


def test_ordinal_then_unit():
    x = run("Qua năm năm thực hiện nghị quyết Đại hội lần XIII Đảng bộ tỉnh Nam Định, tỉnh luôn ổn định.")
    assert ("Đảng bộ tỉnh Nam Định", 13) in {(c[0], c[1]) for c in congresses(x)}


def test_bare_roman_congress_beside_central_bodies_is_national():
    x = run("Quy chế lấy phiếu giới thiệu nhân sự Tổng Bí thư khóa X trong số các ủy viên Ban Chấp hành "
            "Trung ương vừa trúng cử đã được thực hiện tại Đại hội IX.", published="2006-04-20")
    assert ("Đảng Cộng sản Việt Nam", 9) in {(c[0], c[1]) for c in congresses(x)}


def test_bare_roman_congress_of_the_one_unit_named():
    x = run("Nhiệm kỳ 2020-2025, Đảng bộ BIDV vẫn đạt hầu hết mục tiêu Nghị quyết Đại hội III.",
            published="2025-07-01")
    assert [(c.org.label, c.ordinal) for c in x.congresses] == [("Đảng bộ BIDV", 3)]


def test_the_national_congress_of_the_time_is_not_a_local_one():
    x = run("Đảng bộ và nhân dân tỉnh Nam Định sẽ nhanh chóng đưa Nghị quyết Đại hội X vào cuộc sống.",
            published="2006-05-01")
    assert not any(c.org.label.startswith("Đảng bộ tỉnh") for c in x.congresses)


def test_subject_with_its_place_then_the_verb():
    x = run("Ngày 8-8, Đảng bộ phường Tân Định, TP.HCM, tổ chức Đại hội đại biểu Đảng bộ phường lần thứ I, "
            "nhiệm kỳ 2025 - 2030.", published="2025-08-09")
    (c,) = x.congresses
    assert (c.org.label, c.ordinal, c.term, str(c.start)) == ("Đảng bộ phường Tân Định", 1, (2025, 2030), "2025-08-08")


def test_lan_nay_is_no_ordinal():
    x = run("Đại hội lần này của Đảng bộ tỉnh Nam Định diễn ra trong ba ngày.")
    assert not x.congresses
