"""Is this email a job rejection? A verdict with a score and the evidence that decided it.

Explainable rules: the evidence a user sees in the card is the phrases that fired, strongest
first. First job context (is this about an application for a job?), then rejection signals and
counter-signals (next steps, scheduling, offers, "received your application"). Pure: takes an
`Email`, returns a `Verdict`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .language import guess_language
from .mail.parse import Email

SURE = 0.8  # at or above: a draft is made without asking
LIKELY = 0.5  # at or above: is_rejection; between LIKELY and SURE the user reviews it


@dataclass(frozen=True)
class Verdict:
    is_rejection: bool
    score: float
    evidence: tuple[str, ...]
    language: str

    @property
    def tier(self) -> str:
        """`sure` (draft it), `review` (ask the user) or `no`."""
        if self.score >= SURE:
            return "sure"
        return "review" if self.is_rejection else "no"


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    weight: float  # > 0 rejection, < 0 counter-signal
    kind: str  # "reject", "counter", "job", "other" (a non-job context)


def _rules(kind: str, weight: float, *patterns: str) -> list[Rule]:
    return [Rule(re.compile(p, re.IGNORECASE), weight, kind) for p in patterns]


_W = r"[\w'’-]+"  # one word
_GAP = rf"(?:\s+{_W}){{0,4}}?"  # up to four words in between

REJECT = (
    _rules(
        "reject",
        4.0,
        r"(?:decided|chosen|elected|opted) (?:not )?to (?:move|go|proceed|continue) (?:forward )?"
        rf"with (?:an?other|other|different|a different){_GAP} (?:candidates?|applicants?|profiles?)",
        rf"(?:will|shall|won't|will not|are not|aren't|cannot|can't|be) (?:not )?(?:be )?"
        rf"(?:moving|taking|progressing|proceeding|pursuing|going)(?: forward| further| ahead)?"
        rf"{_GAP} (?:with )?(?:your|you|the) (?:application|candidacy|profile|candidature)",
        r"not (?:be )?(?:moving|taking|progressing|proceeding) (?:you|your application|"
        r"your candidacy)(?: any)? (?:forward|further)",
        r"(?:not|no longer) (?:be )?progressing (?:with )?your application",
        r"(?:position|role|vacancy|job|opening) (?:has|had) (?:now )?been (?:filled|closed)",
        r"(?:we )?regret to (?:inform|tell|let) you",
        r"(?:pursue|proceed with|move forward with|progress with|go with|focus on) (?:other )?"
        rf"(?:candidates?|applicants?|people|profiles?)(?:{_GAP})? (?:whose|who|that) "
        r"(?:experience|background|skills|profile|qualifications)?",
        r"offered (?:the|this) (?:role|position|job) to (?:another|a different|an internal)",
        r"(?:you )?(?:were|have) not been (?:selected|successful|shortlisted)",
        r"(?:not|un)successful (?:on|in|with) (?:this|your|the) (?:occasion|application|role)",
        r"(?:application|candidacy) (?:was|has been|is) (?:not|un)successful",
        rf"went with (?:another|someone|a candidate|a different){_GAP}",
        r"decided to go (?:in a different direction|with (?:another|someone else))",
        r"not (?:be )?(?:able|in a position) to offer you (?:the|a|this) (?:position|role|job)",
        r"(?:unable|not able) to (?:move|take) (?:your application|you) (?:forward|further)",
        r"(?:role|position|requisition) (?:is|was|has been) (?:no longer|closed|cancell?ed|on hold)",
        r"closer (?:match|fit|alignment) (?:to|for|with) (?:our|the)",
        r"more closely (?:aligns?|matche[sd]|fits?)",
        # German
        r"(?:leider|bedauerlicherweise)\b.{0,120}?(?:absage|nicht (?:weiter )?berücksichtig|"
        r"anderen? (?:kandidat|bewerber)|nicht in die engere|für eine?n? andere)",
        r"(?:für|mit) (?:eine[nm]? )?(?:anderen?|andere) (?:kandidat|bewerber)\w*"
        r".{0,60}?(?:entschieden|entscheiden)",
        r"nicht (?:weiter )?berücksichtigen",
        r"(?:stelle|position) (?:wurde|ist) (?:bereits )?(?:besetzt|vergeben)",
        # French
        r"(?:ne pouvons|ne sommes pas en mesure de) (?:pas )?(?:donner (?:une )?suite|"
        r"retenir|poursuivre)",
        r"(?:pas|ne) (?:été |pas été )?retenue?",
        r"(?:ne pas|pas) (?:donner suite|retenir votre candidature|poursuivre)",
        r"(?:autres?|un autre|une autre) (?:candidat|profil)\w*.{0,80}?(?:correspond|retenu|choisi)",
        r"poste (?:a été|est) (?:pourvu|attribué)",
        # Spanish
        r"(?:no|lamentablemente) (?:hemos|ha|has|podemos|vamos a|continuar\w*).{0,60}?"
        r"(?:seleccionad|avanzar|continuar con (?:tu|su) candidatura|seguir adelante)",
        r"(?:otros?|otras?) (?:candidat|perfil)\w*.{0,80}?(?:ajusta|encaja|adecua|seleccion)",
        r"(?:decidido|optado) (?:por )?(?:continuar|seguir|avanzar) con otr",
        r"(?:puesto|vacante|posición) (?:ha sido|ya ha sido|fue) (?:cubiert|ocupad|cerrad)",
        r"no (?:ha|has) sido seleccionad",
        # Dutch
        r"(?:helaas|jammer genoeg)\b.{0,120}?(?:niet (?:verder|door)|afwijzen|afgewezen|"
        r"andere kandida|gekozen voor)",
        r"(?:gekozen|besloten) (?:om )?(?:verder te gaan |door te gaan )?(?:met|voor) "
        r"(?:een )?andere? kandida",
        r"(?:niet|geen) (?:verder|door)\w* (?:te )?(?:gaan|nemen)? ?met (?:je|jouw|uw) "
        r"sollicitatie",
        r"(?:vacature|functie) (?:is|werd) (?:inmiddels )?(?:ingevuld|vervuld|gesloten)",
    ),
    _rules(
        "reject",
        1.5,
        r"\bunfortunately\b",
        r"\bregret(?:tably)?\b",
        r"after (?:careful|much|thorough|long) (?:consideration|review|deliberation)",
        r"(?:difficult|tough|hard) decision",
        r"(?:many|large number of|high number of|number of) (?:strong|qualified|talented|"
        r"excellent|impressive)? ?(?:applicants|candidates|applications)",
        r"(?:wish|wishing) you (?:the )?(?:best|every success|all the best|luck|success)",
        r"(?:best of luck|good luck|every success) (?:in|with) (?:your|the) "
        r"(?:job )?(?:search|future|career|endeavou?rs)",
        r"(?:future|other) (?:opportunities|openings|roles|vacancies) (?:that|which)? ?(?:may )?"
        r"(?:match|suit|fit|arise)",
        r"(?:not|isn't|wasn't) (?:quite )?(?:the right|a) (?:fit|match)",
        r"keep (?:your|you) (?:details|cv|resume|résumé|profile|information) on (?:file|record)",
        r"\bleider\b",
        r"\bmalheureusement\b",
        r"\blamentablemente\b",
        r"\bhelaas\b",
        r"\bdesafortunadamente\b",
        r"nous regrettons|wir bedauern|lamentamos",
        r"viel erfolg|bonne continuation|beaucoup de succès|mucho éxito|suerte en|veel succes",
    ),
)

COUNTER = _rules(
    "counter",
    -4.0,
    r"(?:invite|inviting) you (?:to|for) (?:an? |the )?(?:(?:next|second|final|first|onsite|"
    r"on-site|virtual|video|phone|technical) )*(?:round|interview|call|chat|conversation|"
    r"stage|meeting)",
    r"(?:schedule|book|arrange|set up) (?:a|an|your|the) (?:time|call|interview|chat|meeting)",
    r"(?:please )?(?:share|send|let us know|let me know) (?:your|some) (?:availability|"
    r"available times)",
    r"pleased to (?:offer|extend|inform you that you|let you know that you|invite)",
    r"(?:offer letter|job offer|formal offer|offer of employment)",
    r"\bcongratulations\b",
    r"(?:advanced|moved|progressed|moving you|move you) (?:forward )?to the (?:next|final)",
    r"(?:we have|we've|we) (?:successfully )?received your application",
    r"thank you for (?:applying|your application)[^.]{0,40}\. (?:we|our team) (?:will|are)",
    r"(?:complete|take|start) (?:the|an|our|a) (?:online )?(?:assessment|coding|technical|"
    r"take-home|skills) ?(?:test|challenge|exercise|assessment)?",
    r"(?:reference|background) check",
    r"(?:new|recommended) jobs? (?:for you|matching|alert)",
    r"(?:log|sign) ?in to (?:view|see|check)",
    r"(?:out of (?:the )?office|automatic reply|auto-reply|on (?:annual )?leave until)",
    r"(?:einladen|einladung) zu(?:m)? (?:einem )?(?:vorstellungs|bewerbungs)?gespräch",
    r"(?:vous|te) (?:inviter|convier) (?:à|a) (?:un )?entretien",
    r"invitar(?:te|le) a (?:una )?entrevista",
    r"(?:uitnodigen|uitnodiging) voor (?:een )?(?:sollicitatie)?gesprek",
    r"(?:bewerbung|candidature|candidatura|sollicitatie) (?:erhalten|bien reçue|recibido|"
    r"ontvangen)",
    r"wir haben ihre bewerbung erhalten|nous avons bien reçu|hemos recibido tu|"
    r"we hebben je sollicitatie ontvangen",
)

JOB = _rules(
    "job",
    1.0,
    r"\b(?:application|applied|applying|candidacy|candidate|position|role|vacancy|opening|"
    r"requisition|interview|recruit\w*|hiring|talent acquisition|job|resume|résumé|cv)\b",
    r"\b(?:bewerbung|stelle|kandidat\w*|vorstellungsgespräch|position)\b",
    r"\b(?:candidature|poste|entretien|recrutement)\b",
    r"\b(?:candidatura|puesto|vacante|entrevista|proceso de selección)\b",
    r"\b(?:sollicitatie|vacature|functie|kandidaat|sollicitatieprocedure)\b",
)

OTHER = _rules(
    "other",
    -5.0,
    r"\b(?:admission|admissions|undergraduate|graduate program|enrol+ment)\b",
    r"\b(?:paper|manuscript|submission|reviewers?|program committee|proceedings|"
    r"call for papers|talk proposal)\b",
    r"\b(?:loan|mortgage|credit application|credit card)\b",
    r"\b(?:apartment|flat|tenancy|rental|landlord|lease|letting)\b",
    r"\b(?:grant application|funding application|grant proposal)\b",
)

ATS_DOMAINS = re.compile(
    r"(greenhouse|lever\.co|myworkday|workday|icims|smartrecruiters|ashbyhq|taleo|bamboohr|"
    r"jobvite|teamtailor|recruitee|personio|workable|successfactors|jazzhr|breezy)",
    re.I,
)

_QUOTE_START = re.compile(
    r"^(?:on .{5,120} wrote:|am .{5,120} schrieb .{0,80}:|le .{5,120} a écrit ?:|"
    r"el .{5,120} escribió:|op .{5,120} schreef .{0,80}:|-{2,} ?original message ?-{2,}|"
    r"from: .+)$",
    re.IGNORECASE,
)


# A phrase in quotation marks is talked about, not said ("turn 'we went with another candidate'
# into momentum"): newsletters and friends quote rejections.
_QUOTED = re.compile(r"\"[^\"\n]{3,200}\"|“[^”\n]{3,200}”|„[^“”\n]{3,200}[“”]|«[^»\n]{3,200}»")


def own_text(text: str) -> str:
    """The text the sender wrote, without the quoted thread below it."""
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _QUOTE_START.match(stripped):
            break
        if not stripped.startswith(">"):
            lines.append(line)
    return "\n".join(lines)


def detect(email: Email, own_addresses: frozenset[str] = frozenset()) -> Verdict:
    """Score an email; `own_addresses` are the user's, whose own mail is never a rejection."""
    body = own_text(email.text)
    language = guess_language(f"{email.subject}\n{body}")
    if email.from_addr and email.from_addr in own_addresses:
        return Verdict(False, 0.0, ("sent by you",), language)
    auto = email.headers.get("auto-submitted", "").lower()
    if auto.startswith("auto-replied") or email.headers.get("x-autoreply"):
        return Verdict(False, 0.0, ("automatic reply",), language)

    haystack = " ".join(_QUOTED.sub(" ", f"{email.subject}\n{body}"[:20_000]).split())
    hits: list[tuple[float, str]] = []
    for rule in (*REJECT[0], *REJECT[1], *COUNTER, *OTHER):
        match = rule.pattern.search(haystack)
        if match:
            hits.append((rule.weight, " ".join(match.group(0).split())))

    if (
        email.headers.get("list-unsubscribe")
        or email.headers.get("list-id")
        or email.headers.get("precedence", "").lower() in ("bulk", "list")
    ):
        hits.append((-3.0, "sent to a mailing list"))
    job = len({m.group(0).lower() for rule in JOB for m in rule.pattern.finditer(haystack)})
    if email.from_addr and ATS_DOMAINS.search(email.from_addr):
        job += 2
    raw = sum(w for w, _ in hits) + min(job, 3) * 0.7 - 3.5
    if not any(w >= 4 for w, _ in hits) and sum(w for w, _ in hits if w > 0) < 3:
        raw -= 2  # soft words alone ("unfortunately") are not a rejection
    if job == 0:
        raw -= 3
    score = round(1 / (1 + math.exp(-raw)), 3)
    evidence = tuple(phrase for w, phrase in sorted(hits, key=lambda h: -abs(h[0])) if w > 0)
    return Verdict(score >= LIKELY, score, evidence, language)
