"""Reading article files: kinds, encodings, and one clear error line for every bad file."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefbook.reading import InputError, read_article

LEAD = (
    "The port authority said on Monday that container traffic rose 4 percent in the first half, "
    "helped by strong demand for electronics and a faster customs process."
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.txt", "text"), ("a.html", "html"), ("a.HTM", "html"), ("a.md", "markdown")],
)
def test_kind_from_suffix(tmp_path: Path, name: str, kind: str) -> None:
    art = read_article(write(tmp_path, name, LEAD.encode()))
    assert art.kind == kind
    assert art.text == LEAD
    assert art.encoding == "utf-8"
    assert art.sha256 == hashlib.sha256(LEAD.encode()).hexdigest()
    assert art.data == LEAD.encode()


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    p = write(tmp_path, "report.pdf", b"%PDF-1.7")
    with pytest.raises(InputError) as err:
        read_article(p)
    assert str(err.value).startswith(f"{p}: ")
    assert "unsupported file type .pdf" in str(err.value)


def test_bom_is_stripped_and_hash_covers_raw_bytes(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + LEAD.encode()
    art = read_article(write(tmp_path, "bom.txt", data))
    assert art.text == LEAD
    assert art.sha256 == hashlib.sha256(data).hexdigest()


def test_utf16_with_bom(tmp_path: Path) -> None:
    art = read_article(write(tmp_path, "wide.txt", LEAD.encode("utf-16")))
    assert art.text == LEAD
    assert art.encoding == "utf-16"


def test_windows_1252_is_detected(tmp_path: Path) -> None:
    text = (
        "The café owner’s “crème brûlée” won the regional prize — the jury praised its texture, "
        "and the owner said the naïve first attempt had failed twice before it worked."
    )
    art = read_article(write(tmp_path, "cp.txt", text.encode("cp1252")))
    assert art.text == text
    assert art.encoding == "cp1252"


def test_euc_kr_is_detected(tmp_path: Path) -> None:
    text = "과학기술정보통신부 장관은 서울에서 열린 회의에서 인공지능 협력을 강화하겠다고 밝혔다. 양국은 협정을 체결했다."
    art = read_article(write(tmp_path, "ko.txt", text.encode("euc-kr")))
    assert art.text == text
    assert art.encoding in {"cp949", "euc_kr"}


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93news\x94</p></body></html>'
    art = read_article(write(tmp_path, "page.html", html.encode("latin-1")))
    assert "Café “news”" in art.text


def test_undetectable_encoding_says_so(tmp_path: Path) -> None:
    # English with bytes that are invalid in UTF-8 and unassigned in Windows-1252.
    data = (
        b"The council approved the budget \x81\x8d on Monday \x8f\x90 after a long debate "
        b"\x9d about roads and \x81schools in the district."
    )
    with pytest.raises(InputError) as err:
        read_article(write(tmp_path, "odd.txt", data))
    message = str(err.value)
    assert "\n" not in message
    assert "not UTF-8 and the encoding could not be detected" in message or "binary" in message


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\t \r\n", "only whitespace"),
        (b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)), "binary"),
    ],
)
def test_unreadable_content(tmp_path: Path, data: bytes, problem: str) -> None:
    p = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as err:
        read_article(p)
    assert str(err.value) == f"{p}: {err.value.message}"
    assert problem in err.value.message


def test_control_character_soup_is_binary(tmp_path: Path) -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 65]) * 50
    with pytest.raises(InputError, match="binary"):
        read_article(write(tmp_path, "ctl.txt", data))


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    p = write(tmp_path, "big.txt", (LEAD + "\n").encode() * 50)
    with pytest.raises(InputError, match="too large"):
        read_article(p, max_bytes=1000)
    assert read_article(p, max_bytes=1_000_000).text.startswith("The port authority")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="directory"):
        read_article(folder)
