"""Lead suggestions: the people and companies an answer to an ask points to.

Pure: the answer's text in, a list of `Suggestion` out. An answer such as "talk to Dana Kim in
Platform (dana.kim@lumenforge.example); Northwind is hiring too" holds the user's next leads;
the dashboard offers each as a pre-filled "add lead" form, and the user decides. Precision
matters more than recall here: a wrong suggestion costs a click, a silly one costs trust.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .detect import FREEMAIL
from .mail.parse import one_line
from .store import LEAD_STATUSES, MAY_USE_NAME

MAX_TEXT = 20_000
MAX_SUGGESTIONS = 8

# Names and places stay on one line and within one sentence: " " or tab between words only.
_WORD = r"[A-Z][a-zà-öø-ÿ]*(?:['’-][A-Z]?[a-zà-öø-ÿ]+)*"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+(?:(?:van|von|de|der|da|di|le|la|del)[ \t]+)?{_WORD}){{0,2}})"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_PLACE = r"[A-Z][\w&'-]*(?:\.\w+)*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'-]*(?:\.\w+)*){0,3}"
# "talk to Dana Kim in Platform", "reach out to Lee Park (lee@x.example) at Northwind"
_PERSON = re.compile(
    r"(?i:\b(?:talk(?:ing)?\s+to|speak(?:ing)?\s+(?:to|with)|reach(?:ing)?\s+out\s+to|"
    r"contact(?:ing)?|get\s+in\s+touch\s+with|introduce\s+you\s+to|connect\s+you\s+(?:to|with)|"
    r"put\s+you\s+in\s+touch\s+with|ping|e-?mail|write\s+to|check\s+with|loop\s+in|"
    r"ask\s+for|cc(?:'d|ed)?|forwarded\s+(?:it|your\s+\w+)\s+to|pass(?:ed)?\s+"
    r"(?:it|your\s+\w+)\s+(?:on\s+)?to|my\s+colleague|our\s+(?:head\s+of\s+\w+|\w+\s+lead))"
    r"\s+)"
    + _NAME
    + rf"(?:\s*[(<\[]\s*(?P<email>{_EMAIL})\s*[)>\]])?"
    + r"(?:,?[ \t]+(?P<prep>(?i:in|on|from|at|over[ \t]+at|who[ \t]+(?:runs|leads|heads)))"
    + rf"[ \t]+(?:(?i:the|our|their)[ \t]+)?(?P<place>{_PLACE}))?"
    + rf"(?:\s*[(<\[]\s*(?P<email_after>{_EMAIL})\s*[)>\]])?"
)
# "Jane Doe <jane@x.example>", "Jane Doe (jane@x.example)", "Jane Doe: jane@x.example"
_NAMED_EMAIL = re.compile(_NAME + rf"\s*(?:[(<\[]|[:\-–]\s*)\s*(?P<email>{_EMAIL})")
_ANY_EMAIL = re.compile(_EMAIL)
_AFTER_PLACE_WORD = re.compile(r"\b(?:in|on|at|from|the|our)[ \t]+$", re.IGNORECASE)
# "Northwind is hiring", "Blue Harbor are growing their data team"
_HIRING = re.compile(
    rf"(?P<company>{_PLACE})\s+(?i:is|are)\s+(?i:hiring|growing|expanding|looking\s+for)"
)
# "companies like Northwind, Tallis and Quince Bank", "have a look at Northwind"
_COMPANY_LIST = re.compile(
    r"(?i:companies\s+(?:like|such\s+as)|(?:have\s+a\s+)?look\s+at|check\s+out|consider|"
    r"apply\s+(?:to|at)|try)\s+"
    rf"(?P<list>{_PLACE}(?:\s*(?:,|\band\b|\bor\b)\s*{_PLACE})*)"
)
_QUOTED = re.compile(
    r"^(?:On .{5,200} wrote:|-{2,}\s*Original Message|From: .+@.+)$", re.M | re.IGNORECASE
)
_TEAM_WORDS = re.compile(r"\s+(?i:team|group|division|department|org|organi[sz]ation)$")
# Capitalised words that start sentences, greet or sign off, never a person or a company.
_NOT_NAMES = frozenset(
    """i we you he she they it the a an our my your their this that these those thanks thank
    best regards cheers hi hello dear please also maybe sure good great happy kind warm all
    anyone someone somebody everyone him her them me us hr recruiting talent people linkedin
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december if when unfortunately sorry""".split()  # noqa: SIM905 (a word list reads best as words)
)


@dataclass(frozen=True)
class Suggestion:
    """A possible lead: at least a name or a company; `why` quotes the words it came from."""

    name: str | None = None
    email: str | None = None
    company: str | None = None
    team: str | None = None
    why: str = ""


def suggest_leads(
    text: str,
    *,
    exclude_emails: Iterable[str] = (),
    exclude_names: Iterable[str] = (),
    company: str | None = None,
) -> list[Suggestion]:
    """The people and companies an answer names, best first, without duplicates.

    `exclude_emails`/`exclude_names`: the user and the person who answered (they are not new
    leads). `company`: the answering company, the default for a colleague named without one.
    """
    text = _own_words(text[:MAX_TEXT])
    emails_out = {e.casefold() for e in exclude_emails}
    names_out = {n.casefold() for n in exclude_names if n}
    found: list[Suggestion] = []

    def add(item: Suggestion) -> None:
        if item.email and item.email.casefold() in emails_out:
            return
        if item.name and (item.name.casefold() in names_out or _first(item.name) in names_out):
            return
        index = _match(found, item)
        if index is None:
            found.append(item)
            return
        known = found[index]  # what a later mention adds (an email, a team) fills the gaps
        found[index] = Suggestion(
            name=known.name or item.name,
            email=known.email or item.email,
            company=known.company or item.company,
            team=known.team or item.team,
            why=known.why,
        )

    for match in _PERSON.finditer(text):
        name = _clean_name(match["name"])
        if not name:
            continue
        place = _clean_place(match["place"])
        at_company = (match["prep"] or "").lower().endswith("at")
        team = None if at_company else place
        where = place if at_company else None
        email = match["email"] or match["email_after"]
        add(
            Suggestion(
                name=name,
                email=email.lower() if email else None,
                company=where or _company_for(email, company) or company,
                team=team,
                why=_quote(match[0]),
            )
        )
    for match in _NAMED_EMAIL.finditer(text):
        if _AFTER_PLACE_WORD.search(text, 0, match.start()):
            continue  # "in Platform (dana@...)": a team, not the address's owner
        name = _clean_name(match["name"])
        email = match["email"].lower()
        if name:
            add(
                Suggestion(
                    name=name, email=email, company=_company_for(email, company), why=match[0]
                )
            )
    for match in _ANY_EMAIL.finditer(text):
        email = match[0].lower().rstrip(".")
        add(
            Suggestion(
                name=_name_from_address(email),
                email=email,
                company=_company_for(email, company),
                why=email,
            )
        )
    for match in _HIRING.finditer(text):
        name = _clean_place(match["company"])
        if name and name.casefold() not in _NOT_NAMES:
            add(Suggestion(company=name, why=_quote(match[0])))
    for match in _COMPANY_LIST.finditer(text):
        for part in re.split(r"\s*(?:,|\band\b|\bor\b)\s*", match["list"]):
            name = _clean_place(part)
            if name and name.casefold() not in _NOT_NAMES:
                add(Suggestion(company=name, why=_quote(match[0])))
    people = [s for s in found if s.name]
    covered = {s.company.casefold() for s in people if s.company}
    companies = [s for s in found if not s.name and s.company.casefold() not in covered]
    return (people + companies)[:MAX_SUGGESTIONS]


def _own_words(text: str) -> str:
    """The answer without the quoted ask below it (lines after "On ... wrote:", "> ...")."""
    cut = _QUOTED.search(text)
    if cut:
        text = text[: cut.start()]
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def _clean_name(name: str | None) -> str | None:
    """A person's name, or None when the words are a greeting, a pronoun or a weekday."""
    if not name:
        return None
    words = name.split()
    while words and words[0].casefold() in _NOT_NAMES:
        words = words[1:]
    while words and words[-1].casefold() in _NOT_NAMES:
        words = words[:-1]
    if not words or any(w.casefold() in _NOT_NAMES for w in words):
        return None
    return " ".join(words)


def _clean_place(place: str | None) -> str | None:
    if not place:
        return None
    place = _TEAM_WORDS.sub("", place.strip().rstrip(".,;:"))
    return place or None


def _first(name: str) -> str:
    return name.split()[0].casefold()


def _match(found: list[Suggestion], item: Suggestion) -> int | None:
    """Where the suggestion for the same person (email or name) or company already is."""
    for index, known in enumerate(found):
        if item.email and known.email == item.email:
            return index
        if item.name and known.name and known.name.casefold() == item.name.casefold():
            return index
        same_company = bool(known.company and item.company) and (
            known.company.casefold() == item.company.casefold()
        )
        if not item.name and not known.name and same_company:
            return index
    return None


def _company_of(email: str | None) -> str | None:
    """ "Northwind" from dana@northwind.example or dana@mail.northwind.co.uk; None for webmail."""
    if not email or "@" not in email:
        return None
    labels = email.rsplit("@", 1)[1].lower().split(".")
    if len(labels) < 2:
        return None
    core = labels[-3] if len(labels) >= 3 and labels[-2] in ("co", "com", "ac", "org") else None
    core = core or labels[-2]
    if FREEMAIL.match(core + "."):
        return None
    return core.replace("-", " ").title()


def _company_for(email: str | None, company: str | None) -> str | None:
    """The company an address belongs to, spelt as the answering company is when it is that
    one ("LumenForge", not "Lumenforge")."""
    derived = _company_of(email)
    if (
        derived
        and company
        and derived.replace(" ", "").casefold() == company.replace(" ", "").casefold()
    ):
        return company
    return derived


def _name_from_address(email: str) -> str | None:
    """ "Dana Kim" from dana.kim@...; None when the local part is not first.last."""
    local = email.split("@", 1)[0]
    parts = [p for p in re.split(r"[._]", local) if p]
    if len(parts) < 2 or not all(p.isalpha() and len(p) > 1 for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts[:3])


def _quote(text: str) -> str:
    return " ".join(text.split())[:160]


# A lead as the user enters it, from the dashboard's form or the API.
LEAD_TEXT_FIELDS = ("name", "email", "company", "referred_by", "notes")
MAX_FIELD = 300
MAX_NOTES = 5_000
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_lead(source: Mapping[str, Any], *, partial: bool = False) -> tuple[dict, dict]:
    """A lead's values, cleaned, and what is wrong with them by field. With `partial`, only
    the fields present are checked (an update)."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for key in LEAD_TEXT_FIELDS:
        if partial and key not in source:
            continue
        raw = str(source.get(key) or "")
        limit = MAX_NOTES if key == "notes" else MAX_FIELD
        value = raw.replace("\r\n", "\n").strip() if key == "notes" else one_line(raw)
        if len(value) > limit:
            errors[key] = f"at most {limit} characters"
        values[key] = value[:limit]
    if "name" in values and not values["name"]:
        errors["name"] = "a lead needs a name (a person, or the team you were pointed to)"
    if values.get("email") and not _ADDRESS.match(values["email"]):
        errors["email"] = "that is not an email address"
    for key in ("email", "company", "referred_by"):
        if key in values:
            values[key] = values[key] or None
    for key, allowed, default, why in (
        ("may_use_name", MAY_USE_NAME, "unknown", "choose yes, no or unknown"),
        ("status", LEAD_STATUSES, "new", "choose one of the statuses"),
    ):
        if partial and key not in source:
            continue
        values[key] = source.get(key) or default
        if values[key] not in allowed:
            errors[key] = why
    if not partial or "ask_id" in source:
        ask_id = str(source.get("ask_id") or "")
        values["ask_id"] = int(ask_id) if ask_id.isdigit() else None
    return values, errors
