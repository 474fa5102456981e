"""`akhbar extract` input (issue 18, problems 6 and 10): one line of a dump as FILE#N, and a
hint instead of a silent wait when it reads a terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

DUMP_LINES = [
    '{"content": "اعتقلت الشرطة 20 شخصا في دمشق", "date_extracted": "2022-01-08"}',
    "",
    '{"content": "قتل خمسة أشخاص في حلب", "title": "حادث في حلب", "source": "سانا"}',
    "not json",
]
FIELDS = ["--field", "text=content", "--field", "published_at=date_extracted"]
# Seconds to wait for the CLI to import its stages and ask for input (cold: ~5 s here).
PROMPT_TIMEOUT_S = 60


def _dump(tmp_path: Path) -> Path:
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(DUMP_LINES) + "\n", encoding="utf-8")
    return dump


def test_extract_reads_one_line_of_a_dump(cli, tmp_path):
    dump = _dump(tmp_path)
    code, out, err = cli("extract", f"{dump}#3", *FIELDS)
    assert code == 0, err
    facts = json.loads(out)
    assert facts["text"] == "قتل خمسة أشخاص في حلب"
    assert facts["article"]["title"] == "حادث في حلب"  # the line's metadata, as a run reads it
    assert [f["value"] for f in facts["figures"]] == [5]
    code, out, err = cli("extract", f"{dump}#1", *FIELDS)
    assert code == 0 and json.loads(out)["article"]["published_at"].startswith("2022-01-08")


def test_a_dump_of_many_lines_or_a_bad_line_is_one_line_error(cli, tmp_path):
    dump = _dump(tmp_path)
    for ref, needle in (
        (str(dump), "holds 3 articles, one per line"),
        (f"{dump}#2", "holds no article"),
        (f"{dump}#99", "holds no article"),
        (f"{dump}#4", "malformed JSON"),
        (f"{dump}#1", "text field 'text' missing"),  # no --field: the default field name
    ):
        code, _, err = cli("extract", ref)
        assert code == 1 and needle in err, (ref, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_one_line_dump_needs_no_line_number(cli, tmp_path):
    dump = tmp_path / "one.jsonl"
    dump.write_text(DUMP_LINES[0] + "\n", encoding="utf-8")
    code, out, err = cli("extract", str(dump), "--field", "text=content")
    assert code == 0, err
    assert json.loads(out)["text"].startswith("اعتقلت")


def test_extract_on_a_terminal_says_it_reads_standard_input():
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "akhbar.cli", "extract"],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "200"},
    )
    os.close(slave)
    try:
        hint = _read_until(proc.stderr, b"standard input", PROMPT_TIMEOUT_S)
        assert b"Ctrl-D" in hint
        os.write(master, "قتل خمسة أشخاص في حلب\n".encode() + b"\x04")
        out, _ = proc.communicate(timeout=PROMPT_TIMEOUT_S)
    finally:
        os.close(master)
        proc.kill()
    assert proc.returncode == 0
    assert json.loads(out)["figures"][0]["value"] == 5


def _read_until(stream, needle: bytes, timeout: float) -> bytes:
    got = b""
    deadline = time.monotonic() + timeout
    while needle not in got and time.monotonic() < deadline:
        ready, _, _ = select.select([stream], [], [], 0.5)
        if ready:
            chunk = os.read(stream.fileno(), 4096)
            if not chunk:
                break
            got += chunk
    return got
