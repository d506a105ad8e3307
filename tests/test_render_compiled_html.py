"""The compiled document as HTML: self-contained, escaped, and its "Conflicts only" filter
in a real browser (Debian's chromium, headless, driven by Playwright, as the diff report)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from compile_support import examples_compilation, hostile_compilation
from render_samples import XSS_IMG, XSS_SCRIPT

from resdiff.merge import Compilation
from resdiff.render import RenderOptions
from resdiff.render.compiled import render

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def html(compilation: Compilation, **opts: bool) -> str:
    out = render(compilation, "html", RenderOptions(**opts))
    assert isinstance(out, str)
    return out


def test_self_contained_and_every_text_escaped() -> None:
    out = html(hostile_compilation())
    assert XSS_SCRIPT not in out
    assert XSS_IMG not in out
    assert "<b>&" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "A &lt;b&gt;&amp;" in out
    assert "http://" not in out
    assert "https://" not in out
    assert "<link" not in out
    assert out.count("<script>") == 1  # the filter's own


def test_same_input_same_bytes() -> None:
    assert html(examples_compilation()) == html(examples_compilation())


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.fail("chromium is not installed (.ci/run installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright (the test extra) is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield pg
    assert dialogs == []  # no script from the texts ever ran
    context.close()


def open_page(page: Any, tmp_path: Path, compilation: Compilation) -> None:
    path = tmp_path / "compiled.html"
    path.write_text(html(compilation), encoding="utf-8")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")


def visible_ids(page: Any) -> list[str]:
    return [e.get_attribute("id") for e in page.locator("section.entry").all() if e.is_visible()]


def test_positions_marks_and_conflicts_only_filter(page: Any, tmp_path: Path) -> None:
    open_page(page, tmp_path, examples_compilation())
    conflict = page.locator('[id="considering/d"]')
    assert conflict.locator(".flag").inner_text().lower() == "conflict"
    bravo = conflict.locator("li.position", has_text="BRAVO")
    assert bravo.locator("del").all_inner_texts() == ["educators"]
    assert bravo.locator("ins").all_inner_texts() == [", educators", "communities"]
    agreed = page.locator('[id="resolves/1"] li.position').first
    assert agreed.locator(".who").inner_text() == "ALPHA = BRAVO"
    assert len(visible_ids(page)) == 5
    page.locator("#conflicts-only").check()
    assert visible_ids(page) == ["considering/d"]
    assert page.locator("#shown").inner_text() == "1 provision shown"
    page.locator("#conflicts-only").uncheck()
    assert len(visible_ids(page)) == 5
    page.locator("a", has_text="considering d)").first.click()
    assert page.evaluate("decodeURIComponent(location.hash)") == "#considering/d"


def test_hostile_text_is_shown_not_run(page: Any, tmp_path: Path) -> None:
    open_page(page, tmp_path, hostile_compilation())
    assert XSS_SCRIPT in page.locator('[id="resolves/1"] ins').first.inner_text()
    assert page.locator("img").count() == 0
