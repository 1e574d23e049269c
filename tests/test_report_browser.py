"""The report page in a real headless browser (Debian's chromium): it loads, the charts
render, and a screenshot is kept as a test artifact. Skipped where chromium is absent
(``.ci/run`` installs it)."""

from __future__ import annotations

import datetime as dt
import html.parser
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from supportpolicy import reports, sla
from supportpolicy.reports.page import html_page

pytest.importorskip("matplotlib")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]  # fmt: skip


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB or RGBA PNG (stdlib only)."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        begin = y * (stride + 1)
        kind, line = raw[begin], bytearray(raw[begin + 1:begin + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows


class Images(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))


def test_the_report_page_renders_in_headless_chromium(tmp_path: Path) -> None:
    at = dt.datetime(2026, 9, 1, 8, tzinfo=dt.UTC)
    log: dict[str, list[object]] = {}
    for i in range(60):
        opened = at + dt.timedelta(days=i, hours=i % 7)
        responded = opened + dt.timedelta(minutes=41 * (i % 13))
        log[f"T{i}"] = [sla.Opened(opened, i % 4 + 1), sla.Responded(responded),
                        sla.Resolved(responded + dt.timedelta(hours=3 * (i % 17) + 1))]  # fmt: skip
    page = tmp_path / "report.html"
    page.write_text(html_page(reports.from_events("premium", log, at + dt.timedelta(days=90)),
                              "de"), encoding="utf-8")  # fmt: skip
    url = page.as_uri()

    # The DOM after load: both charts are there, as decoded images with a size.
    dom = chromium("--dump-dom", url, profile=tmp_path / "profile-dom").stdout
    found = Images()
    found.feed(dom)
    assert len(found.images) == 2
    assert all((img.get("src") or "").startswith("data:image/png;base64,") for img in found.images)
    assert "SLA-Bericht" in dom

    # The screenshot: the page drew something, and the charts' colours are on it.
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report-page.png"
    shot.unlink(missing_ok=True)
    chromium(f"--screenshot={shot}", "--window-size=1200,2000", url,
             profile=tmp_path / "profile-shot")  # fmt: skip
    print(f"screenshot kept at {shot}")
    width, height, rows = png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 2000)
    values = [v for row in rows[::8] for v in row[::16]]
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    assert variance > 100, "the screenshot is blank"
    red = sum(
        1 for row in rows[::4] for x in range(0, width * 3 - 3, 12)
        if row[x] > 150 and row[x + 1] < 90 and row[x + 2] < 90
    )  # fmt: skip
    assert red > 20, "no chart colour (the breach bars and late bins are red) on the page"
