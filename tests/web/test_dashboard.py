"""The referral dashboard through Flask's test client: what a logged-in user sees and can do,
and what a stranger (no cookie, no CSRF token) cannot."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from nextlead.config import load_config
from nextlead.pipeline import Place, Summary, record
from nextlead.store import Store
from nextlead.web import create_app, security

from tests.conftest import mailbox_fixture

TOKEN = "t0k3n-for-tests-0123456789abcdefghijklmnopqrstuv"
BASE = "http://127.0.0.1:5151"
CSRF = security.derived(TOKEN, "csrf")
XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
GM_MSGID = 0x18C4F0A2B3D4E5F6
FIXTURES = (
    "01_rejection_personal.eml",
    "02_rejection_ats_replyto.eml",
    "03_rejection_noreply.eml",
    "04_interview_invite.eml",
    "05_newsletter.eml",
    "06_rejection_german.eml",
)


def hostile_rejection() -> bytes:
    return (
        f'From: "Mallory {XSS}" <mallory@evil.example>\r\nTo: jordan.rivera@example.net\r\n'
        f"Subject: Your application {XSS}\r\nDate: Tue, 10 Nov 2026 12:00:00 +0000\r\n"
        "Message-ID: <x@evil.example>\r\n\r\n"
        "Hi Jordan,\r\n\r\nThank you for interviewing for the analyst role. After a lot of "
        "discussion we decided to move forward with other candidates whose experience more "
        "closely matches what we need.\r\n\r\nBest,\r\nMallory Evil\r\n"
    ).encode()


@pytest.fixture
def config(home):
    (home / "config.toml").write_text(
        "# my NextLead settings\n[profile]\n"
        'name = "Jordan Rivera"  # as it appears in replies\n'
        'email = "jordan.rivera@example.net"\nphone = "+1 555 0100"\n'
    )
    return load_config()


@pytest.fixture
def db(config):
    """The store after a scan of the fixture mailbox, a hostile rejection and one message
    the scan was unsure about."""
    store = Store.open(config.db_path)
    with store.transaction():
        for name in FIXTURES:
            gm = GM_MSGID if name.startswith("01") else None
            record(store, config, "test", mailbox_fixture(name), Summary(), Place(gm_msgid=gm))
        record(store, config, "test", hostile_rejection(), Summary())
        store.add_message(
            {
                "account": "test",
                "message_key": "<maybe@northwind.example>",
                "message_id": "<maybe@northwind.example>",
                "from_name": "Northwind Talent",
                "from_addr": "talent@northwind.example",
                "reply_to": "talent@northwind.example",
                "subject": "About your application",
                "date": "2026-11-12T10:00:00+00:00",
                "status": "review",
                "tier": "review",
                "company": "Northwind",
                "evidence": ["we will keep your CV on file"],
                "excerpt": "Hi Jordan, we will keep your CV on file for future roles.",
            }
        )
        # extract.py found the company in the signature: a stranger wrote it
        store.conn.execute(
            "UPDATE messages SET company = ? WHERE message_id = '<x@evil.example>'",
            (f"Evil {XSS} Corp",),
        )
    yield store
    store.close()


@pytest.fixture
def client(config, db):
    return create_app(config, token=TOKEN, port=5151).test_client()


@pytest.fixture
def user(client):
    """The test client, logged in with the printed URL's token."""
    assert client.get(f"/login?token={TOKEN}", base_url=BASE).status_code == 303
    return client


def get(client, path: str, **kwargs):
    return client.get(path, base_url=BASE, **kwargs)


def post(client, path: str, data: dict | None = None, *, csrf: str | None = CSRF, **kwargs):
    form = dict(data or {})
    if csrf is not None:
        form["csrf"] = csrf
    return client.post(path, base_url=BASE, data=form, **kwargs)


def html(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def metric(page: str, key: str) -> int:
    return int(re.search(rf'data-metric="{key}">(\d+)<', page)[1])


def ask_id_for(store: Store, message_id: str) -> int:
    return store.conn.execute(
        "SELECT a.id FROM asks a JOIN messages m ON m.id = a.message_row WHERE m.message_id = ?",
        (message_id,),
    ).fetchone()[0]


def mark_sent(store: Store, ask_id: int, sent_message_id: str, days_ago: int = 0) -> None:
    """The ask as send.py leaves it after the SMTP server accepted it `days_ago`."""
    assert store.begin_send(ask_id, f"key-{ask_id}", message_id=sent_message_id)
    store.finish_send(ask_id, f"key-{ask_id}", "sent")
    when = (datetime.now(UTC) - timedelta(days=days_ago)).isoformat(timespec="seconds")
    store.conn.execute("UPDATE asks SET sent_at = ? WHERE id = ?", (when, ask_id))


PRIYA = "<cand-4471.update@lumenforge.example>"
GET_PAGES = [
    "/",
    "/asks",
    "/asks?state=sent&company=Lumen&since=2026-11-01&until=2026-11-30",
    "/asks/1",
    "/leads",
    "/leads?status=new",
    "/leads/1",
    "/leads.csv",
    "/companies",
    "/companies/LumenForge",
    "/settings",
    "/settings/preview?tone=brief",
]
POST_FORMS = [
    ("/asks/1", {"body": "changed"}),
    ("/asks/1/send", {"idempotency_key": "k1"}),
    ("/asks/1/dismiss", {}),
    ("/asks/1/answered", {}),
    ("/asks/1/read", {}),
    ("/asks/1/suggest", {"text": "talk to Dana Kim"}),
    ("/asks/1/followed-up", {}),
    ("/messages/8/feedback", {"verdict": "not_rejection"}),
    ("/leads", {"name": "Dana Kim"}),
    ("/leads/1", {"name": "Dana Kim"}),
    ("/leads/1/status", {"status": "contacted"}),
    ("/leads/1/followed-up", {}),
    ("/settings", {"name": "Mallory", "tone": "warm", "questions": "other_companies"}),
]


@pytest.fixture
def with_lead(db):
    db.add_lead({"name": "Dana Kim", "company": "LumenForge", "ask_id": 1})
    return db


@pytest.mark.parametrize("path", GET_PAGES)
def test_every_page_needs_the_login_cookie(client, with_lead, path):
    answer = get(client, path)
    assert answer.status_code == 401
    page = answer.get_data(as_text=True)
    assert "nextlead serve" in page  # says how to log in
    assert "LumenForge" not in page and "Dana Kim" not in page


@pytest.mark.parametrize("path", GET_PAGES)
def test_every_page_opens_once_logged_in(user, with_lead, path):
    answer = get(user, path)
    assert answer.status_code == 200
    assert answer.headers["Content-Security-Policy"].startswith("default-src 'self'")


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
@pytest.mark.parametrize("csrf", [None, "wrong", security.derived(TOKEN, "session")])
def test_every_form_is_refused_without_the_csrf_token(user, with_lead, config, path, data, csrf):
    before = (
        user.application.config["NEXTLEAD"].profile,
        with_lead.conn.execute("SELECT * FROM asks ORDER BY id").fetchall(),
        with_lead.conn.execute("SELECT * FROM leads ORDER BY id").fetchall(),
        with_lead.conn.execute("SELECT status, feedback FROM messages ORDER BY id").fetchall(),
        config.path.read_text(),
    )
    answer = post(user, path, data, csrf=csrf)
    assert answer.status_code == 403
    assert "reload the page" in answer.get_data(as_text=True)
    after = (
        user.application.config["NEXTLEAD"].profile,
        with_lead.conn.execute("SELECT * FROM asks ORDER BY id").fetchall(),
        with_lead.conn.execute("SELECT * FROM leads ORDER BY id").fetchall(),
        with_lead.conn.execute("SELECT status, feedback FROM messages ORDER BY id").fetchall(),
        config.path.read_text(),
    )
    assert [list(map(tuple, x)) if isinstance(x, list) else x for x in after] == [
        list(map(tuple, x)) if isinstance(x, list) else x for x in before
    ]


@pytest.mark.parametrize(("path", "data"), POST_FORMS)
def test_every_form_needs_the_login_cookie_even_with_the_csrf_token(client, with_lead, path, data):
    answer = post(client, path, data)
    assert answer.status_code == 401
    assert with_lead.list_leads()[0]["name"] == "Dana Kim" and len(with_lead.list_leads()) == 1


def test_pages_ask_the_browser_to_send_our_origin_with_form_posts(user):
    """Under a no-referrer policy a browser posts forms with "Origin: null", which security.py
    refuses; "same-origin" keeps our own origin on our own posts and tells no other site."""
    assert get(user, "/leads").headers["Referrer-Policy"] == "same-origin"


def test_a_post_from_another_site_is_refused_even_with_the_cookie(user):
    answer = post(user, "/leads", {"name": "X"}, headers={"Origin": "https://evil.example"})
    assert answer.status_code == 403


def test_every_form_on_every_page_carries_the_csrf_token(user, with_lead):
    mark_sent(with_lead, ask_id_for(with_lead, PRIYA), "<s1@example.net>", days_ago=9)
    with_lead.add_answer(ask_id_for(with_lead, PRIYA))
    for path in ("/", "/asks/1", "/asks/2", "/leads", "/leads/1", "/settings"):
        page = html(get(user, path))
        posts = re.findall(r'<form[^>]*method="post".*?</form>', page, re.S)
        assert posts, path
        for form in posts:
            assert f'name="csrf" value="{CSRF}"' in form, (path, form[:200])


def test_the_funnel_shows_the_stores_numbers(user, db):
    page = html(get(user, "/"))
    counts = db.counts()
    assert counts["rejections"] == 5 and counts["asks_drafted"] == 4
    for key in ("rejections", "asks_drafted", "asks_sent", "replies", "leads"):
        assert metric(page, key) == counts[key]
    assert metric(page, "contacted") == 0 and metric(page, "interviews") == 0
    assert '<svg class="funnel-chart"' in page and "Rejections found: 5" in page


def test_the_funnel_moves_as_asks_are_sent_answered_and_leads_contacted(user, db):
    ask = ask_id_for(db, PRIYA)
    mark_sent(db, ask, "<sent-1@example.net>")
    reply = (
        "From: Priya Natarajan <priya.natarajan@lumenforge.example>\r\n"
        "To: jordan.rivera@example.net\r\nSubject: Re: Update on the Platform Engineer role\r\n"
        "Date: Thu, 19 Nov 2026 10:00:00 +0000\r\nMessage-ID: <answer-1@lumenforge.example>\r\n"
        f"In-Reply-To: <sent-1@example.net>\r\nReferences: {PRIYA} <sent-1@example.net>\r\n\r\n"
        "Hi Jordan, talk to Dana Kim in Platform.\r\n"
    ).encode()
    own_nudge = (  # the user's own follow-up in the thread is no answer
        b"From: Jordan Rivera <jordan.rivera@example.net>\r\nTo: priya.natarajan@lumenforge.example"
        b"\r\nSubject: Re: Update on the Platform Engineer role\r\nMessage-ID: <nudge@example.net>"
        b"\r\nReferences: <sent-1@example.net>\r\n\r\nJust following up.\r\n"
    )
    with db.transaction():
        record(db, load_config(), "test", own_nudge, Summary())
    assert metric(html(get(user, "/")), "replies") == 0
    with db.transaction():
        record(db, load_config(), "test", reply, Summary())
    page = html(get(user, "/"))
    assert metric(page, "asks_sent") == 1 and metric(page, "replies") == 1
    assert 'data-section="unread"' in page and f'href="/asks/{ask}"' in page
    post(user, "/leads", {"name": "Dana Kim", "ask_id": ask, "status": "contacted"})
    page = html(get(user, "/"))
    assert metric(page, "leads") == 1 and metric(page, "contacted") == 1
    # reading the answer takes it off "what to do next"
    assert post(user, f"/asks/{ask}/read").status_code == 303
    assert 'data-section="unread"' not in html(get(user, "/"))
    assert html(get(user, "/asks?state=answered")).count('data-ask="') == 1


def test_what_to_do_next_lists_asks_to_send_and_messages_to_review(user, db):
    page = html(get(user, "/"))
    waiting = page.split('data-section="waiting"')[1].split("</section>")[0]
    for company in ("LumenForge", "Corvid Analytics", "Taktwerk"):
        assert company in waiting
    assert "Halvard" not in waiting  # a no-reply sender: nothing to send
    review = page.split('data-section="review"')[1].split("</section>")[0]
    assert "About your application" in review and "we will keep your CV on file" in review


def test_confirming_a_possible_rejection_drafts_its_ask(user, db):
    row = db.conn.execute("SELECT id FROM messages WHERE status = 'review'").fetchone()[0]
    answer = post(user, f"/messages/{row}/feedback", {"verdict": "rejection", "next": "/"})
    assert answer.status_code == 303 and answer.headers["Location"] == "/?done=confirmed"
    assert db.message(row)["status"] == "rejection"
    ask = db.ask_for_message(row)
    assert ask is not None and ask["to_addr"] == "talent@northwind.example"
    page = html(get(user, "/?done=confirmed"))
    assert "Confirmed as a rejection." in page and 'data-section="review"' not in page


def test_not_a_rejection_takes_it_off_the_lists(user, db):
    row = db.conn.execute("SELECT id FROM messages WHERE status = 'review'").fetchone()[0]
    assert post(user, f"/messages/{row}/feedback", {"verdict": "not_rejection"}).status_code == 303
    assert db.message(row)["feedback"] == "not_rejection"
    assert "About your application" not in html(get(user, "/"))
    assert post(user, "/messages/999/feedback", {"verdict": "rejection"}).status_code == 404
    assert post(user, f"/messages/{row}/feedback", {"verdict": "maybe"}).status_code == 400


def test_email_content_shows_as_text_on_every_page(user, db):
    lead = db.add_lead({"name": f"Eve {XSS}", "company": f"Evil {XSS} Corp", "notes": XSS})
    ask = ask_id_for(db, "<x@evil.example>")
    pages = ["/", "/asks", f"/asks/{ask}", "/leads", f"/leads/{lead}", "/companies"]
    pages.append("/companies/" + "Evil%20%3Cscript%3Ealert(1)%3C%2Fscript%3E%20Corp")
    for path in pages:
        page = html(get(user, path))
        assert XSS not in page, path
        assert ESCAPED in page, path


def test_asks_can_be_filtered_by_state_company_and_date(user, db):
    def asks(query: str) -> set[str]:
        return set(re.findall(r'data-ask="(\d+)"', html(get(user, "/asks" + query))))

    everything = asks("")
    assert len(everything) == 4
    lumen = str(ask_id_for(db, PRIYA))
    assert asks("?company=lumen") == {lumen}
    assert asks("?company=%25") == set()  # a % is a character, not a wildcard
    assert asks("?since=2026-11-05") == {
        str(ask_id_for(db, "<absage-3391@taktwerk.example>")),
        str(ask_id_for(db, "<x@evil.example>")),
    }
    assert asks("?until=2026-11-02") == {lumen}
    assert asks("?state=sent") == set()
    mark_sent(db, int(lumen), "<s@example.net>")
    assert asks("?state=sent") == {lumen}
    assert asks("?state=nonsense&since=yesterday") == everything  # bad filters are ignored


def test_an_ask_page_shows_the_rejection_and_opens_gmail(user, db):
    ask = ask_id_for(db, PRIYA)
    page = html(get(user, f"/asks/{ask}"))
    for text in (
        "Update on the Platform Engineer role",
        "priya.natarajan@lumenforge.example",
        "2 Nov 2026",
        "LumenForge",
        "Priya Natarajan",
        "Platform Engineer",
        "move forward with another candidate",
    ):
        assert text in page
    assert "https://mail.google.com/mail/u/0/#all/18c4f0a2b3d4e5f6" in page
    assert '<textarea id="ask-body" name="body"' in page
    other = html(get(user, f"/asks/{ask_id_for(db, '<absage-3391@taktwerk.example>')}"))
    assert "mail.google.com" not in other  # no Gmail id: no link
    assert get(user, "/asks/999").status_code == 404


def test_editing_an_ask_keeps_the_text_until_it_is_sent(user, db):
    ask = ask_id_for(db, PRIYA)
    answer = post(user, f"/asks/{ask}", {"body": "Hi Priya,\r\nThanks! Who else is hiring?\r\n"})
    assert answer.status_code == 303 and answer.headers["Location"] == f"/asks/{ask}?done=saved"
    assert db.ask(ask)["body"] == "Hi Priya,\nThanks! Who else is hiring?\n"
    page = html(get(user, answer.headers["Location"]))
    assert "Saved." in page and "Who else is hiring?" in page
    assert post(user, f"/asks/{ask}", {"body": "   "}).status_code == 400
    assert db.ask(ask)["body"] == "Hi Priya,\nThanks! Who else is hiring?\n"
    mark_sent(db, ask, "<sent@example.net>")
    assert post(user, f"/asks/{ask}", {"body": "too late"}).status_code == 409
    page = html(get(user, f"/asks/{ask}"))
    assert "too late" not in page and 'name="body"' not in page  # read-only once sent


def test_putting_an_ask_aside(user, db):
    ask = ask_id_for(db, "<gh.8812.corvid@us.greenhouse-mail.io>")
    answer = post(user, f"/asks/{ask}/dismiss")
    assert answer.headers["Location"] == f"/asks/{ask}?done=dismissed"
    assert db.ask(ask)["state"] == "dismissed"
    assert (
        "Corvid"
        not in html(get(user, "/")).split('data-section="waiting"')[1].split("</section>")[0]
    )


def test_the_demo_and_an_account_without_send_show_no_send_button(user, db):
    page = html(get(user, "/"))
    assert "/send" not in page  # no account configured: nothing can be sent from here


def test_adding_editing_and_exporting_leads(user, db):
    ask = ask_id_for(db, PRIYA)
    answer = post(
        user,
        "/leads",
        {
            "name": "Dana Kim",
            "email": "dana.kim@lumenforge.example",
            "company": "",
            "ask_id": str(ask),
            "may_use_name": "yes",
            "status": "new",
            "notes": "Platform team lead,\r\nsays hi",
        },
    )
    assert answer.status_code == 303 and "done=lead_added" in answer.headers["Location"]
    (lead,) = db.list_leads()
    assert lead["referred_by"] == "Priya Natarajan"  # the person who answered
    assert lead["company"] == "LumenForge" and lead["notes"] == "Platform team lead,\nsays hi"
    page = html(get(user, "/leads"))
    assert "Dana Kim" in page and f'href="/asks/{ask}"' in page

    answer = post(
        user,
        f"/leads/{lead['id']}",
        {
            "name": "Dana Kim",
            "company": "LumenForge",
            "referred_by": "Priya Natarajan",
            "ask_id": str(ask),
            "may_use_name": "no",
            "status": "interview",
            "notes": "Platform team lead,\r\nsays hi",
        },
    )
    assert answer.status_code == 303
    edited = db.lead(lead["id"])
    assert edited["may_use_name"] == "no" and edited["status"] == "interview"
    assert edited["contacted_at"] and edited["interview_at"] and not edited["offer_at"]
    assert edited["email"] is None  # cleared in the form, cleared in the store

    post(user, f"/leads/{lead['id']}/status", {"status": "offer"})
    assert db.lead(lead["id"])["offer_at"]

    answer = get(user, "/leads.csv")
    assert answer.mimetype == "text/csv"
    assert answer.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["name"] == "Dana Kim" and row["company"] == "LumenForge"
    assert row["referred_by"] == "Priya Natarajan" and row["may_use_name"] == "no"
    assert row["status"] == "offer" and row["ask_id"] == str(ask)
    assert row["notes"] == "Platform team lead,\nsays hi"
    assert row["ask_subject"] == "Re: Update on the Platform Engineer role"


def test_csv_cells_a_spreadsheet_would_run_are_defused(user, db):
    db.add_lead({"name": '=HYPERLINK("http://evil.example","x")', "notes": "+1 555 0100"})
    rows = list(csv.DictReader(io.StringIO(get(user, "/leads.csv").get_data(as_text=True)[1:])))
    assert rows[0]["name"] == '\'=HYPERLINK("http://evil.example","x")'
    assert rows[0]["notes"] == "'+1 555 0100"


def test_a_lead_needs_a_name_and_a_real_email(user, db):
    answer = post(user, "/leads", {"name": "  ", "email": "not an address"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "a lead needs a name" in page and "that is not an email address" in page
    assert 'value="not an address"' in page  # what the user typed is kept
    assert db.list_leads() == []
    assert post(user, "/leads", {"name": "X", "status": "hired"}).status_code == 400
    assert post(user, "/leads", {"name": "X", "ask_id": "999"}).status_code == 400
    assert post(user, "/leads/999", {"name": "X"}).status_code == 404
    assert post(user, "/leads/999/status", {"status": "contacted"}).status_code == 404


def test_leads_found_in_a_pasted_answer_can_be_added(user, db):
    ask = ask_id_for(db, PRIYA)
    text = (
        "Hi Jordan, happy to help. Talk to Dana Kim in Platform (dana.kim@lumenforge.example) "
        "and reach out to Lee Park at Northwind.\n\nBest,\nPriya"
    )
    page = html(post(user, f"/asks/{ask}/suggest", {"text": text}))
    assert "Dana Kim" in page and "Lee Park" in page and "Northwind" in page
    assert db.list_leads() == []  # suggesting changes nothing
    forms = re.findall(r'<form[^>]*action="/leads">.*?</form>', page, re.S)
    dana = next(f for f in forms if 'value="Dana Kim"' in f)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', dana))
    assert fields["email"] == "dana.kim@lumenforge.example" and fields["notes"] == "Team: Platform"
    answer = post(user, "/leads", {**fields, "csrf": CSRF})
    assert answer.headers["Location"] == f"/asks/{ask}?done=lead_added"
    assert "Dana Kim" in html(get(user, f"/asks/{ask}")).split('id="leads-heading"')[1]


def test_follow_ups_come_due_a_week_after_sending(user, db):
    ask = ask_id_for(db, PRIYA)
    mark_sent(db, ask, "<s@example.net>", days_ago=3)
    assert 'data-section="follow-ups"' not in html(get(user, "/"))
    db.conn.execute(
        "UPDATE asks SET sent_at = ? WHERE id = ?",
        ((datetime.now(UTC) - timedelta(days=8)).isoformat(timespec="seconds"), ask),
    )
    lead = db.add_lead({"name": "Lee Park", "status": "contacted"})
    db.conn.execute(
        "UPDATE leads SET contacted_at = ? WHERE id = ?",
        ((datetime.now(UTC) - timedelta(days=10)).isoformat(timespec="seconds"), lead),
    )
    page = html(get(user, "/"))
    due = page.split('data-section="follow-ups"')[1].split("</section>")[0]
    assert "LumenForge" in due and "Lee Park" in due
    post(user, f"/asks/{ask}/followed-up", {"next": "/"})
    post(user, f"/leads/{lead}/followed-up", {"next": "/"})
    assert 'data-section="follow-ups"' not in html(get(user, "/"))


def test_a_company_timeline_puts_rejection_ask_and_leads_in_order(user, db):
    ask = ask_id_for(db, PRIYA)
    mark_sent(db, ask, "<s@example.net>")
    db.add_lead({"name": "Dana Kim", "ask_id": ask, "status": "contacted"})
    listing = html(get(user, "/companies"))
    assert 'href="/companies/LumenForge"' in listing and 'href="/companies/Taktwerk"' in listing
    page = html(get(user, "/companies/lumenforge"))  # any case
    kinds = re.findall(r'class="event event-(\w+)"', page)
    assert kinds == ["rejection", "ask_drafted", "ask_sent", "lead", "lead_contacted"]
    assert "Update on the Platform Engineer role" in page and "Dana Kim" in page
    assert get(user, "/companies/Nobody%20Inc").status_code == 404


def test_settings_show_the_profile_and_accounts_but_never_a_password(home, monkeypatch, db):
    monkeypatch.setenv("NEXTLEAD_TEST_PASSWORD", "hunter2-secret")
    with (home / "config.toml").open("a") as handle:
        handle.write(
            '\n[[accounts]]\nname = "work"\nimap_host = "imap.corp.example"\n'
            'username = "jordan@corp.example"\npassword_env = "NEXTLEAD_TEST_PASSWORD"\n'
            'smtp_host = "smtp.corp.example"\n\n[server]\nscan_interval_minutes = 15\n'
        )
    client = create_app(load_config(), token=TOKEN, port=5151).test_client()
    get(client, f"/login?token={TOKEN}")
    page = html(get(client, "/settings"))
    for text in ("Jordan Rivera", "+1 555 0100", "imap.corp.example:993 (ssl)", "every 15 minutes"):
        assert text in page
    assert "environment variable NEXTLEAD_TEST_PASSWORD" in page
    assert "hunter2" not in page


def test_the_preview_follows_the_settings(user, db):
    warm = get(user, "/settings/preview").get_data(as_text=True)
    assert warm.startswith("To: ") and "+1 555 0100" in warm
    brief = get(user, "/settings/preview?tone=brief&signature=Jordan%0ASRE").get_data(as_text=True)
    assert brief != warm and "Thanks,\nJordan\nSRE" in brief
    formal = get(user, "/settings/preview?tone=formal&questions=other_companies").get_data(
        as_text=True
    )
    assert "Kind regards," in formal and "Dear " in formal
    page = html(get(user, "/settings"))
    assert "your latest rejection" in page and 'data-preview aria-live="polite"' in page
    assert "Thanks again" in page or "With thanks" in page  # the saved tone, warm
    without_script = html(post(user, "/settings", {"action": "preview", "tone": "brief"}))
    assert "Thanks,\n" in without_script


def test_saving_settings_keeps_the_files_comments(user, config):
    answer = post(
        user,
        "/settings",
        {
            "action": "save",
            "name": "Jordan Rivera",
            "email": "jordan.rivera@example.net",
            "phone": "+1 555 0199",
            "signature": 'Jordan "JR" Rivera\nData engineer',
            "questions": ["other_companies", "who_to_meet"],
            "tone": "formal",
        },
    )
    assert (
        answer.status_code == 303 and answer.headers["Location"] == "/settings?done=settings_saved"
    )
    text = config.path.read_text()
    assert text.startswith("# my NextLead settings\n[profile]\n")
    assert 'name = "Jordan Rivera"  # as it appears in replies' in text  # unchanged line kept
    saved = load_config(config.path).profile
    assert saved.phone == "+1 555 0199" and saved.tone == "formal"
    assert saved.signature == 'Jordan "JR" Rivera\nData engineer'
    assert saved.questions == ("other_companies", "who_to_meet")
    assert "Kind regards," in get(user, "/settings/preview").get_data(as_text=True)
    assert post(user, "/settings", {"action": "save", "tone": "warm"}).status_code == 400


def test_settings_are_not_saved_from_the_demo(home, db):
    config = load_config()
    client = create_app(config, token=TOKEN, port=5151, demo=True).test_client()
    get(client, f"/login?token={TOKEN}")
    before = config.path.read_text()
    page = post(
        client, "/settings", {"action": "save", "tone": "brief", "questions": "who_to_meet"}
    )
    assert page.status_code == 409 and "demo" in page.get_data(as_text=True)
    assert config.path.read_text() == before


def test_a_manual_answer_counts_once(user, db):
    ask = ask_id_for(db, PRIYA)
    post(user, f"/asks/{ask}/answered")
    post(user, f"/asks/{ask}/answered")
    assert db.counts()["replies"] == 1
    assert metric(html(get(user, "/")), "replies") == 1
    assert post(user, "/asks/999/answered").status_code == 404


def test_redirects_after_a_form_stay_on_this_server(user, db):
    ask = ask_id_for(db, PRIYA)
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = post(user, f"/asks/{ask}/answered", {"next": target})
        assert answer.headers["Location"] == f"/asks/{ask}?done=answered"


def test_the_database_migrates_from_before_the_dashboard(tmp_path):
    """A database from before leads existed opens, gains the tables and keeps its asks."""
    from nextlead.store import MIGRATIONS

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    step = next(i for i, m in enumerate(MIGRATIONS) if "CREATE TABLE leads" in m)
    for n, migration in enumerate(MIGRATIONS[:step]):
        conn.executescript(migration)
        conn.execute(f"PRAGMA user_version = {n + 1}")
    conn.execute(
        "INSERT INTO messages (account, message_key, subject, scanned_at, status) "
        "VALUES ('a', '<1@x>', 's', '2026-11-01T00:00:00+00:00', 'rejection')"
    )
    conn.commit()
    conn.close()
    store = Store.open(path)
    assert store.counts()["rejections"] == 1 and store.counts()["leads"] == 0
    assert json.loads(json.dumps(store.funnel_events()))["leads"] == []


def test_an_answered_ask_offers_the_thanks_that_asks_to_use_their_name(user, db):
    ask = ask_id_for(db, PRIYA)
    mark_sent(db, ask, "<sent-2@example.net>", days_ago=2)
    assert 'data-section="follow-up' not in html(get(user, f"/asks/{ask}"))
    reply = (
        b"From: Priya Natarajan <priya.natarajan@lumenforge.example>\r\n"
        b"To: jordan.rivera@example.net\r\nSubject: Re: Update on the Platform Engineer role\r\n"
        b"Message-ID: <answer-2@lumenforge.example>\r\n"
        b"References: <sent-2@example.net>\r\n\r\nTalk to Dana Kim.\r\n"
    )
    with db.transaction():
        record(db, load_config(), "test", reply, Summary())
    db.add_lead({"name": "Dana Kim", "company": "LumenForge", "ask_id": ask})
    page = html(get(user, f"/asks/{ask}"))
    thanks = page.split('data-section="follow-up-thanks"')[1].split("</section>")[0]
    assert "pointing me to Dana Kim at LumenForge" in thanks
    assert "May I mention your name" in thanks and "Hi Priya," in thanks
    assert "to priya.natarajan@lumenforge.example" in thanks


def test_a_week_without_answer_offers_one_nudge(user, db):
    ask = ask_id_for(db, PRIYA)
    mark_sent(db, ask, "<sent-3@example.net>", days_ago=8)
    page = html(get(user, f"/asks/{ask}"))
    nudge = page.split('data-section="follow-up-nudge"')[1].split("</section>")[0]
    assert "follow up on my earlier note" in nudge and "Hi Priya," in nudge
    assert "Subject</dt><dd>Re: Update on the Platform Engineer role" in nudge
    post(user, f"/asks/{ask}/followed-up", {"next": f"/asks/{ask}"})
    assert 'data-section="follow-up' not in html(get(user, f"/asks/{ask}"))  # one nudge only
