"""Regenerate docs/formats/res-179-report.png: the Res 179 (2010 → 2018) HTML report in chromium.

Run from the repository root, with ../shared/data beside it and Debian's chromium installed:
``python scripts/screenshot_report.py``. Screenshots are taken on purpose, reviewed by eye.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

OLD = "../shared/data/itu-pp/2010-guadalajara/res-179.seed-page.txt"
NEW = "../shared/data/itu-pp/2018-dubai/res-179.txt"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "res179.html"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "resdiff",
                "diff",
                OLD,
                NEW,
                "--format",
                "html",
                "-o",
                str(report),
            ],
            check=False,
        )
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 1500})
            page.goto(report.as_uri())
            page.screenshot(path="docs/formats/res-179-report.png")
            page.click("text=Side by side")
            page.screenshot(path="docs/formats/res-179-side-by-side.png")
            browser.close()


if __name__ == "__main__":
    main()
