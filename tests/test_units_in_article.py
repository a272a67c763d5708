"""How one article names its units: short names, lists under one head, names that end early or run on."""

from extracting import labels, offices, provinces, run


def test_a_unit_named_short_is_the_one_the_article_names_in_full():
    x = run("Ông Trần Văn An, Tổng giám đốc Tổng công ty Bến Nghé Sài Gòn, cho biết. Theo ông Lê Văn Bình, Phó Tổng "
            "giám đốc Tổng công ty Bến Nghé, việc đã xong. Ông Hà Văn Cường, Giám đốc Công ty AGRIMEX, và ông Lý "
            "Văn Dũng, Phó Giám đốc Công ty Vật tư nông nghiệp Lạng Sơn AGRIMEX, dự.")
    got = offices(x)
    assert ("Lê Văn Bình", "Phó Tổng Giám đốc", "Tổng công ty Bến Nghé Sài Gòn", "current") in got
    assert ("Hà Văn Cường", "Giám đốc", "Công ty Vật tư nông nghiệp Lạng Sơn AGRIMEX", "current") in got
    assert not {"Tổng công ty Bến Nghé", "Công ty AGRIMEX"} & labels(x)
    # the short name is kept as the unit's other label
    assert "Tổng công ty Bến Nghé" in x.alt_labels[next(k for k, o in x.orgs.items()
                                                        if o.label == "Tổng công ty Bến Nghé Sài Gòn")]


def test_a_national_body_beside_its_branch_or_a_name_run_on_stays_itself():
    x = run("Ông Trần Văn An, Chủ tịch Mặt trận Tổ quốc Việt Nam, và ông Lê Văn Bình, Chủ tịch Ủy ban Mặt trận Tổ "
            "quốc Việt Nam tỉnh Lạng Sơn, dự. Ông Hà Văn Cường, Giám đốc Công ty Hoa Sen, cho biết Công ty Hoa Sen "
            "đánh giá cao dự án.")
    got = offices(x)
    assert ("Trần Văn An", "Chủ tịch", "Mặt trận Tổ quốc Việt Nam", "current") in got
    assert ("Hà Văn Cường", "Giám đốc", "Công ty Hoa Sen", "current") in got


def test_a_company_keeps_a_place_in_its_proper_name_as_written():
    x = run("Ông Trần Văn An, Chủ tịch Công ty Bia Sài Gòn, và ông Lê Văn Bình, Giám đốc Sở TDTT Nghệ An, dự.")
    got = offices(x)
    assert ("Trần Văn An", "Chủ tịch", "Công ty Bia Sài Gòn", "current") in got
    assert ("Lê Văn Bình", "Giám đốc", "Sở Thể dục thể thao tỉnh Nghệ An", "current") in got
    x = run("Ông Nguyễn Minh Thành, Chủ tịch Hội Dạy nghề TPHCM, nói.")
    assert ("Nguyễn Minh Thành", "Chủ tịch", "Hội Dạy nghề thành phố Hồ Chí Minh", "current") in offices(x)


def test_one_head_before_names_with_and_inside_them():
    x = run("Đại diện các bộ Nông nghiệp và Phát triển nông thôn, Giáo dục và Đào tạo, Công an và Quốc phòng đã dự.")
    assert {"Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giáo dục và Đào tạo", "Bộ Công an",
            "Bộ Quốc phòng"} <= labels(x)
    assert not {"Bộ Phát triển nông thôn", "Bộ Đào tạo", "Bộ Nông nghiệp"} & labels(x)


def test_a_list_of_bodies_after_a_name_is_no_part_of_it():
    x = run("Ông Trần Văn An, Thứ trưởng Bộ Xây dựng và các cơ quan liên quan đã họp.")
    assert ("Trần Văn An", "Thứ trưởng", "Bộ Xây dựng", "current") in offices(x)


def test_a_longer_name_the_article_gives_later_is_another_unit():
    # the parent company first, then its branch: the short name is no short form of the branch
    x = run("Hội nghị tổng kết năm. Ông Trần Văn An, Tổng giám đốc Công ty Sông Đà, cho biết. Ông Lê Văn Bình, Giám đốc Công ty Sông Đà "
            "Hà Nội, dự.")
    got = offices(x)
    assert ("Trần Văn An", "Tổng Giám đốc", "Công ty Sông Đà", "current") in got
    assert ("Lê Văn Bình", "Giám đốc", "Công ty Sông Đà Hà Nội", "current") in got
    # a headline names it short, the text in full: one unit
    x = run("Tổng giám đốc Tổng công ty Bến Nghé Trần Văn An từ chức\nÔng Trần Văn An, Tổng giám đốc Tổng công ty "
            "Bến Nghé Sài Gòn, đã nộp đơn.")
    assert {o[2] for o in offices(x)} == {"Tổng công ty Bến Nghé Sài Gòn"}


def test_a_unit_named_without_its_place_word_is_the_one_named_with_it():
    x = run("Ông Trần Văn An, Giám đốc Bệnh viện Đa khoa huyện Tam Nông, cho biết. Việc bổ nhiệm ở Bệnh viện Đa khoa "
            "Tam Nông có sai sót.", "Đồng Tháp")
    assert "Bệnh viện Đa khoa Tam Nông" not in labels(x) and "Bệnh viện Đa khoa huyện Tam Nông" in labels(x)


def test_a_person_after_a_commune_word_is_no_commune():
    x = run("Ông Lê Văn Tư, cựu Chủ tịch xã Lê Đình Thuận, nói thêm.", "Hà Nội")
    assert not any("Lê Đình Thuận" in label for label in labels(x))


def test_a_board_named_after_a_title_and_a_rank_after_a_city_are_no_office_and_no_place():
    x = run("Ban giám đốc Công an TP. Thượng tá Lê Văn Hậu, Phó trưởng phòng Cảnh sát hình sự Công an TP.HCM cho biết.")
    got = offices(x)
    assert ("Lê Văn Hậu", "Phó Trưởng phòng", "Phòng Cảnh sát hình sự Công an thành phố Hồ Chí Minh", "current") in got
    assert not any(o[1] == "Giám đốc" for o in got) and not any("Thượng" in label for label in labels(x))


def test_a_verb_or_a_function_word_after_a_name_ends_it():
    x = run("Ông Trần Văn An, Tổng giám đốc Tập đoàn Hòa Phát, nói Tập đoàn Hòa Phát vẫn chưa thực hiện việc này; "
            "Vụ Nông thôn chuyển hồ sơ cho Công ty Sông Hồng phối hợp xử lý.")
    names = labels(x)
    assert {"Tập đoàn Hòa Phát", "Vụ Nông thôn", "Công ty Sông Hồng"} <= names
    assert not any(w in label for label in names for w in (" vẫn", " chuyển", " phối hợp"))


def test_a_name_ends_before_a_verb_a_time_a_description_or_a_second_body():
    x = run("Tập đoàn Sông Đà cam kết trả nợ. Trường Tiểu học Kim Liên mời phụ huynh dự, ông Lê Văn Bình, Giám đốc "
            "Công ty TNHH Hải Nam sáng nay cho biết. Ông viết cho Tạp chí Tuyên giáo - Cơ quan lý luận của Ban Tuyên "
            "giáo. Đề nghị Bộ Công an điều tra, làm rõ. Trường thuộc Bộ Xây dựng và Phân viện Kiến trúc miền Nam. "
            "Bộ Ngoại giao và Ủy ban Quốc gia UNESCO tổ chức hội thảo. Bộ Y tế Đây là lần đầu.")
    names = labels(x)
    assert {"Tập đoàn Sông Đà", "Trường Tiểu học Kim Liên", "Công ty TNHH Hải Nam", "Tạp chí Tuyên giáo",
            "Bộ Công an", "Bộ Xây dựng", "Bộ Ngoại giao", "Bộ Y tế"} <= names
    assert not any(w in label for label in names for w in (" cam", " mời", " sáng", " Cơ quan", " điều", " Phân",
                                                           " và Ủy", " Đây"))
    # a ministry's own "và", and a unit named with "điều tra", go on
    x = run("Ông Lê Văn Bình, Thứ trưởng Bộ Tài nguyên và Môi trường, và ông Hà Văn Cường, Thủ trưởng Cơ quan Cảnh "
            "sát điều tra, dự.")
    assert {"Bộ Tài nguyên và Môi trường", "Cơ quan Cảnh sát điều tra"} <= {o[2] for o in offices(x)}


def test_a_town_named_with_a_heads_word_is_no_body():
    x = run("Phố cổ Hội An đông khách dịp lễ. Ông Lê Văn Bình, Hiệu trưởng Trường Trung cấp Y tế, dự.", "Quảng Nam")
    assert not any(label.startswith("Hội An") for label in labels(x))
    assert any(o[2] == "Trường Trung cấp Y tế" for o in offices(x))


def test_a_headline_shortens_the_name_the_text_gives_in_full():
    x = run("Giám đốc Sở Tài nguyên Lạng Sơn bị kỷ luật\nÔng Trần Văn An, Giám đốc Sở Tài nguyên và Môi trường tỉnh "
            "Lạng Sơn, bị khiển trách.")
    assert "Sở Tài nguyên tỉnh Lạng Sơn" not in labels(x)
    assert "Sở Tài nguyên và Môi trường tỉnh Lạng Sơn" in labels(x)


def test_a_short_name_the_article_gives_in_brackets_is_the_unit_it_follows():
    x = run("Ông Trần Văn An, Chủ tịch Hội đồng quản trị Tổng công ty Phát triển nhà Hòa Bình (HABICO), cho biết. Ông "
            "Lê Văn Bình, Phó Tổng giám đốc Tổng công ty HABICO, và ông Hà Văn Cường, Ủy viên Hội đồng quản trị "
            "HABICO, dự.")
    assert {o[2] for o in offices(x)} == {"Hội đồng quản trị Tổng công ty Phát triển nhà Hòa Bình",
                                          "Tổng công ty Phát triển nhà Hòa Bình"}


def test_an_abbreviation_the_article_defines_is_read_as_its_words():
    x = run("Ông Trần Văn An, Chủ tịch UBND huyện Cần Giờ (CG), cho biết. Ông Lê Văn Bình, Chánh Văn phòng UBND huyện "
            "CG, nói.", "Hồ Chí Minh")
    assert ("Lê Văn Bình", "Chánh Văn phòng", "Văn phòng Ủy ban nhân dân huyện Cần Giờ", "current") in offices(x)
    assert not any(label.endswith(" CG") for label in labels(x))


def test_a_caption_after_a_city_word_is_no_city():
    x = run("Lãnh đạo UBND TP. Ảnh: HOÀNG NAM Ông Trần Văn An nói.", "Hồ Chí Minh")
    assert not any("Ảnh" in label for label in labels(x))


def test_a_document_number_after_a_name_is_no_part_of_it():
    x = run("Ông Trần Văn An, Hiệu trưởng Trường THCS Hòa Lạc số 05/KL-UBND, nói. Ông Lê Văn Bình, Chỉ huy trưởng "
            "Quân khu 4, dự.")
    got = offices(x)
    assert ("Trần Văn An", "Hiệu trưởng", "Trường Trung học cơ sở Hòa Lạc", "current") in got
    assert any(o[2] == "Quân khu 4" for o in got)


def test_a_places_initials_after_its_word_are_the_place_the_article_names_so():
    x = run("Ông Trần Văn An, Chủ tịch UBND xã Tân Hòa Thành, cho biết. Ông Lê Văn Bình, Phó Chủ tịch UBND xã THT, "
            "nói. Ông Hà Văn Cường, Chủ tịch UBND xã TP, dự.", "Tiền Giang")
    got = offices(x)
    assert ("Lê Văn Bình", "Phó Chủ tịch", "Ủy ban nhân dân xã Tân Hòa Thành", "current") in got
    assert not any("THT" in label for label in labels(x))


def test_a_provinces_city_is_a_district_level_unit_of_that_province():
    x = run("Ông Trần Văn An, Bí thư Thành ủy Hội An, và ông Lê Văn Bình, Chủ tịch UBND thành phố Biên Hòa, dự hội "
            "nghị Tỉnh ủy Quảng Nam.", "Quảng Nam")
    units = {o.label: o for o in x.orgs.values()}
    assert (units["Đảng bộ thành phố Hội An"].level, units["Đảng bộ thành phố Hội An"].province) == ("district",
                                                                                                    "Quảng Nam")
    assert units["Đảng bộ thành phố Hội An"].parent.label == "Đảng bộ tỉnh Quảng Nam"
    assert units["Ủy ban nhân dân thành phố Biên Hòa"].province == "Đồng Nai"
    # a centrally run city stays a province of its own
    assert run("Ông Trần Văn An, Bí thư Thành ủy Cần Thơ, dự.").orgs and all(
        o.level != "district" for o in run("Ông Trần Văn An, Bí thư Thành ủy Cần Thơ, dự.").orgs.values())


def test_a_clause_opened_after_a_name_with_a_capital_is_no_part_of_it():
    x = run("Ảnh: Công ty Cấp nước Bạc Liêu Đối với vụ việc này, ông Trần Văn An, Trưởng Ban Đối ngoại Trung ương, "
            "nói.")
    assert {"Công ty Cấp nước Bạc Liêu", "Ban Đối ngoại Trung ương"} <= labels(x)


def test_a_company_named_with_words_left_out_is_the_one_the_article_names_in_full():
    x = run("Tỉnh sáp nhập Công ty TNHH một thành viên in ấn tổng hợp Bình Định vào Công ty Xổ số kiến thiết. Ông Trần "
            "Văn An, Giám đốc Công ty TNHH một thành viên in ấn Bình Định, cho biết.")
    assert ("Trần Văn An", "Giám đốc", "Công ty TNHH một thành viên in ấn tổng hợp Bình Định", "current") in offices(x)
    assert "Công ty Xổ số kiến thiết" in labels(x)


def test_a_board_and_another_body_named_together_are_two():
    x = run("Ông Trần Văn An - Chủ tịch Hội đồng quản trị Trường mầm non Hoa Sen cho biết, Hội đồng quản trị và Ban "
            "giám hiệu trường Mầm non Hoa Sen đã họp.")
    assert {o[2] for o in offices(x)} == {"Hội đồng quản trị Trường Mầm non Hoa Sen"}


def test_the_affair_of_a_body_and_a_name_after_the_country_are_no_department_and_no_more_name():
    x = run("Vụ Xí nghiệp Cơ khí số 5: ông Trần Văn An, Giám đốc Xí nghiệp Cơ khí số 5, bị bắt. Hiệp hội Du lịch Việt "
            "Nam tổ chức lễ trao giải.")
    assert {"Xí nghiệp Cơ khí số 5", "Hiệp hội Du lịch Việt Nam"} <= labels(x)
    assert not any(label.startswith("Vụ ") or label.endswith(" lễ") for label in labels(x))


def test_after_tp_only_a_city_the_tables_know_else_a_new_sentence():
    x = run("Ông Trần Văn An, Phó Bí thư Thành ủy TP. Song, ông Lê Văn Bình, Chủ tịch UBND TP Vinh, và ông Hà Văn "
            "Cường, Chủ tịch UBND TP. Tuy Hòa, dự.", "Hồ Chí Minh")
    names = labels(x)
    assert {"Ủy ban nhân dân thành phố Vinh", "Ủy ban nhân dân thành phố Tuy Hòa"} <= names
    assert not any(label.endswith(" Song") for label in names)


def test_a_city_run_centrally_only_later_is_a_province_in_an_older_article():
    text = "Ông Trần Văn An, Giám đốc Công an Thừa Thiên - Huế, dự. Ông Lê Văn Bình, Bí thư Tỉnh ủy, phát biểu."
    then = {o.label for o in run(text, "Huế", published="2006-05-01").orgs.values()}
    assert {"Công an tỉnh Huế", "Đảng bộ tỉnh Huế"} <= then
    assert "Công an thành phố Huế" in labels(run(text, "Huế", published="2025-06-01"))
    # undated: a province's name for it says when
    assert "Công an tỉnh Huế" in labels(run(text, None, published=None))


def test_initials_of_a_name_the_article_gives_in_full_are_that_unit():
    x = run("Ông Trần Văn An, Phó Chủ tịch Hội KHKTNN Nam Định cho biết. Ông Lê Văn Bình, Chủ tịch Hội Khoa học và "
            "Kỹ thuật nông nghiệp Nam Định, nói.")
    assert {o[2] for o in offices(x)} == {"Hội Khoa học và Kỹ thuật nông nghiệp Nam Định"}


def test_a_title_written_in_capitals_is_no_body():
    x = run("Ông Trần Văn An, Bộ Trưởng Bộ Tư pháp, và ông Lê Văn Bình, Cục Trưởng Cục Hải quan, dự.")
    assert {o[1:3] for o in offices(x)} == {("Bộ trưởng", "Bộ Tư pháp"), ("Cục trưởng", "Cục Hải quan")}
    assert not any("Trưởng" in label for label in labels(x))


def test_a_name_after_a_body_whose_holder_is_named_before_is_the_bodys_own():
    x = run("PGS.TS Trần Văn An, hiệu trưởng Trường ĐH Sư phạm Lê Hữu Trác cho biết, trường tuyển sinh.")
    assert offices(x) == {("Trần Văn An", "Hiệu trưởng", "Trường Đại học Sư phạm Lê Hữu Trác", "current")}
    # no holder before: the name after the body is its holder's, and a province before it ends the body's name
    x = run("Hiệu trưởng Trường ĐH Y Hà Nội Nguyễn Văn Bình cho biết, trường tuyển sinh.")
    assert offices(x) == {("Nguyễn Văn Bình", "Hiệu trưởng", "Trường Đại học Y Hà Nội", "current")}
    # a list of titles is no apposition: "Đoàn," is no person's name
    x = run("Dự có lãnh đạo Trung ương Đoàn, Chủ tịch Hội Doanh nghiệp trẻ Việt Nam Đặng Văn Cường, và khách mời.")
    assert offices(x) == {("Đặng Văn Cường", "Chủ tịch", "Hội Doanh nghiệp trẻ Việt Nam", "current")}


def test_central_in_a_hospitals_name_is_a_word_of_it_not_the_central_committee():
    x = run("Ông Trần Văn An, Giám đốc Bệnh viện Đa khoa Trung ương Thái Nguyên, và ông Lê Văn Bình, Phó Giám đốc "
            "Bệnh viện Nhi Trung ương, dự.")
    assert {o[2] for o in offices(x)} == {"Bệnh viện Đa khoa Trung ương Thái Nguyên", "Bệnh viện Nhi Trung ương"}
    assert "Ban Chấp hành Trung ương Đảng" not in labels(x)


def test_a_ministrys_name_ends_where_its_words_end():
    x = run("Ông Trần Văn An – Vụ trưởng Vụ Pháp chế - Bộ Công Thương Thời gian qua, ngành đã làm nhiều việc. "
            "Bộ GTVT phối hợp với Bộ Tư pháp và cơ quan có liên quan. Ông Lê Văn Bình, Bộ trưởng Bộ Quốc phòng "
            "Hoa Kỳ, thăm Hà Nội.")
    names = labels(x)
    assert {"Vụ Pháp chế Bộ Công thương", "Bộ Tư pháp", "Bộ Quốc phòng Hoa Kỳ"} <= names
    assert not any(label.endswith((" Thời", " cơ quan", " Hoa")) for label in names)


def test_two_capitalised_words_after_huyen_the_tables_do_not_know_are_a_person():
    x = run("Chủ tịch UBND huyện Lê Tố; Bí thư Huyện ủy Trần Văn An phát biểu.", "Kiên Giang")
    assert not any("Lê Tố" in label for label in labels(x))
    assert "Ủy ban nhân dân huyện Lâm Hà" in labels(run("Chủ tịch UBND huyện Lâm Hà Trần Văn An phát biểu."))


def test_a_list_number_run_into_a_military_regions_number_is_no_part_of_it():
    x = run("Danh sách: Trần Văn An, Thiếu tướng, Chính ủy Quân khu 7100. Lê Văn Bình, Đại tá.")
    assert "Quân khu 7" in labels(x)
    assert "Quân khu 7100" not in labels(x)


def test_the_initials_of_a_head_in_brackets_inside_a_name_do_not_end_it():
    x = run("Ông Trần Văn An, Bí thư Đảng ủy Tổng Công ty (TCT) Xây dựng công trình Thủ Đức, phát biểu.")
    assert offices(x) == {("Trần Văn An", "Bí thư", "Đảng bộ Tổng công ty Xây dựng công trình Thủ Đức", "current")}
    x = run("Ông Lê Văn Bình, Chủ tịch Hiệp hội Doanh nghiệp (DN) TP Cần Thơ, phát biểu.")
    assert {o[2] for o in offices(x)} == {"Hiệp hội Doanh nghiệp thành phố Cần Thơ"}


def test_a_name_ends_before_a_persons_three_words_after_a_rare_surname_of_its_own():
    x = run("Tổng Biên tập Báo Thiếu Niên Tiền Phong Hà Văn An phát biểu. Chủ tịch Hội Nông dân Châu Lê Văn Bình dự.")
    assert ("Hà Văn An", "Tổng Biên tập", "Báo Thiếu Niên Tiền Phong", "current") in offices(x)
    # a person's name of four words is one person's ("Nguyễn" opens names, not a newspaper's)
    x = run("Tổng Biên tập Báo Lao Động Nguyễn Vũ Trường Sơn phát biểu.")
    assert {o[0] for o in offices(x)} == {"Nguyễn Vũ Trường Sơn"}


def test_a_companys_name_ends_after_its_brand_and_at_words_that_say_when():
    x = run("Sản phẩm do Tập đoàn Vinatex sản xuất đạt chuẩn. Ông Trần Văn An, Chủ tịch HĐQT Tổng công ty Lương "
            "thực miền Nam rồi Bộ trưởng Bộ Nông nghiệp, phát biểu. Công ty Than Hòn Gai từng khai thác ở đây. "
            "Bộ Công an điều tra vụ án.")
    names = labels(x)
    assert {"Tập đoàn Vinatex", "Hội đồng quản trị Tổng công ty Lương thực miền Nam", "Công ty Than Hòn Gai",
            "Bộ Công an"} <= names
    assert not any(label.endswith((" sản xuất", " rồi", " từng khai thác ở đây", " điều tra")) for label in names)
    # a company's name goes on in lower case after words that are not a brand, and after its initials
    assert "Công ty TNHH dịch vụ bảo vệ An Phú" in labels(run("Ông Trần Văn An, Giám đốc Công ty TNHH dịch vụ bảo vệ "
                                                                "An Phú, dự."))


def test_a_papers_issue_number_is_no_part_of_its_name():
    x = run("Ông Trần Văn An, Tổng Biên tập Tạp chí Tuyên giáo, viết trên Tạp chí Tuyên giáo số 11-12.")
    assert labels(x) >= {"Tạp chí Tuyên giáo"} and not any("số" in label for label in labels(x))


def test_a_district_written_with_another_apostrophe_is_the_one_the_tables_place():
    x = run("Ông Trần Văn An, Bí thư Huyện ủy Đắk R’lấp, phát biểu.", "Đắk Lắk")
    assert provinces(x, "Đảng bộ huyện Đắk R'lấp") == {"Đắk Nông"}


def test_and_before_a_body_of_its_own_or_a_foreign_acronym_after_a_paper_ends_a_name():
    x = run("Bộ Y tế và Bảo hiểm Xã hội Việt Nam thực hiện đấu thầu thuốc. Dự án do Báo Thiếu niên và UNICEF tài trợ. "
            "Báo Kinh tế và Đô thị đưa tin.")
    assert {"Bộ Y tế", "Báo Thiếu niên", "Báo Kinh tế và Đô thị"} <= labels(x)
    assert not any(label.endswith(("Bảo hiểm xã hội", "UNICEF")) for label in labels(x))


def test_a_foreign_name_written_in_hyphenated_syllables_is_one_word_of_a_name():
    x = run("Ông Trần Văn An, Chủ tịch Hội Hữu nghị Việt Nam - Cu-ba tỉnh Nghệ An, phát biểu.")
    assert {o[2] for o in offices(x)} == {"Hội Hữu nghị Việt Nam - Cu-ba tỉnh Nghệ An"}


def test_a_heading_in_capitals_ends_a_ministrys_name_at_its_words():
    x = run("BỘ TÀI CHÍNH THƯ CHÚC MỪNG NĂM MỚI\nBộ Tài chính gửi thư chúc mừng.")
    assert "Bộ Tài chính" in labels(x) and not any("thư" in label.lower() for label in labels(x))


def test_a_short_name_in_another_case_than_the_bracketed_one_is_the_unit_it_follows():
    x = run("Ông Trần Văn An, Bí thư Đảng ủy Tổng công ty Xây dựng Thủ Đức (THUDUCCO), phát biểu. Đảng bộ Thuducco "
            "có 20 chi bộ. Ông Lê Văn Bình, Phó Bí thư Đảng ủy Thuducco, dự.")
    assert {o[2] for o in offices(x)} == {"Đảng bộ Tổng công ty Xây dựng Thủ Đức"}
    assert not any("Thuducco" in label for label in labels(x))


def test_a_body_of_its_own_in_a_list_after_a_shared_head_keeps_its_name():
    x = run("Thủ tướng họp với bộ trưởng các bộ Quốc phòng, Xây dựng, Văn phòng Chính phủ về dự án.")
    assert {"Bộ Quốc phòng", "Bộ Xây dựng", "Văn phòng Chính phủ"} <= labels(x)
    assert "Bộ Văn phòng Chính phủ" not in labels(x)


def test_a_lower_case_noun_after_a_dash_describes_the_body():
    x = run("Lãnh đạo Bộ Giao thông vận tải - cơ quan thẩm định dự án giải trình.")
    assert "Bộ Giao thông vận tải" in labels(x) and not any("cơ quan" in label.lower() for label in labels(x))


def test_a_unit_named_short_in_another_case_after_its_full_name_is_that_unit():
    x = run("Tổng công ty Thép miền Nam (VNS) là đơn vị lớn. Ông Trần Văn An, Tổng Giám đốc Tổng công ty Thép Miền, "
            "phát biểu.")
    assert {o[2] for o in offices(x)} == {"Tổng công ty Thép miền Nam"}


def test_an_official_name_with_a_comma_and_an_ampersand_is_one_name():
    x = run("Ông Trần Văn An, Thứ trưởng Bộ Văn hóa, Thể thao & Du lịch, dự.")
    assert {o[2] for o in offices(x)} == {"Bộ Văn hóa - Thể thao và Du lịch"}


def test_a_name_ends_before_a_reason_a_review_or_a_superlative():
    x = run("Trung ương Hội Nông dân Việt Nam vì thành tích xuất sắc. Tổng công ty ĐSHN kiểm điểm trách nhiệm. "
            "Nay là Tập đoàn Dệt may và Thời trang lớn nhất nước.")
    assert {"Hội Nông dân Việt Nam", "Tổng công ty ĐSHN", "Tập đoàn Dệt may và Thời trang"} <= labels(x)


def test_a_ministrys_name_ends_before_the_government_named_after_it():
    x = run("Ông Trần Văn An, Bộ trưởng Bộ Ngoại giao Chính phủ Việt Nam Dân chủ Cộng hòa, phát biểu. Hội NDVN "
            "phát động phong trào.")
    assert ("Trần Văn An", "Bộ trưởng", "Bộ Ngoại giao", "current") in offices(x)
    assert not any(label.endswith(("Chính phủ", "phát động phong trào")) and label != "Chính phủ" for label in labels(x))
