"""Lead suggestions: the people and companies an answer to an ask points to."""

from __future__ import annotations

import pytest
from nextlead.leads import Suggestion, suggest_leads

ANSWER = """\
Hi Jordan,

Happy to help! You should talk to Dana Kim in Platform (dana.kim@lumenforge.example), she is
hiring for two roles. Also reach out to Lee Park at Northwind, and have a look at Tallis Health
and Quince Bank.
My colleague Sam O'Neil <sam.oneil@lumenforge.example> may know more.

Best,
Priya

On Mon, Nov 2, 2026 at 9:14 AM Jordan Rivera <jordan.rivera@example.net> wrote:
> Is there someone else I could talk to? Maybe talk to Fake Person.
"""


def suggestions(text: str = ANSWER) -> list[Suggestion]:
    return suggest_leads(
        text,
        exclude_emails=["jordan.rivera@example.net", "priya.natarajan@lumenforge.example"],
        exclude_names=["Priya Natarajan", "Priya", "Jordan Rivera"],
        company="LumenForge",
    )


def test_people_named_in_an_answer_with_their_team_company_and_address():
    people = {s.name: s for s in suggestions() if s.name}
    assert set(people) == {"Dana Kim", "Lee Park", "Sam O'Neil"}
    assert people["Dana Kim"] == Suggestion(
        name="Dana Kim",
        email="dana.kim@lumenforge.example",
        company="LumenForge",
        team="Platform",
        why="talk to Dana Kim in Platform (dana.kim@lumenforge.example)",
    )
    assert people["Lee Park"].company == "Northwind" and people["Lee Park"].email is None
    assert people["Sam O'Neil"].email == "sam.oneil@lumenforge.example"
    assert people["Sam O'Neil"].company == "LumenForge"  # spelt as the answering company


def test_companies_to_look_at_come_after_the_people():
    found = suggestions()
    companies = [s.company for s in found if not s.name]
    assert companies == ["Tallis Health", "Quince Bank"]
    assert all(s.name for s in found[:3])


def test_the_quoted_ask_the_sender_and_the_user_are_not_leads():
    names = {s.name for s in suggestions()}
    assert "Fake Person" not in names and "Priya" not in names and "Jordan Rivera" not in names
    emails = {s.email for s in suggestions()}
    assert "jordan.rivera@example.net" not in emails


@pytest.mark.parametrize(
    ("text", "name", "company"),
    [
        ("Please get in touch with Ana de la Cruz.", "Ana", "LumenForge"),
        ("I've cc'd Marta Lopez, who runs our Data team.", "Marta Lopez", "LumenForge"),
        ("Ping marta.lopez@blueharbor.io, she knows everyone.", "Marta Lopez", "Blueharbor"),
        ("Contact Jamal Reed (jamal@gmail.com).", "Jamal Reed", "LumenForge"),
        ("Reach out to Ines over at Sablewood.", "Ines", "Sablewood"),
    ],
)
def test_the_ways_people_name_someone(text, name, company):
    (found,) = [s for s in suggestions(text) if s.name]
    assert found.name.startswith(name) and found.company == company


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your note! I don't know anyone hiring right now, sorry.",
        "Hi Jordan,\nUnfortunately I can't think of anyone. Talk to you soon.\nBest,\nPriya",
        "I would reach out to Monday morning standup people? No.",
        "",
    ],
)
def test_an_answer_without_a_lead_suggests_nothing(text):
    assert suggestions(text) == []


def test_hostile_text_is_bounded_and_does_not_hang():
    text = ("talk to " + "Aaaa " * 5000) + "x@" * 5000
    assert len(suggest_leads(text)) <= 8
