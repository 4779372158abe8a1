"""The ask: a short reply that thanks the sender and asks one or two parting questions.

Pure: facts about a rejection and the user's profile in, a `Draft` out. The letter itself is a
Jinja2 template per language (templates/reply.<lang>.txt.j2); a user's own `templates_dir`
overrides ours file by file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from .config import Profile
from .extract import Facts, is_no_reply
from .language import LANGUAGES
from .mail.parse import Email, one_line

MAX_REFERENCES = 20
MAX_BODY_WORDS = 120
_AGENCY = re.compile(
    r"\b(?:our client|on behalf of (?:my|our) client|agency|staffing|"
    r"recruitment consultan\w*|unser(?:em)? kunde|notre client|nuestro cliente|"
    r"onze (?:klant|opdrachtgever))\b",
    re.I,
)
_MET = re.compile(
    r"\b(?:interview\w*|met|meeting you|speaking with|spoke|chat(?:ting)?|"
    r"conversation|final round|onsite|on-site|panel|gespräch|entretien|"
    r"entrevista|gesprek)\b",
    re.I,
)
_LARGE = re.compile(
    r"\b(?:divisions?|business units?|subsidiar\w+|sister compan\w+|group|"
    r"global|worldwide|offices|across (?:our|the) (?:company|organi[sz]ation))\b",
    re.I,
)
_RE_PREFIX = re.compile(r"^(?:re|aw|sv|antw|rv|r)\s*:", re.I)


@dataclass(frozen=True)
class Draft:
    to: str | None
    subject: str
    in_reply_to: str | None
    references: list[str]
    body: str
    questions: list[str]

    def as_dict(self) -> dict:
        return asdict(self)


def choose_questions(email: Email, facts: Facts, profile: Profile) -> list[str]:
    """One or two parting questions that fit who wrote and what happened."""
    text = email.text[:5000]
    if _AGENCY.search(text):
        wanted = ["other_companies", "who_to_meet"]
    elif facts.contact_first_name and _MET.search(text):
        wanted = ["someone_else_hiring", "who_to_meet"]
    elif _LARGE.search(text) or (facts.company and re.search(r"\bgroup\b", facts.company, re.I)):
        wanted = ["other_divisions", "someone_else_hiring"]
    else:
        wanted = ["someone_else_hiring", "other_companies"]
    allowed = list(profile.questions)
    chosen = [q for q in wanted if q in allowed]
    chosen += [q for q in allowed if q not in chosen]
    return chosen[:1] if profile.tone == "brief" else chosen[:2]


def reply_subject(subject: str) -> str:
    subject = one_line(subject)
    if not subject:
        return "Re: your message"
    return subject if _RE_PREFIX.match(subject) else f"Re: {subject}"


def compose(email: Email, facts: Facts, profile: Profile, templates_dir: str = "") -> Draft:
    """The reply to one rejection; `to` is None when there is no human to write to."""
    questions = choose_questions(email, facts, profile)
    language = facts.language if facts.language in LANGUAGES else "en"
    seed = int(hashlib.sha256((email.message_id or email.subject).encode()).hexdigest(), 16)
    template = _environment(templates_dir).get_template(f"reply.{language}.txt.j2")
    body = template.render(
        first_name=one_line(facts.contact_first_name) or None,
        company=one_line(facts.company) or None,
        role=one_line(facts.role) or None,
        questions=questions,
        # An agency recruiter relays a client's decision: the role was not at the agency.
        agency=bool(_AGENCY.search(email.text[:5000])),
        variant=seed,
        tone=profile.tone,
        name=one_line(profile.name) or None,
        phone=one_line(profile.phone) or None,
        signature=profile.signature.strip() or None,
    )
    references = [*email.references, *([email.message_id] if email.message_id else [])]
    to = facts.reply_to if facts.reply_to and not is_no_reply(facts.reply_to) else None
    return Draft(
        to=one_line(to) or None,
        subject=reply_subject(email.subject),
        in_reply_to=email.message_id,
        references=list(dict.fromkeys(references))[-MAX_REFERENCES:],
        body=tidy_body(body),
        questions=questions,
    )


DEFAULT_NUDGE_DAYS = 7


@dataclass(frozen=True)
class Thread:
    """The message a follow-up answers: who to write to, its subject and threading ids."""

    to: str | None
    subject: str
    message_id: str | None
    references: tuple[str, ...] = ()
    first_name: str | None = None
    company: str | None = None
    language: str = "en"

    @classmethod
    def answering(
        cls, email: Email, *, first_name: str | None = None, language: str = "en"
    ) -> Thread:
        """The thread of a received answer (the one that brought a lead)."""
        to = next(iter(email.reply_to), None) or email.from_addr
        return cls(
            to=to,
            subject=email.subject,
            message_id=email.message_id,
            references=tuple(email.references),
            first_name=first_name,
            language=language,
        )


def compose_thanks(
    thread: Thread, profile: Profile, *, referral: str | None = None, templates_dir: str = ""
) -> Draft:
    """The reply to an answer that brought a lead: thanks, and may I use your name when I
    contact the referral? (Asking first keeps the contact's goodwill.)"""
    return _follow_up("thanks", thread, profile, templates_dir, referral=one_line(referral) or None)


def nudge_due(
    sent_at: datetime,
    now: datetime,
    *,
    days: int = DEFAULT_NUDGE_DAYS,
    answered: bool = False,
    nudged: bool = False,
) -> bool:
    """One nudge, only for an ask left unanswered for `days` days: more would be pushy."""
    return not answered and not nudged and now - sent_at >= timedelta(days=days)


def compose_nudge(thread: Thread, profile: Profile, *, templates_dir: str = "") -> Draft:
    """A short, gentle follow-up in the thread of an ask that had no answer (`thread` is the
    sent ask: its Message-ID and references)."""
    return _follow_up("nudge", thread, profile, templates_dir)


def _follow_up(
    kind: str, thread: Thread, profile: Profile, templates_dir: str, **values: str | None
) -> Draft:
    language = thread.language if thread.language in LANGUAGES else "en"
    template = _environment(templates_dir).get_template(f"{kind}.{language}.txt.j2")
    body = template.render(
        first_name=one_line(thread.first_name) or None,
        company=one_line(thread.company) or None,
        tone=profile.tone,
        name=one_line(profile.name) or None,
        signature=profile.signature.strip() or None,
        **values,
    )
    message_id = one_line(thread.message_id) or None
    references = [one_line(r) for r in (*thread.references, message_id) if r]
    to = thread.to if thread.to and not is_no_reply(thread.to) else None
    return Draft(
        to=one_line(to) or None,
        subject=reply_subject(thread.subject),
        in_reply_to=message_id,
        references=list(dict.fromkeys(references))[-MAX_REFERENCES:],
        body=tidy_body(body),
        questions=[],
    )


def tidy_body(body: str) -> str:
    """No doubled spaces, no runs of blank lines, no trailing whitespace."""
    lines = [re.sub(r"[ \t]{2,}", " ", line).rstrip() for line in body.strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


@lru_cache(maxsize=8)
def _environment(templates_dir: str) -> Environment:
    loaders = [PackageLoader("nextlead", "templates")]
    if templates_dir:
        loaders.insert(0, FileSystemLoader(templates_dir))
    return Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
