"""The regex shortcut (literals.py) is only a shortcut: it never changes what detection and
extraction conclude, only how long they take."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nextlead import detect as detect_module
from nextlead import extract as extract_module
from nextlead import literals
from nextlead.detect import detect
from nextlead.extract import extract
from nextlead.literals import KeyFinder, faithful_lower, required_strings
from nextlead.mail.parse import parse_email

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _sample(paths: list[Path], size: int = 3_000) -> list[Path]:
    """Every hand-made fixture and an even spread of the corpus: searching every rule in all
    28,000 emails took ten minutes; this tenth takes two and still catches a rule given a
    wrong required string (checked by giving one such a string)."""
    corpus = [p for p in paths if "corpus" in p.parts]
    return [p for p in paths if "corpus" not in p.parts] + corpus[:: max(1, len(corpus) // size)]


EMAILS = [parse_email(p.read_bytes()) for p in _sample(sorted(FIXTURES.rglob("*.eml")))]
TEXTS = [f"{email.subject}\n{email.text}" for email in EMAILS]  # made once, searched by each rule


def _without_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rule searched, case-insensitively, in the text as written: the slow truth."""
    monkeypatch.setattr(literals, "faithful_lower", lambda text: None)
    monkeypatch.setattr(detect_module, "faithful_lower", lambda text: None)


def test_fixtures_get_the_same_verdict_and_facts_without_the_shortcut(monkeypatch):
    """End to end on the sample; the test below proves the shortcut sound rule by rule."""
    fast = [(detect(e), extract(e)) for e in EMAILS]
    _without_shortcut(monkeypatch)
    assert fast == [(detect(e), extract(e)) for e in EMAILS]


def _shouting(text: str) -> str:
    return text.upper()


@pytest.mark.parametrize("variant", [_shouting, str.title, str.swapcase])
def test_case_does_not_change_the_verdict(monkeypatch, variant):
    """Mail written in capitals is matched by the lowercase shortcut as by the slow path."""
    emails = [e for e in EMAILS if e.text][:150]
    changed = [
        detect_module.Email(subject=variant(e.subject), from_addr=e.from_addr, text=variant(e.text))
        for e in emails
    ]
    fast = [detect(e) for e in changed]
    _without_shortcut(monkeypatch)
    assert fast == [detect(e) for e in changed]


def test_turkish_dotted_capital_i_still_matches():
    """Lowercasing 'İ' gives two characters, so such text takes the slow path and still
    finds "REGRET TO İNFORM" (which re.IGNORECASE matches)."""
    assert faithful_lower("İ") is None
    verdict = detect(
        detect_module.Email(
            subject="Your application",
            text="We REGRET TO İNFORM you that we have decided to move forward with other "
            "candidates for the position.",
        )
    )
    assert verdict.is_rejection


def test_required_strings_of_a_phrase_with_optional_words():
    pattern = re.compile(r"\bregret(?:fully)? to (?:inform|tell)", re.I)
    assert set(required_strings(pattern)) == {
        "regret to inform",
        "regret to tell",
        "regretfully to inform",
        "regretfully to tell",
    }


def test_a_pattern_that_can_match_anything_requires_nothing():
    assert required_strings(re.compile(r"\w+\s*")) is None
    assert required_strings(re.compile(r"(?:a|b)?x?")) is None


@pytest.mark.parametrize(
    "rule",
    [*detect_module.REJECT, *detect_module.COUNTER, *detect_module.JOB, *detect_module.OTHER],
    ids=lambda rule: rule.pattern.pattern[:40],
)
def test_each_rule_cannot_match_without_its_required_strings(rule):
    """Every match in the fixtures contains one of the strings the rule was said to need."""
    if not rule.needs:
        return
    for text in TEXTS:
        for match in rule.pattern.finditer(text):
            assert any(s in match.group(0).lower() for s in rule.needs), match.group(0)


KEYS = frozenset({"regret", "regrets", "gret", "not", "n't", "no longer", "candidat", "date"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*KEYS, "re", "g", " ", "x", "candidate", "'"]), max_size=30))
def test_key_finder_finds_every_key_even_overlapping(pieces):
    text = "".join(pieces)
    assert KeyFinder(KEYS).present(text) == {key for key in KEYS if key in text}


def test_extraction_patterns_are_prefiltered_not_dropped():
    """A company named after "position at" is still found when nothing else names it."""
    email = detect_module.Email(
        subject="Update",
        from_addr="pat@mail.example",
        text="Thank you for your interest in the position at Quillon Labs. We have "
        "decided to move forward with other candidates.\n\nBest,\nPat Doe",
    )
    assert extract(email).company == "Quillon Labs"
    assert extract_module._PREFILTER.possible("nothing here") == {
        "company": [],
        "employer": [],
        "role": [],
    }


def test_no_detection_rule_is_searched_in_every_email():
    """A rule whose strings cannot be learned (a pattern of over 64 alternatives, say) is
    searched in every email: split it into smaller patterns instead."""
    rules = [
        *detect_module.REJECT,
        *detect_module.COUNTER,
        *detect_module.JOB,
        *detect_module.OTHER,
    ]
    assert [rule.pattern.pattern[:60] for rule in rules if not rule.needs] == []
