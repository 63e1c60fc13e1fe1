import io

import pytest

from eventscribe.ingest.decode import BadUtf8, iter_decoded_chunks, iter_lines


def test_multibyte_character_split_between_reads_is_not_an_error():
    data = "Priština – Vučić".encode()
    text = "".join(iter_decoded_chunks(io.BytesIO(data), chunk_bytes=1))
    assert text == "Priština – Vučić"


def test_bad_byte_offset_is_counted_from_the_start_of_the_file():
    data = b"abcdefgh\xffxyz"
    with pytest.raises(BadUtf8) as info:
        "".join(iter_decoded_chunks(io.BytesIO(data), chunk_bytes=3))
    assert info.value.offset == 8
    assert "byte 8" in str(info.value) and "save the file as UTF-8" in str(info.value)


def test_truncated_character_at_end_of_file_is_an_error():
    with pytest.raises(BadUtf8) as info:
        "".join(iter_decoded_chunks(io.BytesIO(b"ok \xc5"), chunk_bytes=2))
    assert info.value.offset == 3


def test_bom_is_stripped_only_at_the_start():
    data = "\ufeffone\ufefftwo".encode()
    assert "".join(iter_decoded_chunks(io.BytesIO(data))) == "one\ufefftwo"


def test_lines_keep_numbers_and_report_bad_bytes_with_file_offset():
    data = b"\xef\xbb\xbffirst\nse\xffcond\nthird\n"
    lines = list(iter_lines(io.BytesIO(data)))
    assert [line.number for line in lines] == [1, 2, 3]
    assert lines[0].text == "first\n"
    assert lines[1].error is not None
    assert lines[1].error.offset == 11  # 3 BOM + 6 'first\n' + 2 'se'
    assert lines[2].text == "third\n" and lines[2].error is None


def test_lines_split_on_newline_only():
    data = "a\u2028b\nc\n".encode()
    assert [line.text for line in iter_lines(io.BytesIO(data))] == ["a\u2028b\n", "c\n"]
