"""The ask: threaded, personal, short, free of template artifacts, in the sender's language."""

from __future__ import annotations

import re

import pytest
from nextlead.compose import compose, reply_subject
from nextlead.config import Profile
from nextlead.extract import Facts, extract
from nextlead.mail.parse import parse_email

from tests.conftest import mailbox_fixture

PROFILE = Profile(name="Jordan Rivera", email="jordan.rivera@example.net", phone="+1 555 0100")
ARTIFACTS = re.compile(r"None|\{|\}|\[\]|\(\)|  |\s,|\s\.")


def draft_for(name: str, profile: Profile = PROFILE):
    email = parse_email(mailbox_fixture(name))
    return compose(email, extract(email), profile)


def test_threaded_reply_to_the_human():
    draft = draft_for("02_rejection_ats_replyto.eml")
    assert draft.to == "marcus.webb@corvid-analytics.example"
    assert draft.subject == "Re: Your application to Corvid Analytics"
    assert draft.in_reply_to == "<gh.8812.corvid@us.greenhouse-mail.io>"
    assert draft.references == ["<gh.8812.corvid@us.greenhouse-mail.io>"]


def test_references_keep_the_thread():
    draft = draft_for("01_rejection_personal.eml")
    assert draft.references == [
        "<jordan-thanks-1@example.net>",
        "<cand-4471.update@lumenforge.example>",
    ]


def test_body_greets_by_first_name_asks_and_signs():
    draft = draft_for("01_rejection_personal.eml")
    assert draft.body.startswith("Hi Priya,")
    assert "LumenForge" in draft.body and "Platform Engineer" in draft.body
    assert draft.body.count("?") >= 2 and 1 <= len(draft.questions) <= 2
    assert "+1 555 0100" in draft.body
    assert draft.body.rstrip().endswith("Jordan Rivera")
    assert len(draft.body.split()) <= 120


def test_interview_context_asks_about_the_company_and_network():
    assert draft_for("01_rejection_personal.eml").questions == [
        "someone_else_hiring",
        "who_to_meet",
    ]


def test_no_reply_sender_gets_no_recipient():
    assert draft_for("03_rejection_noreply.eml").to is None


def test_replies_in_german_to_german():
    draft = draft_for("06_rejection_german.eml")
    assert draft.body.startswith("Hallo Jürgen,")
    assert "Taktwerk" in draft.body and "Viele Grüße" in draft.body


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "nl"])
@pytest.mark.parametrize("known", [True, False])
def test_no_template_artifacts_in_any_tone_or_language(tone, language, known):
    email = parse_email(mailbox_fixture("01_rejection_personal.eml"))
    facts = Facts(
        company="Acme" if known else None,
        contact_name="Ana Ruiz" if known else None,
        contact_first_name="Ana" if known else None,
        role="Data Engineer" if known else None,
        reply_to="ana@acme.example",
        language=language,
    )
    profile = Profile(name="Jordan Rivera", phone="+1 555 0100" if known else "", tone=tone)
    draft = compose(email, facts, profile)
    assert not ARTIFACTS.search(draft.body), draft.body
    assert "\n\n\n" not in draft.body
    assert len(draft.body.split()) <= 120
    assert len(draft.questions) == (1 if tone == "brief" else 2)


def test_user_question_choice_is_respected():
    profile = Profile(name="Jordan Rivera", questions=("other_companies",))
    assert draft_for("01_rejection_personal.eml", profile).questions == ["other_companies"]


def test_user_templates_override_ours(tmp_path):
    (tmp_path / "reply.en.txt.j2").write_text("Hello {{ first_name }}, thanks!\n")
    email = parse_email(mailbox_fixture("01_rejection_personal.eml"))
    draft = compose(email, extract(email), PROFILE, str(tmp_path))
    assert draft.body == "Hello Priya, thanks!\n"


def test_subject_prefix_and_header_safety():
    assert reply_subject("Re: Update") == "Re: Update"
    assert reply_subject("AW: Ihre Bewerbung") == "AW: Ihre Bewerbung"
    assert reply_subject("Hi\r\nBcc: x@y") == "Re: Hi Bcc: x@y"
    assert reply_subject("") == "Re: your message"


def test_an_agency_reply_does_not_place_the_role_at_the_agency():
    from tests.conftest import FIXTURES

    raw = (FIXTURES / "corpus" / "tune" / "fr_agency_cabinet.eml").read_bytes()
    email = parse_email(raw)
    draft = compose(email, extract(email), PROFILE)
    assert "chez Arcane" not in draft.body.split("?")[0]
    assert draft.questions[0] == "other_companies"
