"""The report's charts really render: the page opened in headless Chromium.

``--dump-dom`` prints the DOM after the page's scripts ran, so each chart div
must hold vega's SVG with drawn marks; a screenshot must show more than the
same page without the vega bundle (tables and headings only): it must hold
thousands of pixels in vega's mark colours where the bare page has none. Skips,
saying why, only where no Chromium is installed (``apt-get install -y
chromium`` on Debian).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest
from test_marts import build_synthetic_warehouse

from akhbar.report import load_report_data, render_report, write_report

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="Chromium not installed (apt-get install -y chromium)"
)

# Everything is inline, so rendering needs no network; 10 s of virtual time is far more
# than vega needs for these charts (~0.3 s measured) and costs nothing real when idle.
VIRTUAL_TIME_MS = 10_000
# Wall-clock guard for one Chromium run (measured ~1 s here; a loaded CI box is slower).
TIMEOUT_S = 120
WINDOW = (1200, 1800)
# Marks each chart draws: points for the figures, timeline and incidents, bars for the others.
MARKS = {
    "figures": "mark-symbol",
    "timeline": "mark-symbol",
    "incidents": "mark-symbol",
    "entities": "mark-rect",
    "boilerplate": "mark-rect",
}


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu"]
    cmd += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    cmd += ["--no-first-run", f"--user-data-dir={profile}"]
    cmd += [f"--virtual-time-budget={VIRTUAL_TIME_MS}", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def chart_markup(dom: str) -> dict[str, str]:
    """Each chart div's markup, from its opening tag to the next chart or section."""
    # vega-embed adds its own class to the div, so match on the id alone.
    parts = re.split(r'(?=<div [^>]*id="chart-)', dom)
    out = {}
    for part in parts[1:]:
        name = re.match(r'<div [^>]*id="chart-(\w+)"', part).group(1)
        out[name] = part.split("<h2>")[0]
    return out


def assert_rendered(dom: str, expected: dict[str, str]) -> None:
    charts = chart_markup(dom)
    assert set(charts) == set(expected)
    for name, mark in expected.items():
        html = charts[name]
        assert "chart failed" not in html, name
        assert re.search(r'<svg[^>]*class="marks"', html), f"{name}: no SVG"
        # A mark group with at least one drawn path: data reached the chart.
        assert re.search(rf'<g class="{mark} role-mark[^"]*"[^>]*><path', html), f"{name}: no marks"


def png_rows(path: Path) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, pixel rows) of an 8-bit RGB(A) PNG, no Pillow needed."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    assert depth == 8 and ctype in (2, 6), (depth, ctype)
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), w * bpp
    prev, rows = bytearray(stride), []
    for y in range(h):
        start = y * (stride + 1)
        rows.append(
            bytes(_unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), prev, bpp))
        )
        prev = bytearray(rows[-1])
    return w, h, bpp, rows


def _unfilter(kind: int, cur: bytearray, prev: bytearray, bpp: int) -> bytearray:
    # PNG filter types 0-4 (None, Sub, Up, Average, Paeth), per the PNG specification.
    if kind == 2:
        return bytearray((x + p) & 255 for x, p in zip(cur, prev, strict=True))
    for i in range(len(cur) if kind else 0):
        a = cur[i - bpp] if i >= bpp else 0
        b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
        if kind == 1:
            pred = a
        elif kind == 3:
            pred = (a + b) // 2
        else:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
        cur[i] = (cur[i] + pred) & 255
    return cur


# Vega's default category colours (tableau10 without its two greys, which table borders
# and headers come close to), drawn opaque (bars) or at the 0.7 opacity of points.
PALETTE = ["4c78a8", "f58518", "e45756", "72b7b2", "54a24b", "eeca3b", "b279a2", "ff9da6"]
MARK_COLOURS = {
    tuple(round(alpha * int(hx[i : i + 2], 16) + (1 - alpha) * 255) for i in (0, 2, 4))
    for hx in PALETTE
    for alpha in (1.0, 0.7)
}
# Anti-aliasing and colour management move a pixel a few units per channel.
COLOUR_SLACK = 12
# The synthetic page's first 1,800 px hold ~1,200 such pixels (the figures chart's dots and
# legend, the timeline's first rows: the conflicts table between them grew to 13 rows
# with issue 19), the same page without vega none; 600 still passes if Chromium draws
# marks smaller, and fails when no chart is drawn.
MIN_MARK_PIXELS = 600


def mark_pixels(path: Path) -> int:
    """How many pixels of the screenshot are in the charts' mark colours."""
    _, _, bpp, rows = png_rows(path)
    colours = Counter(r[i : i + 3] for r in rows for i in range(0, len(r), bpp))
    return sum(
        n
        for px, n in colours.items()
        if any(sum(abs(px[k] - t[k]) for k in range(3)) <= COLOUR_SLACK for t in MARK_COLOURS)
    )


@pytest.fixture(scope="module")
def synthetic_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("browser")
    wh = build_synthetic_warehouse(base / "warehouse")
    write_report(wh, base / "report.html")
    # The same page with no vega inside: every chart div stays empty.
    bare = render_report(load_report_data(wh), js_bundle="")
    (base / "bare.html").write_text(bare, encoding="utf-8")
    return base / "report.html"


def test_charts_render_in_chromium(synthetic_page: Path, tmp_path: Path) -> None:
    dom = chromium(tmp_path, "--dump-dom", synthetic_page.as_uri()).stdout
    assert_rendered(dom, MARKS)


def test_screenshot_shows_the_charts(synthetic_page: Path, tmp_path: Path) -> None:
    size = f"--window-size={WINDOW[0]},{WINDOW[1]}"
    shot, bare = tmp_path / "report.png", tmp_path / "bare.png"
    chromium(tmp_path, size, f"--screenshot={shot}", synthetic_page.as_uri())
    bare_page = synthetic_page.with_name("bare.html")
    chromium(tmp_path, size, f"--screenshot={bare}", bare_page.as_uri())
    assert png_rows(shot)[:2] == WINDOW
    assert mark_pixels(shot) >= MIN_MARK_PIXELS
    assert mark_pixels(bare) == 0  # the colours come from the charts, not the tables


def test_seed_report_renders(cli, seeded_warehouse: Path, tmp_path: Path) -> None:
    """`akhbar report` on the seeds: whatever charts it draws render (the boilerplate one
    always: every seed article has text); figures and timeline appear once extracted."""
    out = tmp_path / "seeds.html"
    code, _, stderr = cli("report", "--out", str(out), "--warehouse", str(seeded_warehouse))
    assert code == 0, stderr
    dom = chromium(tmp_path, "--dump-dom", out.as_uri()).stdout
    drawn = {k: v for k, v in MARKS.items() if f'id="chart-{k}"' in out.read_text()}
    assert "boilerplate" in drawn
    assert_rendered(dom, drawn)
