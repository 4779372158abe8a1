"""The overview of `nextlead serve --demo` in real Chromium, light and dark: what a new user
sees first. Set NEXTLEAD_DASHBOARD_SCREENSHOT=docs/dashboard.png to refresh the README's
screenshot."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from nextlead.store import Store
from playwright.sync_api import expect

from tests.e2e.dashboard_support import Dashboard, chromium

pytestmark = pytest.mark.e2e
SCREENSHOT = os.environ.get("NEXTLEAD_DASHBOARD_SCREENSHOT")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    running = Dashboard(tmp_path_factory.mktemp("demo-home"), demo=True).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_demo_overview_reads_well(demo, browser, scheme):
    store = Store.open(demo.home / "demo" / "nextlead.db")
    try:
        counts = store.counts()
    finally:
        store.close()
    assert counts["rejections"] >= 5
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        page.goto(demo.login_url)
        expect(page.get_by_text("demo mailbox")).to_be_visible()
        for key in ("rejections", "asks_drafted", "asks_sent", "replies", "leads"):
            expect(page.locator(f'[data-metric="{key}"]')).to_have_text(str(counts[key]))
        chart = page.get_by_role("img", name="Your referral funnel")
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box["width"] >= 700  # readable, not squeezed
        # nothing wider than the window, and text stands out from its background
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        colours = page.evaluate(
            """() => { const s = getComputedStyle(document.body);
                       return [s.color, s.backgroundColor]; }"""
        )
        assert contrast(*colours) >= 7
        expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
        if SCREENSHOT and scheme == "light":
            Path(SCREENSHOT).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOT, full_page=True)
    finally:
        page.close()


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        values = [int(float(v)) for v in colour[colour.index("(") + 1 : -1].split(",")[:3]]
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in values)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
