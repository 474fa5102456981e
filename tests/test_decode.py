"""Decode: encodings are detected, newlines normalised, garbage quarantined with a reason."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.config import MAX_FILE_BYTES
from tasks.decode import decode_bytes, read_and_decode

ARABIC = "قُتل مئة واربعة وستون شخصا في الاضطرابات التي شهدتها كازاخستان هذا الأسبوع."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16"),
        (ARABIC.replace("ُ", "").encode("cp1256"), "cp1256"),
        (ARABIC.replace("ُ", "").replace("ة", "ه").encode("iso8859_6"), "iso8859_6"),
    ],
)
def test_encodings_are_detected(data, encoding):
    dec = decode_bytes(data)
    assert dec.reason is None
    assert dec.encoding == encoding
    assert "كازاخستان" in dec.text


def test_newlines_are_normalised():
    assert decode_bytes("أ\r\nب\rج\n".encode()).text == "أ\nب\nج\n"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty"),
        (b"   \n\t  ", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (bytes(random.Random(7).randrange(0x80, 0x100) for _ in range(400)), "undecodable"),
        (b"a" * (MAX_FILE_BYTES + 1), "too large"),
    ],
)
def test_garbage_is_quarantined_with_a_reason(data, why):
    dec = decode_bytes(data)
    assert dec.text is None
    assert why in dec.reason


def test_unreadable_and_vanished_files(tmp_path):
    gone = read_and_decode(str(tmp_path / "nope.txt"))
    assert gone.text is None and "vanished" in gone.reason
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (MAX_FILE_BYTES + 10))
    dec = read_and_decode(str(big))
    assert "too large" in dec.reason and dec.size == MAX_FILE_BYTES + 10 and dec.sha256


@given(st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1))
def test_utf8_round_trip(text):
    assert decode_bytes(text.encode("utf-8")).text == text


def test_control_pattern_is_unicode_category_cc_but_text_whitespace() -> None:
    import unicodedata

    from tasks.decode import CONTROL

    for cp in range(0x110000):
        c = chr(cp)
        wanted = unicodedata.category(c) == "Cc" and c not in "\n\t\r\f"
        assert bool(CONTROL.fullmatch(c)) == wanted, hex(cp)
