"""The dashboard in real Chromium against a real `nextlead serve`, after a real `nextlead scan`
of a real Dovecot mailbox: log in by the printed URL, read the funnel, handle leads, export
them, and watch the settings change the reply."""

from __future__ import annotations

import csv
import io
from email.utils import formataddr
from pathlib import Path

import pytest
from nextlead.store import Store
from playwright.sync_api import expect

from tests.conftest import MAILBOX, write_config
from tests.e2e.dashboard_support import Dashboard, chromium, scan

pytestmark = pytest.mark.e2e
XSS = "<img src=x onerror=\"document.title='pwned'\">"
XSS_SUBJECT = f"Your application {XSS}"
METRICS = ("rejections", "asks_drafted", "asks_sent", "replies", "leads")


def hostile_rejection() -> bytes:
    return f"""\
From: {formataddr(("Mallory Quill", "mallory@quillstone.example"))}
To: Jordan Rivera <jordan.rivera@example.net>
Subject: {XSS_SUBJECT}
Date: Tue, 10 Nov 2026 15:30:00 +0000
Message-ID: <dashboard-xss@quillstone.example>
Content-Type: text/plain; charset="utf-8"

Hi Jordan,

Thank you for interviewing for the SRE role. After a lot of discussion we've decided to
move forward with another candidate.

Best,
Mallory Quill
Engineering Manager, Quillstone
""".encode()


@pytest.fixture(scope="module")
def home(tmp_path_factory, dovecot):
    """NEXTLEAD_HOME after `nextlead scan` of the fixture mailbox and a hostile rejection."""
    path = tmp_path_factory.mktemp("dashboard-home")
    user = dovecot.add_user()
    write_config(path, dovecot, user)
    mail = [p.read_bytes() for p in sorted(MAILBOX.glob("*.eml"))] + [hostile_rejection()]
    dovecot.seed(user, mail)
    summary = scan(path)
    assert summary["rejections"] >= 4 and summary["errors"] == 0
    return path


@pytest.fixture(scope="module")
def server(home):
    running = Dashboard(home).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser, server):
    """A tab logged in through the URL `nextlead serve` printed."""
    context = browser.new_context(accept_downloads=True, color_scheme="light")
    tab = context.new_page()
    tab.goto(server.login_url)
    expect(tab).to_have_url(f"{server.url}/")
    yield tab
    context.close()


def store_counts(home) -> dict[str, int]:
    store = Store.open(home / "nextlead.db")
    try:
        return store.counts()
    finally:
        store.close()


def test_the_printed_url_logs_in_and_the_funnel_shows_the_stores_numbers(
    browser, server, home, page
):
    counts = store_counts(home)
    assert counts["rejections"] >= 4 and counts["asks_drafted"] >= 3
    for key in METRICS:
        expect(page.locator(f'[data-metric="{key}"]')).to_have_text(str(counts[key]))
    chart = page.get_by_role("img", name="Your referral funnel")
    expect(chart).to_be_visible()
    expect(chart.locator('[data-stage="rejections"] .value')).to_contain_text(
        str(counts["rejections"])
    )
    expect(page.get_by_role("heading", name="Asks waiting to be sent")).to_be_visible()
    # without the cookie the same page refuses, and says how to get in
    stranger = browser.new_page()
    try:
        answer = stranger.goto(server.url + "/")
        assert answer.status == 401
        expect(stranger.locator("main")).to_contain_text("nextlead serve")
    finally:
        stranger.close()


def test_a_hostile_subject_shows_as_text(page, server):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    title = page.title()
    page.goto(server.url + "/asks")
    link = page.get_by_role("link", name=XSS_SUBJECT)
    expect(link).to_be_visible()
    link.click()
    expect(page.locator('[data-field="subject"]')).to_have_text(XSS_SUBJECT)
    assert page.locator("img").count() == 0
    page.goto(server.url + "/")
    expect(page.get_by_text(XSS_SUBJECT).first).to_be_visible()
    assert page.title() == title and "pwned" not in page.title() and dialogs == []


def test_add_edit_a_lead_and_export_the_csv(page, server, home):
    page.goto(server.url + "/leads")
    page.get_by_label("Name").fill("Dana Kim")
    page.get_by_label("Email").fill("dana.kim@lumenforge.example")
    page.get_by_label("Company").fill("LumenForge")
    page.get_by_label("Referred by").fill("Priya Natarajan")
    page.get_by_role("radio", name="yes").check()
    page.get_by_label("Notes").fill("Platform team; hiring two SREs")
    page.get_by_role("button", name="Add lead").click()
    expect(page.get_by_role("status")).to_have_text("Lead added.")
    row = page.locator("tr[data-lead]", has_text="Dana Kim")
    expect(row).to_contain_text("LumenForge")
    expect(row.locator('[data-field="status"]')).to_have_text("new")

    row.get_by_role("button", name="Mark contacted").click()
    expect(
        page.locator("tr[data-lead]", has_text="Dana Kim").locator('[data-field="status"]')
    ).to_have_text("contacted")
    page.locator("tr[data-lead]", has_text="Dana Kim").get_by_role("link", name="Edit").click()
    page.get_by_label("Status").select_option("interview")
    page.get_by_label("Notes").fill("Platform team; interview on Friday")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Lead saved.")

    page.goto(server.url + "/leads")
    expect(page.locator("tr[data-lead]", has_text="Dana Kim")).to_contain_text("interview")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert download.value.suggested_filename.startswith("nextlead-leads-")
    rows = list(csv.DictReader(io.StringIO(text)))
    store = Store.open(home / "nextlead.db")
    try:
        leads = store.list_leads()
    finally:
        store.close()
    assert [r["id"] for r in rows] == [str(lead["id"]) for lead in leads]
    dana = next(r for r in rows if r["name"] == "Dana Kim")
    assert dana["email"] == "dana.kim@lumenforge.example"
    assert dana["company"] == "LumenForge" and dana["referred_by"] == "Priya Natarajan"
    assert dana["may_use_name"] == "yes" and dana["status"] == "interview"
    assert dana["notes"] == "Platform team; interview on Friday"
    assert dana["contacted_at"] and dana["interview_at"] and not dana["offer_at"]
    page.goto(server.url + "/")
    expect(page.locator('[data-metric="leads"]')).to_have_text(str(len(leads)))
    expect(page.locator('[data-metric="contacted"]')).to_have_text(str(len(leads)))


def test_the_settings_change_the_preview(page, server):
    page.goto(server.url + "/settings")
    preview = page.locator("[data-preview]")
    expect(preview).to_contain_text("Subject: Re: ")
    warm = preview.inner_text()
    page.get_by_role("radio", name="brief").check()
    expect(preview).not_to_have_text(warm)
    brief = preview.inner_text()
    assert "Thanks,\n" in brief and len(brief) < len(warm)
    page.get_by_label("Signature").fill("Jordan Rivera\nSite reliability engineer")
    expect(preview).to_contain_text("Site reliability engineer")
    page.get_by_label("Phone").fill("+1 555 0199")
    expect(preview).to_contain_text("+1 555 0199")
    # nothing was saved: a reload shows the saved settings again
    page.reload()
    expect(page.locator("[data-preview]")).to_have_text(warm)


def test_the_pages_are_usable_by_keyboard(page, server):
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the page")).to_be_focused()
    page.keyboard.press("Enter")
    page.goto(server.url + "/asks")
    page.get_by_label("State").select_option("drafted")
    page.get_by_label("Company").fill("lumen")
    page.get_by_label("Company").press("Enter")  # submits the filter form
    expect(page).to_have_url(f"{server.url}/asks?state=drafted&company=lumen&since=&until=")
    expect(page.locator("tr[data-ask]")).to_have_count(1)
    expect(page.locator("tr[data-ask]")).to_contain_text("LumenForge")


def test_an_ask_edited_in_the_page_is_kept(page, server, home):
    page.goto(server.url + "/asks?company=Taktwerk")
    page.locator("tr[data-ask] a", has_text="Bewerbung").click()
    body = page.get_by_label("The reply")
    expect(body).to_be_editable()
    body.fill("Hallo Herr Weiß,\nvielen Dank! Wer sucht bei Taktwerk sonst noch Leute?")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    page.reload()
    expect(page.get_by_label("The reply")).to_have_value(
        "Hallo Herr Weiß,\nvielen Dank! Wer sucht bei Taktwerk sonst noch Leute?\n"
    )
