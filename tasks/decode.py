"""Decode stage: bytes -> text, or a quarantine reason.

Order of trust: a BOM says what it is; then strict UTF-8 (which almost
never validates by accident on legacy Arabic bytes); then the two Arabic
legacy code pages, told apart by which one yields more Arabic letters.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from akhbar.config import MAX_FILE_BYTES

__all__ = ["Decoded", "decode_bytes", "read_and_decode"]

# Share of control characters (other than tab/newline) in the decoded text
# above which it is binary data that happened to decode. Real articles: 0;
# a PNG decoded as cp1256: ~10 %.
MAX_CONTROL_SHARE = 0.01
# A legacy-decoded text must be at least this Arabic (letters in U+0600..06FF
# over all letters) to be believed; calibrated on the seeds re-encoded to
# cp1256/ISO-8859-6 (> 0.9) against Latin-1 text decoded as cp1256 (< 0.1).
MIN_ARABIC_SHARE = 0.5
LEGACY_ENCODINGS = ("cp1256", "iso8859_6")
# cp1256 assigns a character to every byte, so any bytes "decode". Prose has
# spaces: the seeds have 16-19 % white space, random high bytes ~0.4 %. A
# legacy decode of more than a line with less than this is not text.
MIN_SPACE_SHARE = 0.05
MIN_LEN_FOR_SPACE_CHECK = 40


@dataclass(frozen=True, slots=True)
class Decoded:
    sha256: str
    size: int
    text: str | None
    encoding: str | None
    reason: str | None  # quarantine reason when text is None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)


def _space_share(text: str) -> float:
    return sum(c.isspace() for c in text) / max(len(text), 1)


# Unicode's control characters (category Cc: U+0000-U+001F, U+007F-U+009F) but the
# whitespace ones text uses (tab, line feed, form feed, carriage return).
CONTROL = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]")


def _control_share(text: str) -> float:
    bad = len(text) - len(CONTROL.sub("", text))
    return bad / max(len(text), 1)


def _try_decode(data: bytes) -> tuple[str | None, str | None]:
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None, None
    if b"\x00" in data:  # text has no NUL; BOM-less UTF-16 (~50 % NULs) is not guessed
        return None, None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _arabic_share(text)
        if len(text) >= MIN_LEN_FOR_SPACE_CHECK and _space_share(text) < MIN_SPACE_SHARE:
            continue
        if best is None or share > best[0]:
            best = (share, text, enc)
    if best and best[0] >= MIN_ARABIC_SHARE:
        return best[1], best[2]
    return None, None


def decode_bytes(data: bytes, encoding: str = "auto") -> Decoded:
    sha = hashlib.sha256(data).hexdigest()
    size = len(data)
    if size == 0:
        return Decoded(sha, size, None, None, "empty file")
    if size > MAX_FILE_BYTES:
        return Decoded(sha, size, None, None, _too_large(size))
    if encoding != "auto":
        try:
            text, enc = data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as e:
            return Decoded(sha, size, None, None, f"not decodable as {encoding}: {e}")
    else:
        text, enc = _try_decode(data)
        if text is None:
            why = "binary file (NUL bytes)" if b"\x00" in data else "undecodable bytes"
            return Decoded(sha, size, None, None, f"{why}: not UTF-8/UTF-16/cp1256/ISO-8859-6")
    if _control_share(text) > MAX_CONTROL_SHARE:
        return Decoded(sha, size, None, None, "binary content (control characters)")
    text = _normalise_newlines(text)
    if not text.strip():
        return Decoded(sha, size, None, None, "no text (whitespace only)")
    return Decoded(sha, size, text, enc, None)


def _too_large(size: int) -> str:
    return f"file too large ({size} bytes > limit {MAX_FILE_BYTES})"


def _stream_sha256(fh: BinaryIO) -> str:
    h = hashlib.sha256()
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        h.update(chunk)
    return h.hexdigest()


def read_and_decode(abspath: str, encoding: str = "auto") -> Decoded:
    """Read one file, never raising for the file's own faults."""
    try:
        with open(abspath, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return Decoded(_stream_sha256(fh), size, None, None, _too_large(size))
            data = fh.read()
    except FileNotFoundError:
        return Decoded("", 0, None, None, "file vanished before it could be read")
    except PermissionError:
        return Decoded("", 0, None, None, "permission denied")
    except IsADirectoryError:
        return Decoded("", 0, None, None, "is a directory")
    except OSError as e:
        return Decoded("", 0, None, None, f"read error: {e.strerror or e}")
    return decode_bytes(data, encoding)


def text_id(text: str) -> str:
    """article_id: sha256 of the decoded text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
