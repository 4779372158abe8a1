"""Follow-ups: a thank-you when an answer brings a lead, and one gentle nudge after silence."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from nextlead.compose import Thread, compose_nudge, compose_thanks, nudge_due
from nextlead.config import Profile
from nextlead.mail.parse import parse_email

PROFILE = Profile(name="Jordan Rivera", email="jordan.rivera@example.net")
ARTIFACTS = re.compile(r"None|\{|\}|\[\]|\(\)|  |\s,|\s\.")
ANSWER = b"""\
From: Priya Natarajan <priya.natarajan@lumenforge.example>
Reply-To: Priya N <priya@lumenforge.example>
To: Jordan Rivera <jordan.rivera@example.net>
Subject: Re: Update on the Platform Engineer role
Message-ID: <answer-1@lumenforge.example>
In-Reply-To: <sent-1@example.net>
References: <cand-4471.update@lumenforge.example> <sent-1@example.net>

You should talk to Sam Lee at Northwind, they are hiring platform engineers.
"""
SENT_ASK = Thread(
    to="priya.natarajan@lumenforge.example",
    subject="Re: Update on the Platform Engineer role",
    message_id="<sent-1@example.net>",
    references=("<cand-4471.update@lumenforge.example>",),
    first_name="Priya",
    company="LumenForge",
)
# How each language asks "may I use your name?"
MAY_I_USE_YOUR_NAME = {
    "en": "mention your name",
    "de": "auf Sie berufen",
    "fr": "mentionner votre nom",
    "es": "mencione su nombre",
    "nl": "uw naam noemen",
}


def test_thanks_answers_the_answer_in_its_thread():
    answer = parse_email(ANSWER)
    draft = compose_thanks(
        Thread.answering(answer, first_name="Priya"), PROFILE, referral="Sam Lee at Northwind"
    )
    assert draft.to == "priya@lumenforge.example"
    assert draft.subject == "Re: Update on the Platform Engineer role"
    assert draft.in_reply_to == "<answer-1@lumenforge.example>"
    assert draft.references == [
        "<cand-4471.update@lumenforge.example>",
        "<sent-1@example.net>",
        "<answer-1@lumenforge.example>",
    ]
    assert draft.body.startswith("Hi Priya,")
    assert "Sam Lee at Northwind" in draft.body
    assert "May I mention your name" in draft.body
    assert draft.body.rstrip().endswith("Jordan Rivera")


@pytest.mark.parametrize("language", list(MAY_I_USE_YOUR_NAME))
def test_thanks_asks_to_use_the_name_in_the_senders_language(language):
    thread = Thread(**{**SENT_ASK.__dict__, "language": language})
    draft = compose_thanks(thread, PROFILE, referral="Sam Lee")
    assert MAY_I_USE_YOUR_NAME[language] in draft.body
    assert "Sam Lee" in draft.body and "Priya" in draft.body


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
@pytest.mark.parametrize("language", list(MAY_I_USE_YOUR_NAME))
@pytest.mark.parametrize("known", [True, False])
def test_no_template_artifacts_in_follow_ups(tone, language, known):
    thread = Thread(
        to="ana@acme.example",
        subject="Re: Data Engineer",
        message_id="<1@acme.example>",
        first_name="Ana" if known else None,
        company="Acme" if known else None,
        language=language,
    )
    profile = Profile(name="Jordan Rivera" if known else "", tone=tone)
    for draft in (
        compose_thanks(thread, profile, referral="Sam Lee" if known else None),
        compose_nudge(thread, profile),
    ):
        assert not ARTIFACTS.search(draft.body), draft.body
        assert len(draft.body.split()) <= 80
        assert draft.questions == []


def test_the_nudge_goes_to_the_same_person_in_the_thread_of_the_sent_ask():
    draft = compose_nudge(SENT_ASK, PROFILE)
    assert draft.to == "priya.natarajan@lumenforge.example"
    assert draft.subject == "Re: Update on the Platform Engineer role"  # no "Re: Re:"
    assert draft.in_reply_to == "<sent-1@example.net>"
    assert draft.references == ["<cand-4471.update@lumenforge.example>", "<sent-1@example.net>"]
    assert draft.body.startswith("Hi Priya,") and "LumenForge" in draft.body
    assert "follow up" in draft.body and draft.body.count("?") == 0  # gentle: no new question


def test_one_nudge_only_after_the_given_days_of_silence():
    sent = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert not nudge_due(sent, sent + timedelta(days=6, hours=23))
    assert nudge_due(sent, sent + timedelta(days=7))
    assert nudge_due(sent, sent + timedelta(days=3), days=3)
    assert not nudge_due(sent, sent + timedelta(days=30), answered=True)
    assert not nudge_due(sent, sent + timedelta(days=30), nudged=True)


def test_follow_ups_never_write_to_a_no_reply_address_or_carry_a_line_break():
    thread = Thread(
        to="no-reply@ats.example",
        subject="Update\r\nBcc: victim@evil.example",
        message_id="<2@ats.example>",
        first_name="Ana\r\nBcc: victim@evil.example",
    )
    draft = compose_thanks(thread, PROFILE, referral="Sam\r\nLee")
    assert draft.to is None
    assert "\r" not in draft.subject and "\n" not in draft.subject
    assert "Sam Lee" in draft.body
    assert "\nBcc:" not in draft.body
