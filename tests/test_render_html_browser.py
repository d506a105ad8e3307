"""The HTML report in a real browser: Debian's chromium, headless, driven by Playwright.

Playwright's own browser downloads are not used: the system chromium is launched through
``executable_path``. The tests skip, saying why, only when that binary is absent.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from render_cases import SAMPLE
from render_samples import XSS_IMG, XSS_SCRIPT, sample_diff

from resdiff.changes import Diff
from resdiff.render import RenderOptions, render

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--no-first-run",
    "--disable-dev-shm-usage",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright (test extra) is not installed"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, java_script_enabled=True)
    # no network: a report must not need any
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    pg = context.new_page()
    yield pg
    context.close()


def open_report(page: Any, tmp_path: Path, result: Diff, **opts: Any) -> list[str]:
    """Write the report, open it from file://, and return the dialogs it raised."""
    path = tmp_path / "report.html"
    html = render(result, "html", RenderOptions(**opts))
    assert isinstance(html, str)
    path.write_text(html, encoding="utf-8")
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return dialogs


def texts(page: Any, selector: str) -> list[str]:
    return [t for t in page.locator(selector).all_inner_texts()]


def test_res_179_shows_the_expected_del_and_ins_runs(
    page: Any, tmp_path: Path, res179_changes: Diff
) -> None:
    open_report(page, tmp_path, res179_changes)
    row = '.v-redline [id="considering/a"]'
    assert texts(page, f"{row} del") == ["is playing an increasingly important and valuable"]
    assert texts(page, f"{row} ins") == ["plays a very important"]
    assert texts(page, '.v-redline [id="considering/g"] ins') == ["g)", "mediation, "]
    assert texts(page, '.v-redline [id="considering/g"] del') == ["f)"]
    moved = page.locator('.v-redline [id="recognizing/c"]')
    assert "moved from recalling i)" in moved.inner_text()
    assert moved.locator("ins").all_inner_texts()[:2] == ["Rev. Buenos Aires", "2017"]


def test_view_switch_and_moved_links(page: Any, tmp_path: Path, res179_changes: Diff) -> None:
    open_report(page, tmp_path, res179_changes)
    redline, sbs = page.locator(".v-redline").first, page.locator(".v-sbs").first
    assert redline.is_visible()
    assert not sbs.is_visible()
    page.locator("label[for=view-sbs]").click()
    assert sbs.is_visible()
    assert not redline.is_visible()
    pair = page.locator('[id="sbs:considering/a"]')
    assert pair.locator(".cell.old del").all_inner_texts() == [
        "is playing an increasingly important and valuable"
    ]
    assert pair.locator(".cell.new ins").all_inner_texts() == ["plays a very important"]
    assert pair.locator(".cell.old ins").count() == 0
    assert pair.locator(".cell.new del").count() == 0
    # the moved clause: "moved from" at its new place links to its old place, and back
    page.locator(
        '[id="sbs:recognizing/c"] a.note', has_text="moved from recalling i)"
    ).first.click()
    assert page.evaluate("decodeURIComponent(location.hash)") == "#sbs:was:recalling/i"
    assert page.locator('[id="sbs:was:recalling/i"]').is_visible()
    page.locator(
        '[id="sbs:was:recalling/i"] a.note', has_text="moved to recognizing c)"
    ).first.click()
    assert page.evaluate("decodeURIComponent(location.hash)") == "#sbs:recognizing/c"
    page.locator("label[for=view-redline]").click()
    assert redline.is_visible()
    assert not sbs.is_visible()


def test_keyboard_moves_from_change_to_change(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, sample_diff())
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "header/number"
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "considering/a"
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "considering/c"
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.id") == "considering/a"
    page.locator("label[for=view-sbs]").click()
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id").startswith("sbs:")


def test_a_link_to_a_splits_second_part_opens_the_split(page: Any, tmp_path: Path) -> None:
    """``#resolves/2`` (the second part of resolves 1's split) scrolls to the split's row."""
    open_report(page, tmp_path, SAMPLE)
    page.set_viewport_size({"width": 1100, "height": 200})
    page.goto((tmp_path / "report.html").as_uri() + "#resolves/2")
    page.wait_for_load_state("load")
    row = page.evaluate(
        """() => {
            const row = document.querySelector(':target').closest('article');
            const top = row.getBoundingClientRect().top;
            return [row.id, row.innerText, top, window.scrollY];
        }"""
    )
    row_id, text, top, scrolled = row
    assert row_id == "resolves/1"
    assert "to share practice" in text
    assert 0 <= top < 200
    assert scrolled > 0


def test_unchanged_clauses_expand(page: Any, tmp_path: Path) -> None:
    open_report(page, tmp_path, sample_diff())
    same = page.locator('.v-redline [id="considering/b"]')
    assert not same.is_visible()
    page.locator(".v-redline details.same summary", has_text="considering b)").click()
    assert same.is_visible()


def test_xss_in_clause_text_renders_as_text(page: Any, tmp_path: Path) -> None:
    dialogs = open_report(page, tmp_path, sample_diff(), marks="itu")
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("b").count() == 0
    assert page.locator("script").count() == 1  # the report's own
    row = page.locator('.v-redline [id="resolves/2"]').inner_text()
    assert XSS_SCRIPT in row
    assert XSS_IMG in row
    assert "<b>markup</b>" in row
    page.locator("label[for=view-sbs]").click()
    assert XSS_SCRIPT in page.locator('[id="sbs:resolves/2"]').inner_text()
    assert dialogs == []
