"""Is this email a job rejection? A verdict with a score and the evidence that decided it.

Explainable rules: the evidence a user sees in the card is the phrases that fired, strongest
first. First job context (is this about an application for a job?), then rejection signals and
counter-signals (next steps, scheduling, offers, "received your application"). Pure: takes an
`Email`, returns a `Verdict`.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .language import guess_language
from .literals import KeyFinder, faithful_lower, lowercase_only, required_strings
from .mail.parse import Email

SURE = (
    0.75  # at or above: drafted without asking (cross-validated precision 0.99 on the tune splits)
)
LIKELY = 0.5  # at or above: is_rejection; between LIKELY and SURE the user reviews it


@dataclass(frozen=True)
class Verdict:
    is_rejection: bool
    score: float
    evidence: tuple[str, ...]
    language: str
    about_a_job: bool = True  # any word of a job search, or any rule at all, in it

    @property
    def tier(self) -> str:
        """`sure` (draft it), `review` (ask the user) or `no`."""
        if self.score >= SURE:
            return "sure"
        return "review" if self.is_rejection else "no"


@dataclass(frozen=True)
class Haystack:
    """The text rules search: as written, lowercased (None when lowercasing would not be
    faithful, see literals.py), and which rules may match it (None: any)."""

    text: str
    lowered: str | None
    possible: tuple[int, ...] | None  # indices into _ALL_RULES, ascending

    @classmethod
    def of(cls, text: str) -> Haystack:
        lowered = faithful_lower(text)
        if lowered is None:
            return cls(text, None, None)
        present = _KEY_FINDER.present(lowered)
        possible = _ALWAYS_SEARCHED.union(*(_RULES_NEEDING[k] for k in present))
        return cls(text, lowered, tuple(sorted(possible)))

    def candidates(self, rules: list[Rule]) -> list[Rule]:
        """The rules that may match, in order: the rest lack every string they need.
        `rules` is one of the lists whose indices run on (see _ALL_RULES)."""
        if self.possible is None:
            return rules
        first = rules[0].index
        return [rules[i - first] for i in self.possible if 0 <= i - first < len(rules)]


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]  # case-insensitive
    weight: float  # > 0 rejection, < 0 counter-signal
    kind: str  # "reject", "counter", "job", "other" (a non-job context)
    needs: frozenset[str] | None  # strings one of which every match holds (literals.py)
    folded: re.Pattern[str] | None  # the same pattern for lowercased text: several times faster
    index: int

    def spans(self, haystack: Haystack) -> list[tuple[int, int]]:
        """Where the rule matches, as (start, end) in `haystack.text`."""
        pattern, text = self._pattern_for(haystack)
        return [m.span() for m in pattern.finditer(text)]

    def first(self, haystack: Haystack) -> tuple[int, int] | None:
        pattern, text = self._pattern_for(haystack)
        match = pattern.search(text)
        return match.span() if match else None

    def _pattern_for(self, haystack: Haystack) -> tuple[re.Pattern[str], str]:
        if haystack.lowered is not None and self.folded is not None:
            return self.folded, haystack.lowered
        return self.pattern, haystack.text


_RULE_NUMBERS = itertools.count()


def _rules(kind: str, weight: float, *patterns: str) -> list[Rule]:
    rules = []
    for source in patterns:
        pattern = re.compile(source, re.IGNORECASE)
        folded = re.compile(source) if lowercase_only(pattern) else None
        needs = required_strings(pattern)
        number = next(_RULE_NUMBERS)
        rules.append(Rule(pattern, weight, kind, needs and frozenset(needs), folded, number))
    return rules


# One word, and a gap of up to n words (lazy), for phrases that bend.
_W = r"[\w'’-]+"


def _gap(n: int) -> str:
    return rf"(?:[\s,]+{_W}){{0,{n}}}?\s+"


# Someone other than the candidate: the heart of most rejections.
_OTHER_PERSON = (
    r"(?:another|other|a different|a|an|the other|one other|one of the other|a few|a couple of|"
    r"several)\s+"
    r"(?:(?:internal|external|strong|stronger)\s+)?(?:candidates?|applicants?|finalists?|"
    r"persons?|individuals?|profiles?|people|locums?)|someone(?: else)?|somebody(?: else)?|"
    r"an internal \w+|people with|"
    r"one of (?:our|my) (?:[\w-]+ )?(?:guys|people|employees|staff|team members|associates|folks|"
    r"volunteers|nurses|locums|colleagues)|"
    r"(?:a|an|another|two|three|four)\s+[\w-]+\s+(?:who|whose)\b"  # "a nurse who has CVICU experience"
)
_CHOSE = (
    r"(?:move|moving|moved|go|going|gone|went|proceed|proceeding|continue|continuing|"
    r"progress|progressing)(?:\s+(?:forward|ahead|on))?\s+with|chose|chosen|choose|choosing|"
    r"opt(?:ed|ing)? for|plump(?:ed)? for|(?:have|'ve|has) gone for|went for|"
    r"select(?:ed)?|hired?|hiring|picked|offered (?:it|the (?:role|position|job)) to|"
    r"(?:make|made|extend(?:ed)?) an offer to|offer(?:ed)? (?:it |the (?:role|position|job) )?to|"
    r"bring(?:ing)? on|brought on|gave it to|appoint(?:ed)?|decided on|settled on|"
    r"pursue|pursuing|leaning toward|focus(?:ing)? on|"
    r"fill(?:ed|ing)? (?:the|this) (?:role|position|vacancy|opening|job|spot) with"
)
_ADVANCE = (
    r"move|moving|proceed|proceeding|progress|progressing|continue|continuing|take|taking|go|"
    r"going|advance|advancing|pursue|pursuing|consider|considering|put|putting"
)

# A leading alternation is written `\b(?:not|unable)|n't`, not `\bnot|n't|\bunable`: the
# same matches, but the regex engine can then skip positions that start no alternative, which
# makes such a rule several times faster.
REJECT = (
    _rules(
        "reject",
        4.0,
        rf"\b(?:{_CHOSE})\s+(?:{_OTHER_PERSON})\b",
        rf"\b(?:{_OTHER_PERSON})\s+(?:was|were|has been|have been|had been|is being)\s+"
        r"(?:chosen|selected|hired|offered|appointed|recommended for appointment|preferred)",
        rf"(?:\b(?:not|no longer|unable to|not able to|pass on|rather than)|n't)\s+(?:be\s+)?"
        rf"(?:to\s+)?(?:in a position to\s+|able to\s+)?(?:{_ADVANCE})\b{_gap(6)}"
        r"(?:(?:forward|further|ahead)\s+(?:with\s+)?(?:(?:onboarding|placing|hiring|submitting|"
        r"presenting)\s+)?(?:you|your)\b|with your|with you|"
        r"your (?:application|candidacy|profile)|you (?:to|for) the|you (?:any )?(?:further|forward)|"
        r"yours\b|with (?:an|the) offer|(?:it|you) (?:to|for|into) (?:the |a )?(?:\w+ ){0,2}(?:stage|round|"
        r"step|interview|phase))",
        r"\b(?:going to|decided to|have to|had to|will|'ll|'re going to) pass(?: on (?:this|you|your))?\b"
        r"(?! over\b)",
        r"\bpassed on (?:you|moving you|advancing you|progressing you)\b|\bgoing to (?:hire|bring on|"
        r"go with) (?!you\b)(?:[\w'’-]+ ){1,4}?for the (?:[\w&-]+ ){0,5}?(?:position|role|job|spot|"
        r"post|opening)\b",
        r"\b(?:going to|decided to|will) fill (?:the|this|that|these) (?:[\w-]+ ){0,4}?(?:role|position|"
        r"spot|vacancy|opening|job|post)s? (?:internally|with (?:guys|people|someone|somebody|one of|"
        r"an internal|internal|current|existing|another|other))",
        r"\byour (?:submission|application|profile|resume|cv) will not be (?:forwarded|submitted|sent|"
        r"presented) to (?:the|our) client\b|\breviewed your (?:application|candidacy|profile|resume|cv)"
        r" and (?:has |have )?decided not to\b",
        r"(?:\bnot|n't)\s+(?:going\s+to\s+)?(?:be\s+)?(?:able\s+to\s+)?(?:bring|take)\s+you\s+"
        r"on(?:board)?\b",
        r"(?:\b(?:will not|are not|not)|n't) (?:be |going to |to )?(?:mov(?:e|ing)|going|tak(?:e|ing) (?:it|this|"
        r"things|your application)) (?:any )?(?:ahead|forward|further)"
        r"(?=\s*(?:[,.;!—–-]|but\b|at this (?:time|stage|point)\b|for now\b|$))",
        r"\b(?:selected|chosen|pursuing|pursue|hired|chose|picked|shortlisted|progressing|"
        r"prioriti[sz]e|prioriti[sz]ing)\s+(?:other\s+)?"
        r"(?:candidates|applicants|people|profiles)\s+(?:whose|who|with|that)",
        r"\bclos(?:e|ing|ed)\b.{0,50}?\bapplications?\b.{0,30}?\b(?:yours|including yours)\b",
        r"\bfilled (?:all (?:of )?)?(?:our|the) (?:\w+ )?(?:places|positions|roles|spots|vacancies|"
        r"openings)|\b(?:we've|we have|we)\s+(?:actually\s+|now\s+|just\s+|already\s+)*filled (?:the|this|that) "
        r"(?:[\w-]+ ){0,4}?(?:role|position|vacancy|opening|job|spot|post)\b",
        r"\b(?:pursue|pursuing|proceed(?:ing)? with|focus(?:ing)? on|move forward with|"
        r"interview(?:ing)?) (?:other )?(?:candidates|applicants|profiles) (?:whose|who|that|with|based|"
        r"from|located|already)",
        r"\bclos(?:e|ing) (?:out )?your (?:application|candidacy)|\byour (?:application|candidacy) "
        r"(?:has been|was|is now) closed\b",
        r"\b(?:decided?|decision|had to decide) not to (?:fill|recruit (?:for|to)|go ahead with) "
        r"(?:the|this|that) (?:[\w()-]+ ){0,4}?(?:post|position|role|vacancy|job)\b",
        r"\boffer(?:ed|ing)? (?:the|this|that)\b.{0,50}?\bto (?:another|a different|an? other|"
        r"someone|an internal|the other|a candidate|an applicant|a colleague)",
        r"\byour (?:application|candidacy|profile) (?:will|has|is|shall|does|did)?\s*(?:not|no longer)"
        r"\s+(?:be\s+|been\s+)?(?:proceed|progress|move|go|advance|progressed|considered|taken|moving)",
        r"\bpass on (?:moving|advancing|progressing|taking) you",
        r"(?:\bnot|n't)\s+(?:been\s+)?able\s+to\s+include\s+you\b|\b(?:all (?:the )?|the )(?:places|"
        r"positions|spots|slots|roles) (?:went|have gone|were given) to\b",
        r"(?:\b(?:not|unable|not able|not in a position)|n't)\s+(?:going\s+)?(?:to\s+)?(?:be\s+)?"
        r"(?:able to\s+)?"
        r"(?:extend(?:ing)?|mak(?:e|ing)|offer(?:ing)?)\s+(?:you\s+)?(?:an?\s+|the\s+)?"
        r"(?:[\w,()&/-]+\s+){0,8}?(?:offer|position|role|job|place|placement|post|spot|transfer|"
        r"contract|assignment)s?\b",
        r"(?:\b(?:did|have|has)\s+not|n't)\s+score(?:d)?\s+(?:highly\s+|high\s+|well\s+)?enough\b",
        r"(?:\bnot|n't)\s+(?:be\s+)?invit(?:e|ing)\s+you\s+(?:to|for|back)",
        r"continue (?:the|our) search\b.{0,60}?without you",
        r"\b(?:declin\w+|turn(?:ed|ing)? down|reject\w*|pass(?:ed)? on)\s+your\s+(?:application|"
        r"candidacy|profile|submission|resume|résumé|cv)\b",
        r"\byour (?:submission|application|candidacy|profile)\b.{0,40}?\b(?:has been|was|were) "
        r"(?:declined|rejected|turned down)\b",
        r"\b(?:don't|do not) think (?:we're|we are|you're|you are|it's|this is) (?:the |a )?(?:right|"
        r"good) (?:fit|match)",
        r"\b(?:you|your (?:application|candidacy|profile|cv|resume|résumé))\s+(?:(?:have|has|were|was|"
        r"are|is|had|will)\s+)?(?:not|\w*n't)\s+(?:been\s+|be\s+)?(?:selected|successful|shortlisted|"
        r"chosen|progressed)",
        r"\bnot (?:been )?(?:found|deemed|considered) suitable\b",
        r"\b(?:it's|it is) a no\b|\byours included\b|\bincluding yours\b",
        r"\b(?:status|outcome|result):?\s*(?:not progressing|not selected|rejected|unsuccessful|"
        r"declined)\b|\bstatut ?: ?non "
        r"retenue?\b|\bstatus: (?:abgelehnt|abgesagt|absage|afgewezen)\b|\bestado(?: de (?:tu|su) candidatura)?: (?:descartad[oa]|no seleccionad[oa])\b",
        r"\b(?:but|and) (?:was|were|has|have) not (?:been )?(?:selected|shortlisted|successful|"
        r"progressed)",
        r"\b(?:it's|it is|this is) not (?:a|the right) (?:match|fit)\b",
        r"\bno (?:incluir|considerar|seleccionar|continuar con)\s+(?:su|tu) candidatura",
        r"\b(?:go|went|gone|going) (?:in )?(?:another|a different) (?:way|direction)\b",
        r"\b(?:can't|cannot|can not|won't|will not|unable to|not able to|not in a position to)"
        r" (?:put|submit) you forward\b|\bdon't think (?:i|we) can (?:put|submit) you forward\b",
        r"\b(?:you applied (?:to|for)|you've applied (?:to|for)|you interviewed for)"
        r" (?:has|have) (?:now |since |already )?been (?:filled|closed|cancell?ed)",
        r"\b(?:n'|ne )\w*\s+(?:donc\s+|malheureusement\s+)?pas\s+(?:\w+\s+){0,3}donner (?:une )?suite",
        r"\bniet (?:te )?(?:weerhouden|geselecteerd|gekozen)\b",
        r"\b(?:vacante|puesto|posición|plaza)\b.{0,60}?\b(?:está|ha sido|fue|quedó|ha quedado|se ha|se)\s+"
        r"(?:cubiert|ocupad|cerrad)",
        r"\b(?:have been|were|was|are|been)\s+unsuccessful",
        r"\bno longer (?:recruiting|hiring|available|open|considering)",
        r"\bnot (?:been )?placed on the (?:panel|shortlist|reserve list)\b",
        r"\bregret(?:fully)? to (?:inform|tell|let|advise)",
        r"\b(?:doesn't|does not|didn't|did not) (?:match|align|fit) closely enough",
        r"\boff the table\b|\bdidn't come through\b",
        r"\bnot (?:a|the) (?:strong enough |close enough )?(?:fit|match) for (?:this|the|our)",
        # German
        r"\b(?:für|mit)\s+(?:eine[nmr]?\s+)?(?:andere[nmr]?\s+)?(?:kandidat\w*|(?:mit)?bewerber\w*|"
        r"jemand\w*|person|kolleg\w*)\b.{0,80}?(?:entschieden|besetzen|entscheiden|weiter)|\bfür (?:wen|"
        r"jemand\w*) (?:anderen|anders)\b",
        r"\bentschieden\b.{0,60}?\b(?:mit|an|für)\s+(?:eine[nmr]?\s+)?andere[nmr]?\s+\w+",
        r"\bwird es (?:also |dann )?leider nichts",
        r"\bnehmen\b.{0,40}?\bdoch (?:den|die|einen|eine) (?:kollegen|kollegin|internen)\b",
        r"\blassen wir(?:'s| es) mit der (?:stelle|position)\b|\b(?:stelle|position) besetzen wir\b"
        r".{0,30}?\bnicht\b",
        r"\b(?:ihnen|dir|euch) kein (?:angebot|vertragsangebot|jobangebot) zu (?:machen|unterbreiten)\b"
        r"|\bkeinen positiven bescheid\b",
        r"\bgegen (?:eine |die )?(?:weiterführung|fortsetzung|weitere berücksichtigung)\b.{0,30}?\b"
        r"(?:kandidatur|bewerbung)",
        r"\b(?:position|role|job|vacancy|spot) (?:is|has) (?:already )?(?:gone|been taken)\b",
        r"(?:\bnot|n't) be (?:proceeding|moving forward|progressing|going ahead) with (?-i:[A-Z])[\w'-]+ "
        r"(?:for|on|to|at|any further)\b",
        r"\b(?:wird|werden|möchten|können)\b.{0,30}?\bnicht (?:zu[mr]? )?(?:einem |einer )?(?:weiteren |"
        r"zweiten |nächsten )?\w*(?:gespräch|interview)\w*"
        r"\b.{0,60}?\beinladen|\bbesetzen die (?:stelle|position) (?:intern|mit)\b|"
        # "dass wir dich nicht zu unserem Auswahltag einladen können"
        r"(?<!noch )\bnicht zu[mr]? (?:unserem |unserer |einem |einer )?(?:\w+ )?(?:auswahltag|"
        r"assessment[- ]?cent(?:er|re)|kennenlerntag|\w*gespräch|interview)\w* einladen\b",
        r"\b(?:stelle|position)\b.{0,80}?\bnicht anbieten\b",
        # "al final no sale lo de incorporarte a la clínica", as a clinic's owner writes it
        r"\bno (?:sale|va a salir|salió|ha salido) lo de (?:incorporarte|contratarte|tu "
        r"incorporación|tu contrato|la plaza|el puesto)\b",
        # no offer after an assessment centre; no contract offered, the application closed
        r"\b(?:ihnen|dir|euch)\b.{0,30}?\bkein(?:en)? (?:\w+)?angebot (?:unterbreiten|machen|geben)\b",
        r"\b(?:kunnen|zullen) (?:je|u|jou) (?:\w+ ){0,2}?geen (?:\w+ )?(?:dienstverband|functie|"
        r"contract|baan|plek|plaats|aanstelling|arbeidsovereenkomst|aanbod)\b.{0,60}?\baanbieden\b|"
        r"\bsluiten (?:je|uw|jouw) sollicitatie\b.{0,40}?\baf\b",
        # the post withdrawn: "und die Stelle nicht besetzt", "Ihre Bewerbung ... hinfällig"
        r"\b(?:stelle|position)\s+(?:wird\s+)?(?:vorerst\s+|derzeit\s+)?nicht\s+(?:mehr\s+|neu\s+)?"
        r"besetzt\b|\bbewerbung\b[^.]{0,40}?\bhinfällig\b",
        r"\bnicht mit (?:ihnen|dir)\s+(?:fortzusetzen|fortsetzen|weiterzugehen|weiter)",
        r"\b(?:stellen?|position)\b.{0,60}?(?<!nicht )\b(?:vergeben|besetzt)\b",
        r"\b(?:nicht|keine)\s+(?:weiter\s+)?berücksichtig",
        r"\bnicht\s+(?:weiter\s+)?(?:verfolgen|fortsetzen|weiterverfolgen|berücksichtigen)",
        r"\b(?:stelle|position|vakanz)\s+(?:ist|wurde|wurden|konnte)\s+(?:bereits\s+|inzwischen\s+)?"
        r"(?:besetzt|vergeben|anderweitig)",
        r"\bnicht in die (?:nächste|engere)|\b(?:eine\s+)?absage\b|\b(?:ihnen|dir|euch)\b.{0,20}?\babsagen\b|\babsagen (?:müssen|mussten)\b",
        # French
        r"\b(?:retenu|choisi|sélectionné|privilégié|opté pour|préféré)\w*\s+(?:une autre|un autre|"
        r"d'autres|quelqu'un|un profil|une candidature|le profil d'un)",
        r"\bautres?\s+(?:candidature|candidat|profil)\w*",
        r"\bne\s+(?:pas\s+|pouvons pas\s+|sommes pas en mesure de\s+|pourrons pas\s+|"
        r"souhait\w+ pas\s+)?(?:donner (?:une )?suite|retenir|poursuivre)",
        r"\b(?:attribuée?|confiée?|proposée?)\s+à\s+(?:une? autre\b|quelqu'un d'autre)",
        r"\b(?:fait le choix d'|préféré miser sur |misé sur )(?:un|une)\s+(?:autre\s+)?"
        r"(?:candidat|profil|personne)",
        r"\bne (?:vous )?(?:proposerai|proposerons|proposons|va|vais|allons|vont) (?:donc )?pas "
        r"(?:vous proposer )?(?:de |d')(?:second |deuxième |nouvel |autre )?(?:rendez-vous|entretien)",
        r"\bne (?:vont|va|allons|irons|vais) pas (?:plus loin|au-delà) avec (?:vous|toi|votre|ta)\b",
        r"\b(?:pas|ne) (?:été |pas été )?(?:retenue?s?|(?:pré)?sélectionnée?s?)\b",
        r"\bposte (?:a été|est|a déjà été) (?:pourvu|attribué|comblé)",
        # ... as a chef or a restaurant owner writes it
        r"\b(?:place|mission|job)\b.{0,80}?\b(?:est|a été) (?:déjà |finalement )?(?:prise|pourvue?)\b|"
        r"\b(?:on a|nous avons|j'ai|le client a|ils ont) (?:finalement )?(?:trouv[ée]|pris|embauch[ée]|recrut[ée]) "
        r"(?:qqn|quelqu'un|notre (?:cuistot|cuisinier|chef|commis|candidat\w*)|une? autre)\b",
        r"\bne (?:vais|va|allons|pourrai|pourrons|peux|pouvons) (?:donc )?pas (?:te|vous) proposer "
        r"(?:la place|le poste|le job|de contrat)\b",
        r"\bne (?:va|vais|allons|pourrons|pouvons) (?:donc )?pas (?:pouvoir )?(?:te|vous) (?:prendre|"
        r"embaucher|engager|recruter)\b",
        r"\b(?:part|partons) (?:finalement )?sur (?:quelqu'un|une? autre|un profil)\b",
        r"\bn'(?:engage|embauche|recrute)(?:ons)? personne\b|\bde ne pas recruter\b|\bsuspendre (?:tous )?"
        r"les recrutements\b|\b(?:bouclé|complété) (?:la|notre) (?:brigade|équipe)\b|\brecruté en interne\b",
        r"\bne correspond (?:pas|plus)",
        r"\bclôtur\w* (?:donc )?(?:la|cette) (?:procédure|campagne de recrutement)\b",
        r"\boffer(?:ed|ing)? (?:it|the (?:role|position|job|post)) to (?:the|a|an|another) [\w-]+ "
        r"(?:who|who's|whose)\b",
        r"\b(?:entscheidung|entschieden) für (?:eine|einen) (?:andere[nr]? )?(?:kollegin|kollegen|"
        r"kandidat\w*|bewerber\w*|person)\b",
        r"\bne (?:va|vont|pourrons|pouvons|peux|pourrai) pas (?:pouvoir )?(?:aller plus loin|continuer|"
        r"poursuivre) avec (?:toi|vous)\b",
        r"\bne (?:l[ae] |vous |te )?(?:retiendrons|retenons|pourrons retenir|poursuivrons) pas\b|\bne (?:donnerons|donnons|"
        r"pourrons donner)(?: donc)? pas (?:de )?suite\b|\bpoursuivre avec d'autres (?:candidat|profil)",
        r"\bconfi\w* (?:le|ce) poste\b.{0,60}?\b(?:une? (?:autre )?personne|quelqu'un|"
        r"un autre|une autre)|\bconfi\w* (?:la|cette) (?:fonction|mission)\b.{0,80}?\bà (?:une? |quelqu'un)",
        # Spanish
        r"\b(?:optamos|optado|elegimos|eligió|eligieron|elegido|seleccionamos|seleccionado|decidimos|"
        r"decidido)\s+(?:por\s+|continuar con\s+|seguir con\s+|avanzar con\s+)?(?:a\s+)?(?:otro|otra|"
        r"otros|otras)\s+(?:candidat|perfil|persona|postulante)|\b(?:decidido|decidimos|optado|optamos) por "
        r"(?:un|una) (?:perfil|candidat\w*|persona)\b",
        r"\b(?:candidatura|postulación|solicitud) (?:ha sido |fue )?descartad[ao]\b|\b(?:candidatura|"
        r"postulación) no (?:continuará|seguirá|avanzará|va a (?:continuar|seguir|avanzar))\b|\b(?:nos vamos|vamos|nos quedamos|seguimos|"
        r"continuamos) con otr[oa] (?:perfil|candidat\w*|persona)\b|\bno (?:ha sido|es|será) posible "
        r"contar con(?:tigo|usted)\b|\bdecantado por (?:una? |otr[oa] )(?:persona|perfil|candidat\w*)",
        r"\bno\s+(?:seguiremos|continuaremos|avanzaremos|vamos a (?:seguir|continuar|avanzar)|"
        r"podremos (?:seguir|continuar|avanzar))",
        r"\b(?:decidido|decidió|decidieron|decidimos|han decidido|preferimos|optamos por)\s+no\s+"
        r"(?:avanzar|"
        r"continuar|seguir|cubrir|"
        r"ocupar|contratar)",
        r"\b(?:quedado|sido) cubiert|\botra persona\b|\bno encaja",
        r"\bpuesto (?:ha sido|ya ha sido|fue) (?:cubierto|ocupado|cerrado)",
        r"\b(?:candidatura|postulación|perfil|hoja de vida|cv)\b.{0,20}?\bno (?:quedó|fue|ha sido|resultó) "
        r"(?:incluid[oa]|(?:el |la )?elegid[oa]|preseleccionad[oa])\b|\b(?:se inclinó|se "
        r"inclinaron|vamos a ir|van a ir|quedarnos|nos quedamos) (?:por|con) (?:alguien|un[oa]? (?:otr[oa] )?"
        r"candidat\w*|el otro finalista|la otra finalista|otr[oa])\b",
        r"\bno (?:ha sido posible|es posible|veo que|vemos que|creo que|creemos que) encaj\w*|"
        r"\bno seguimos (?:adelante )?contigo\b",
        r"\b(?:plaza|puesto|vacante|posición)\b.{0,60}?\bya (?:la|lo) (?:hemos|han) (?:cubierto|"
        r"ocupado|cerrado)|\bcerrad[oa] (?:la|el) (?:posición|puesto|vacante|proceso)\b.{0,50}?\bcon "
        r"otr[oa]s? ",
        # Dutch
        r"\bgekozen voor een andere [\w-]*(?:kandida\w*|professional|sollicitant|persoon|collega|"
        r"medewerker)|\b(?:je|jij|u) (?:valt|vallen) (?:helaas )?af\b|\bniet met (?:jou|je|u) (?:voort te "
        r"zetten|voortzetten|door te gaan|doorgaan)\b",
        r"\b(?:gekozen|gaan|gegaan|kiezen|kiest|koos|kozen|besloten|verder)\b.{0,40}?\b(?:voor|met)\s+(?:een\s+)?"
        r"(?:(?:andere|interne|externe)\s+kandida\w*|iemand)",
        r"\b(?:procedure|sollicitatie|sollicitatieprocedure)\b.{0,20}?\b(?:stopt|eindigt)\b",
        r"\bniet (?:in)?gaan op (?:uw|je|jouw) (?:kandidatuur|sollicitatie)\b",
        r"\bstop(?:pen)? (?:ik|we|wij) (?:hier |nu )?(?:de|deze) (?:procedure|sollicitatie(?:procedure)?)\b",
        # "Daarom stoppen we na dit gesprek met de procedure; een uitnodiging volgt dus niet."
        r"\bstop(?:pen)? (?:ik|we|wij) (?:\w+ ){0,4}?met de (?:procedure|sollicitatie(?:procedure)?)\b",
        r"\buitnodiging (?:\w+ ){0,6}?volgt (?:dus |daarom )?niet\b",
        # a salon owner's Flemish: "ik ga niet met u in zee", "ik ga het toch met haar proberen"
        r"\b(?:ga|gaan|gaat) niet met (?:u|je|jou|jullie) in zee\b|\bik ga het (?:toch |dan |liever )?met "
        r"(?:haar|hem|iemand anders) proberen\b",
        r"\b(?:plaats|job|functie|vacature|plek)\b.{0,60}?\baan iemand anders (?:te )?(?:geven|gegeven)\b",
        r"\bfür\s+(?:eine[nmr]?\s+|zwei\s+|drei\s+)?andere[nmr]?\s+[\w-]+\s+entschieden\b",
        r"\bnothing (?:i|we) can offer you\b",
        r"\b(?:kan|kunnen) (?:ik|we|wij) (?:je|u) (?:dus |helaas |jammer genoeg )?geen (?:plaats|functie|baan|"
        r"job|contract|aanbod) (?:aanbieden|geven)\b",
        r"\b(?:niet|geen)\s+(?:verder|door)\b(?!\s+(?:met (?:het|de) (?!sollicitatie|procedure)|lastig|dan\b))",
        r"\bvoor (?:een )?(?:iemand|(?:andere|interne|externe) kandida\w*)\b.{0,50}?\b(?:gegaan|gekozen)|"
        r"\b(?:kiezen|kozen|gekozen) (?:we |wij )?(?:uiteindelijk )?voor (?:een )?(?:andere |interne )?"
        r"kandida(?:at|te)\b",
        r"\bafgewezen\b|\bafwijzing\b|\bniet geslaagd\b|\bniet opgenomen in de (?:wervings)?reserve",
        r"\b(?:vacature|functie|rol)\b.{0,60}?\b(?:is|werd)\s+(?:inmiddels\s+|al\s+)?(?:ingevuld|"
        r"vervuld|gesloten)",
    )
    + _rules(
        "reject",
        2.5,
        r"\b(?:another|other) (?:candidate|applicant|finalist)s?'?s?’?s? (?:background|experience|"
        r"profile|skills|qualifications)|\bandere kandida\w*",
        r"\bmore closely (?:aligns?|matche[sd]|fits?|meets?)|\bcloser (?:match|fit|alignment) (?:to|for|with)",
        r"\b(?:was|is|it's|it was) (?:a |an )?(?:very |really )?close (?:one|second|call|decision)",
        r"\bnot the (?:news|outcome|result) (?:you|anyone|we|i)\b|(?:\bnot|n't) (?:better|the) news\b|\bpas (?:de |une )?bonnes? nouvelles?\b|\bnot what you (?:were )?hoping",
        r"\bkeep your (?:details|cv|resume|résumé|information|profile) on (?:file|record)",
        r"\bclose the loop\b|\bdidn't go your way\b|\bhard call\b",
        r"\b(?:we're|we are|we will|we'll|going to) (?:keep|continue) (?:looking|searching)\b|"
        r"\bcontinue (?:our|the) search\b",
        r"\b(?:put|placed) (?:the|this) (?:hire|role|position|search) on hold\b",
        r"\bhiring freeze\b|\bgel des (?:recrutements|embauches)\b|\beinstellungsstopp\b|\bvacaturestop\b|"
        r"\bhaushaltssperre\b|\b(?:besetzungs|auswahl)verfahren\b.{0,60}?\b(?:ausgesetzt|eingestellt)\b|"
        r"\b(?:functie|vacature)\b.{0,40}?\bte vervallen\b|\bzonder iemand aan te nemen\b|"
        r"\bcongelaci[oó]n de (?:contrataciones|plazas|vacantes)\b|\bclôtur\w* (?:la|le) (?:procédure|"
        r"processus) (?:en cours|de recrutement)\b",
        r"\b(?:did|does) not meet (?:the|our) (?:threshold|requirements|criteria|bar)\b",
        r"\bstatus (?:has been )?(?:updated|changed) to \W?not selected",
        r"\b(?:i'm|i am|we're|we are) (?:so |really |very |truly )?sorry "
        r"(?:to (?!keep you|have kept)|that (?!it took)|it(?! took| has taken))",
        r"\bnicht leicht ?gefallen|\bschwere entscheidung|\bleider\b|\bbedauerlicherweise\b",
        r"\bhätte?n?'? (?:dich|sie|ihn) (?:so )?gern(?:e)? (?:dabei|im team|an bord)\w*",
        r"\bmalheureusement\b|\bd[ée]sol[ée]e?\b|\bnavrée?\b|\blamentablemente\b|\bdesafortunadamente\b|\bhelaas\b|"
        r"\bmoet(?:en)? (?:we|wij|ik) (?:je|jou|u) (?:helaas )?teleurstellen\b|\bjammer genoeg\b|\bsiento\b|"
        r"\besta vez no (?:puede|pudo|ha podido) ser\b|\bsentimos (?:mucho|informar|comunicar)|\blamentamos\b",
        r"\bcerra(?:r|mos) el proceso(?: de selección)?\b|\bclos(?:e|ing) the (?:recruitment|search|"
        r"process|vacancy)\b",
    )
    + _rules(
        "reject",
        1.5,
        r"\bunfortunately\b|\bregrettably\b|\bi'm afraid\b",
        r"\bafter (?:careful|much|thorough|long|a lot of) (?:consideration|review|deliberation|"
        r"discussion)",
        r"\b(?:difficult|tough|hard) decision",
        r"\b(?:many|large number of|high number of|number of|overwhelming)\s+(?:strong|qualified|"
        r"talented|excellent|impressive)?\s*(?:applicants|candidates|applications|response)",
        r"\b(?:wish|wishing) you (?:the )?(?:best|every success|all the best|luck|success)",
        r"\b(?:best of luck|good luck|every success) (?:in|with) (?:your|the)",
        r"\bviel erfolg|\balles gute|\bbonne continuation|\bbeaucoup de succès|\bmucho éxito|"
        r"\bsuerte en|\bveel succes",
    )
    # Ways to say no that recruiters use in each language, written from how people write them
    # rather than from any one split's misses: unseen mail kept bringing phrasings like these.
    + _rules(
        "reject",
        4.0,
        # others chosen, and the candidate not among them ("Tu perfil no está entre ellas"); not
        # "if you are not among them, ..." as an acknowledgement warns
        r"(?<!\bif )(?<!\bsi )\b(?:you are|you're|you were|yours is|yours was|your (?:application|"
        r"profile|cv|name) (?:is|was)) not (?:one of them|among (?:them|(?:those|the (?:candidates|"
        r"applicants|people|profiles)) (?:selected|chosen|shortlisted|invited)|the (?:successful|"
        r"selected|shortlisted) (?:candidates|applicants)))\b",
        r"(?<!\bsi )\b(?:tu|su) (?:perfil|candidatura|cv|nombre) no (?:está|estaba|se encuentra|figura) "
        r"entre (?:ell[oa]s|l[oa]s (?:seleccionad|elegid|finalist|candidat)\w*)",
        r"(?<!\bfalls )(?<!\bwenn )\b(?:sie|du) (?:sind|bist|waren|warst) (?:\w+ )?nicht darunter\b",
        r"(?<!\bals )(?<!\bindien )\b(?:u|je|jij) (?:bent|was|zit|zat) er (?:\w+ )?niet bij\b",
        # German, Dutch, French and Spanish: the choice fell on someone else, to their favour
        r"\b(?:wahl|auswahl|entscheidung) (?:ist |fiel |hat sich )?(?:\w+ ){0,3}?(?:auf|zugunsten) "
        r"(?:(?:eine[nrs]?|die|den) (?:andere[nr]?\s+)?|andere[nr]?\s+)(?:person|kandidat\w*|"
        r"(?:mit)?bewerber\w*|profil|dossier)\b|\bkeinen (?:günstigeren|positiven|anderen) bescheid\b",
        r"\bzugunsten (?:eine[rs]|des|der) (?:anderen\s+)?(?:kandidat\w*|(?:mit)?bewerber\w*|"
        r"person|profils|dossiers)\b",
        r"\bkeuze is (?:\w+ )?(?:gevallen|uitgekomen) op (?:een |de )?(?:andere|iemand|collega|"
        r"kandida)",
        r"\b(?:décision|choix|réponse) (?:ne va|n'est|ne s'est) pas (?:fait )?(?:allée? )?dans "
        r"(?:votre|ton) sens\b",
        r"\bno (?:vamos a|podremos|podemos|va a ser posible) contar con(?:tigo|usted)\b",
        r"\b(?:elección|decisión) (?:ha recaído|recayó|se ha decantado) (?:en|por) (?:otr[oa]|"
        r"un[oa]? (?:candidat|perfil|persona))",
        r"\b(?:candidatura|perfil|postulación) no (?:ha pasado|ha avanzado|ha superado|pasa|avanza) "
        r"(?:a |de )?(?:la )?(?:siguiente |próxima |última )?(?:fase|etapa|ronda)",
        r"\bno (?:te|le) (?:ha|han) (?:incluido|seleccionado|elegido|escogido)\b",
        r"\b(?:ha|han|hemos) descartado (?:tu|su) candidatura\b",
        r"\b(?:queda|quedas|ha quedado|has quedado) eliminad[oa](?:/a)? del proceso\b|\bcalificad[oa]"
        r"(?:/a)? como no apt[oa]\b",
        r"\bno (?:hacerte|hacerle|haceros) perder más tiempo\b",
        r"\b(?:preferido|prefirió|prefieren|prefiere) a (?:otr[oa]s?|un[oa]? (?:candidat|perfil|persona))",
        r"\bcerramos (?:aquí |así )?(?:tu|su) participación\b|\bcerrado el proceso\b.{0,60}?\bsin "
        r"(?:tu|su) candidatura",
        r"\bnos (?:quedamos|hemos quedado) con (?:una? (?:chica|chico|persona|candidat\w*|perfil)\b|"
        r"alguien\b)",
        r"\bno (?:siguen|sigue|seguimos|continúan|continuamos|avanzan|avanzamos) (?:adelante )?"
        r"(?:contigo|con usted|con (?:tu|su) candidatura)",
        r"\bno (?:hemos podido|podemos|podremos|vamos a poder) ofrecer(?:te|le) (?:el puesto|la "
        r"(?:posición|plaza|vacante))",
        r"\bno (?:resultó|resultaste|ha resultado|has resultado|habiendo resultado|fue|fuiste|quedó|"
        r"quedaste|ha quedado|has quedado) (?:usted )?(?:seleccionad[oa]|ganadora?|propuest[oa])\b",
        r"\bha propuesto (?:para (?:la|el) (?:plaza|puesto|contrato) )?a otr[oa] (?:candidat[oa]|"
        r"persona|aspirante)\b",
        r"\b(?:proceso|concurso)\b.{0,20}?\b(?:concluye|termina|cierra|se cierra|concluyó|terminó) "
        r"sin contratación\b",
        r"\b(?:eligieron|escogieron|seleccionaron|contrataron|eligió|escogió|contrató) a (?:alguien|"
        r"otr[oa]\b|otra persona)",
        r"\bgo(?:ing|nna)? (?:w/|with) (?:someone|somebody|another|an? (?:internal|local|other))\b",
        r"\b(?:sie|dich)\b.{0,60}?\bnicht zu[mr]? (?:\w+ )?(?:vorstellungs|bewerbungs|auswahl)?"
        r"(?:gespräch|interview)\w* einladen",
        r"\bmit (?:dir|ihnen|euch)\b.{0,30}?\bnicht (?:so )?zusammen(?:passt|passen)\b",
        r"\bnicht (?:zu dem|zum|in den) kreis der\b",
        r"\b(?:position|stelle)\b.{0,60}?\bnicht zu besetzen\b|\bverfahren ist (?:damit|somit) "
        r"(?:für alle \w+ (?:und \w+ )?)?beendet\b",
        r"\b(?:keine freie stelle|keine stelle frei)\b.{0,80}?\b(?:keine beschäftigung|nicht) anbieten\b",
        r"\b(?:nemen|namen) (?:je|jou|u) (?:\w+ ){0,2}?niet mee (?:in|naar)\b",
        r"\bhet is (?:niet (?:jij|jou|u)|iemand anders|(?:de|een) andere \w+) geworden\b",
        r"\bniet aan (?:jou|u) (?:te )?gunnen\b|\bniet met (?:je|jou|u) aan te gaan\b|\bgaan het niet "
        r"met (?:je|jou|u) aan\b",
        r"\b(?:niet|geen) in aanmerking (?:komt|komen|kwam|kan komen)\b",
        r"\b(?:koos|kozen|kiezen|gekozen) (?:\w+ ){0,2}?voor (?:de|een) andere (?:kandida\w*|finalist|"
        r"sollicitant|persoon)\b|\bkiezen (?:toch|uiteindelijk|daarom) voor (?:de|een) (?:kandida\w*|"
        r"sollicitant|finalist|persoon)\b",
        r"\b(?:decided|decision|chosen|opted|going) to (?:hire|recruit|promote|appoint|fill (?:the|this) "
        r"(?:role|position|vacancy|post)) (?:internally|from within)\b",
        r"\b(?:have|'ve|has) (?:now |since |already )?appointed (?:internally|an internal "
        r"(?:candidate|applicant))\b",
        r"\b(?:role|position|job|post|vacancy|opening)\s+(?:went|has gone|had gone|was given|has been "
        r"given|was offered|has been offered)\s+to\s+(?:someone|somebody|another|an? (?:internal|"
        r"external|other)|a (?:candidate|colleague|person)|the other)",
        r"\bdecided against (?:moving|proceeding|progressing|taking|going|continuing|advancing|"
        r"offering|inviting|your)",
        r"(?:\b(?:not|never)|n't) (?:quite )?(?:make|made) it (?:through )?(?:to|into|past|beyond|onto) "
        r"(?:the |our )?(?:next|final|interview|second|shortlist)|(?:\bnot|n't) make (?:the|our) "
        r"(?:shortlist|cut|final)",
        r"(?:\b(?:not|never)|n't) (?:pass|passed|get through|got through|clear|cleared) (?:the |our |"
        r"this |your )?(?:[\w-]+ ){0,2}?(?:screening|assessment|test|stage|round|interview|selection)",
        r"\b(?:other|another|stronger|more suitable) (?:applicants?|candidates?|profiles?) "
        r"(?:(?:are|were|was|is) )?(?:better|more closely|more) (?:suited|matched|aligned|qualified)",
        r"(?:\b(?:does|did) not|n't) (?:quite )?(?:match|meet|fit) (?:what|the profile|the "
        r"requirements|our requirements|the criteria|our criteria)|(?:\bnot|n't) (?:quite |exactly )?"
        r"(?:what|who) (?:we are|we're|we were|they are|they're|they were|the (?:client|team) (?:is|"
        r"was)) looking for",
        r"(?:\bnot|n't) (?:going to be |be |quite )?(?:a|the right|the best|a good|a strong) "
        r"(?:match|fit)\b",
        r"\bdiscontinu\w* (?:your|the) (?:application|candidacy)|\b(?:application|candidacy) (?:has "
        r"been|was|is) discontinued",
        r"\b(?:decided|chosen|opted|going) to (?:interview|progress|proceed with|shortlist|take "
        r"forward) (?:other|different|more experienced|stronger)",
        r"\b(?:have|'ve|has) (?:now |since |already )?(?:appointed|recruited|hired) (?:to|for|into) "
        r"(?:the|this|that) (?:[\w&()-]+ ){0,4}?(?:post|role|position|vacancy|job)\b",
        r"(?:\b(?:not|unable to|not able to)|n't)\s+(?:be\s+)?(?:offer(?:ing)?|giv(?:e|ing))\s+"
        r"you\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:interview|place|contract|opportunity)",
        r"(?:\bnot|n't)\s+(?:to\s+|be\s+)?(?:shortlist(?:ed|ing)?|select(?:ed|ing)?|"
        r"progress(?:ed|ing)?)\s+(?:you|your)\b",
        # German
        r"\bgegen (?:ihre|deine) (?:bewerbung|kandidatur)|\bgegen (?:sie|dich) entschieden|\bgegen "
        r"eine (?:weitere )?zusammenarbeit|\banders entschieden\b|\bden vorzug\b",
        r"\bpassender\w*\s+(?:kandidat|bewerber|person|profil)\w*|\binterne(?:n)? lösung\b|"
        r"\bintern (?:nach)?besetz",
        r"\b(?:können|könnten|konnten|werden)\s+(?:wir\s+)?(?:ihnen|dir|euch)\s+(?:leider\s+|daher\s+)*"
        r"(?:(?:für|auf) (?:diese|die|eine) \w+\s+)?(?:keine|kein)\s+(?:zusage|angebot|positive)",
        r"\b(?:profil|erfahrung\w*|qualifikation\w*|bewerbung)\b.{0,40}?\b(?:passt|passen|entspricht|"
        r"entsprechen)\b.{0,20}?\bnicht\b|\bbewerbung\b.{0,40}?\bnicht (?:erfolgreich|berücksichtigt)",
        # French
        r"\b(?:avons|sommes au|suis au|ai) (?:le )?regret\b|\b(?:réponse|suite|avis|issue|retour) "
        r"(?:\w+ )?(?:n[ée]gati(?:ve|f)|défavorable)",
        r"\b(?:n'a|n'ont) pas (?:pu )?abouti|\bpas été concluante?s?\b|\bpas (?:aller|poursuivre|"
        r"continuer) plus loin",
        r"\b(?:attribuée?|pourvue?|confiée?) en interne|\bne (?:répond|satisfait|répondez) (?:pas|plus)"
        r"|\bnotre choix s'est porté",
        r"\bne (?:pouvons|pourrons|sommes) (?:malheureusement |donc )?pas (?:en mesure de )?(?:vous|te) "
        r"(?:faire une offre|proposer|offrir|retenir)",
        # Spanish
        r"\b(?:seguir|continuar|avanzar|adelante|proceso)\b.{0,30}?\bcon otr[oa]s? (?:candidat\w*|"
        r"perfil\w*|persona\w*|postulante\w*)\b|\binclinado por (?:otr|una? )",
        r"\bno (?:has|ha|han) resultado (?:seleccionad|elegid|finalista)|\bno se (?:ajusta|adecua|"
        r"adecúa|corresponde)|\bno (?:podemos|podremos|vamos a poder|es posible) ofrecer(?:te|le)? "
        r"(?:(?:el|la|este|esta|un|una) )?(?:puesto|plaza|posición|trabajo|contrato|oferta)",
        r"\bno (?:ha|has|han) (?:prosperado|superado|avanzado)\b|\bcubierto (?:la|el) (?:vacante|puesto|"
        r"posición|plaza)",
        r"\b(?:elegido|seleccionado|contratado|escogido|incorporado)\s+a\s+(?:una?|otr[oa])\s+"
        r"(?:candidat|persona|perfil)",
        r"\bno (?:seguirás|continuarás|avanzarás|pasarás|sigue|continúa|continuará|seguirá|avanzará)"
        r"\b.{0,40}?\b(?:proceso|adelante|fase|etapa|siguiente)",
        # Dutch
        r"\bniet (?:uit te nodigen|uitnodigen)\b|\bniet met (?:je|jou|u)\b.{0,20}?\bverder|"
        r"\bkeuze (?:is )?niet op (?:jou|u|je)\b|\bniet geleid tot\b",
        r"\bsluit\w*\b.{0,30}?\bniet (?:\w+ )?aan\b|\bniet (?:goed |voldoende |helemaal )?aansluit",
        r"\b(?:kunnen|kan|zullen|gaan) (?:je|u|jou) (?:helaas )?geen (?:aanbod|contract|plek|plaats|"
        r"baan|functie)",
        r"\bvoorkeur (?:gegeven|geven|gaat|ging) (?:\w+ )?aan (?:een )?(?:andere|iemand)|\bnegatie(?:f|ve) (?:bericht|besluit|beslissing|"
        r"antwoord|advies|uitslag)",
        r"\b(?:gaan|ga|gaat) het niet (?:met (?:je|jou|u) )?doen\b|\bintern (?:in te vullen|invullen|"
        r"ingevuld|vervuld)\b|\bvacature intern in\b|\bgeen (?:passende|geschikte) (?:functie|vacature|"
        r"plek|positie)",
        r"\b(?:geschikte|passende|andere) kandida(?:at|te) (?:gevonden|gekozen|aangenomen)",
        r"\bfound (?:a|the|our) (?:suitable|right|successful) (?:candidate|person)\b",
        r"\b(?:geeignete|passende)n? (?:kandidat|bewerber)\w* gefunden|\btrouvé (?:le|la|un|une) "
        r"(?:candidat|profil)|\bencontrado (?:a )?(?:un|una|el|la) (?:candidat|perfil)",
        # Spanish, French and Irish English as people write them to a candidate
        r"\b(?:se ha|se han|nos hemos|han) ido con (?:alguien|otr[oa]|una? )|\b(?:decidido|decidimos|"
        r"optado|optamos|optó|optaron|decidió|decidieron|decantado|inclinado) por (?:otr[oa]s?|alguien|"
        r"un[oa]s? perfiles|perfiles|candidat\w* (?:que|cuy))",
        r"\b(?:candidatura|postulación|solicitud)\b.{0,80}?\b(?:ha sido|fue|queda) descartad[ao]\b|"
        r"\bprefieren? a alguien\b|\b(?:se lo|lo|se la|la) ha(?:n)? dado a (?:alguien|otr[oa]|una? )",
        r"\b(?:vacature|functie|rol|baan|plek)\b.{0,50}?\b(?:vergeven|ingevuld|vervuld)\b",
        r"\bniet op (?:jou|u|je) gevallen\b|\biemand anders gevonden\b|\bniet de juiste (?:match|kandidaat|persoon|fit)\b|"
        r"\b(?:je|u|jou) geen (?:aanbod|contract|plek) (?:te )?(?:doen|geven|aanbieden)",
        r"\b(?:continuar|seguir|avanzar|quedarnos) con (?:otr[oa]s )?(?:candidat|perfil)\w* (?:cuy[oa]s?|"
        r"que (?:se ajust|encaj))",
        r"\bofrecido (?:el|este|ese) (?:puesto|trabajo|rol) a (?:una?|otr[oa]|alguien)|\bque no seguimos\b",
        r"\b(?:giving|given|gave|give) (?:the|this) (?:job|role|position|post) to (?!you\b)|\b(?:this one|"
        r"it|things) (?:didn't|did not|hasn't|has not) work(?:ed)? out\b",
        r"\b(?:allée?s?|partie?s?) dans une autre direction|\b(?:choisi|retenu|sélectionné) (?:un|une) "
        r"candidat\w* (?:qui|dont)\b",
        r"\bmit (?:der|dem|einer|einem) anderen (?:kandidat|bewerber)\w*|\byour (?:application|candidacy)\b.{0,60}?"
        r"\b(?:was|has been|were) not successful\b|\bdecided not to (?:proceed|progress)\b(?! with (?:the|our) "
        r"(?:interview|call|meeting))|\bwithdraw(?:n|ing)? (?:the|our|your) (?:conditional |job )?offer\b",
        r"\b(?:stelle|position)\b.{0,15}?\bintern\b.{0,60}?\bbesetz|\bexterne (?:besetzung|"
        r"einstellung)\b.{0,30}?\bnicht\b",
        # The same turns of phrase across languages: the choice fell on someone else, a negative
        # answer, other profiles preferred, not counting on you, filed without follow-up.
        r"\b(?:wahl|entscheidung) (?:ist |fiel )?(?:leider )?nicht (?:auf (?:sie|dich)|zu (?:ihren|deinen) "
        r"gunsten)|\bchoix ne s'est pas porté sur|\bno ha recaído (?:en|sobre) (?:ti|usted)",
        r"\bnegative(?:n)? (?:rückmeldung|nachricht|antwort|entscheidung|mitteilung)|\b(?:respuesta|"
        r"resultado|valoración) (?:negativa|negativo|desfavorable)",
        r"\bprivilégi\w* (?:d'autres|des|un autre|une autre|le profil|la candidature) (?:\w+ )?(?:profils?"
        r"|candidat|candidature)|\bprioriz\w* (?:otros|otras|a otr[oa]s?) (?:perfiles|candidat)|"
        r"\banderen (?:bewerb|kandidat|profil)\w* den vorrang",
        r"\b(?:impossibilité|impossible) de donner (?:une )?suite|"
        r"\bno (?:podremos|podemos|vamos a poder) contar con(?:tigo| usted)|\bpas (?:y )?donner (?:une )?"
        r"suite\b|\bclassée? sans suite",
        # a post gone or an offer taken back; said in a line, as a hiring manager texts it
        r"\bnot successful (?:this time|on this occasion)\b",
        r"\b(?:stelle|position)\b.{0,140}?\bist (?:seit \w+ |bereits |inzwischen |nun |jetzt )?"
        r"(?:vergeben|besetzt)\b",
        r"\boffer (?:has|had) (?:now )?(?:been|to be) withdrawn\b|\boffer (?:is being|will be|was) "
        r"withdrawn\b",
        r"\bno (?:te|le|os|les) (?:han|hemos|ha) (?:ofrecido|dado) (?:el|la|este|esta) (?:puesto|plaza|"
        r"trabajo|posición|contrato)\b",
        r"\b(?:apostar|apostado|apostamos|apostó) por (?:una persona|alguien|otr[oa]|un perfil|una "
        r"candidata|un candidato)\b",
        r"\bhas (?:now |already )?been filled (?:internally|by (?:an? |one of|someone))",
        r"\bno (?:ha sido|ha resultado|resulta) incluid[oa] en (?:la|el) (?:relación|lista|listado|"
        r"bolsa)\b|\b(?:figura|aparece|consta) (?:usted )?como excluid[oa]\b",
        r"\bpreferido (?:cubrir(?:la|lo)?|contar|quedarse) (?:\w+ )?con (?:alguien|otr[oa]|una? )",
        r"\b(?:on part|nous partons|on est partis?|nous sommes partis) sur (?:quelqu'un d'autre|une? "
        r"autre)|\ba préféré (?:une?|quelqu'un) ",
        r"\bposte (?:ayant été|étant) (?:déjà )?pourvu\b|\bde ne (?:pas )?pouvoir donner (?:une )?suite "
        r"favorable\b",
        r"\bne (?:retenait|retient|retiendra|retiendrai|retiendrons|retenaient|retiendront) pas (?:votre|ta) "
        r"candidature\b",
        r"\bn'a pas reçu (?:d'avis|de suite) favorable\b|\bavis défavorable\b|\bn'a pas classé (?:votre|ta) "
        r"candidature\b|\bne pourr(?:ez|as) (?:donc )?pas être recrutée?\b",
        r"\baucune? (?:désignation|proposition|affectation) ne (?:vous|te) (?:sera|a été|peut être) "
        r"(?:proposée?|faite|attribuée?)",
        r"\bstatut ?: ?candidature non retenue\b",
        r"\byour application\b.{0,80}?\bhas been unsuccessful\b",
        r"\b(?:queda|ha quedado|resulta|quedando) (?:usted )?eliminad[oa] del proceso\b",
        r"\bno (?:vamos a poder|podemos|podríamos) (?:seguir|continuar|avanzar) con (?:tu|su) "
        r"(?:candidatura|postulación|perfil)\b",
        r"\bcelle-ci n'a pas été retenue\b",
        r"\b(?:isn't|is not|won't be|will not be|not) going ahead for you\b",
        r"\bwe(?:'ve| have) (?:now )?made an appointment\b|\bthe (?:person|candidate|applicant) we(?:'ve| "
        r"have) chosen\b",
        r"\bnot (?:quite )?the right (?:role|fit|match|position|job) for you\b(?![^.!?\n]{0,20}\?)",
        # French as a hospital's ward managers write it
        r"\b(?:poste|remplacement|cdi|cdd)\b.{0,60}?\b(?:a été|est) (?:octroyé|proposé|attribué|confié)e?\b"
        r".{0,40}?\bà (?:une?|quelqu'un|la|le|(?-i:[A-Z])\w+)",
        r"\b(?:avons|a) (?:finalement )?(?:proposé|confié|attribué) le poste\b.{0,60}?\bà (?:une?|quelqu'un)",
        r"\bne (?:pouvons|pourrons) (?:\w+ )?pas poursuivre (?:votre|ta) candidature\b",
        r"\bon part sur (?:la|le|une?) (?:candidate?|personne|profil)\b",
        r"\bn'(?:a|ont) (?:pas )?souhaité donner suite\b|\bvous retourner votre dossier\b|\bn'envisageons pas "
        r"d'engagement\b",
        r"\bne (?:te|vous) sera pas proposée?\b",
        r"\bgegen (?:eine |die )?(?:einladung|weiterführung|berücksichtigung)\w*\b.{0,40}?\bentschieden\b",
        r"\b(?:gehen|gehe)\b.{0,60}?\beinen anderen weg\b|\bpasst es für uns\b.{0,30}?\bnicht\b",
        r"\bno (?:podemos|podremos|vamos a poder) ofrecer(?:te|le) (?:nada|ninguna plaza|ningún puesto)\b|"
        r"\bno (?:le|te) sitúa entre los (?:aspirantes|candidatos) propuestos\b",
        r"\b(?:la|lo) (?:ocupe|cubra|lleve) (?:una? |otr[oa] )(?:compañer[oa]|persona|candidat[oa])|\bya (?:la|lo) "
        r"hemos cubierto\b",
    )
    # The post itself gone: filled, closed or cancelled, whoever the candidate was.
    + _rules(
        "reject",
        5.0,
        r"\b(?:position|role|vacancy|job|opening|spot|requisition|req|post)(?:\s+(?:has|have|had|is|was)|['’]s)"
        r"\s+(?:now\s+|since\s+|already\s+|just\s+|formally\s+|officially\s+)?(?:been\s+)?"
        r"(?:now\s+|formally\s+|officially\s+)?(?:filled|closed|cancell?ed|withdrawn|given to|eliminated|covered)|\b(?:position|role|vacancy|job|"
        r"opening)\s+no longer exists\b",
        # ... or the candidate told in so many words that they were not chosen
        r"\b(?:no|ya no) (?:has|ha|hemos|fue|fuiste|han) (?:sido )?seleccionad",
    )
    # Said in passing by a small firm or a hiring manager: someone already found, nobody more
    # taken on, going ahead with someone else or an internal candidate, not wanting to meet.
    + _rules(
        "reject",
        4.0,
        r"\b(?:already|now) found (?:someone|somebody|a candidate|the right (?:person|candidate))\b|"
        r"\b(?:al|reeds|inmiddels|ondertussen) (?:al )?iemand (?:\w+ )?gevonden\b|\b(?:bereits|schon) "
        r"(?:jemanden|eine[n]? (?:kandidat|bewerber)\w*) gefunden\b|\bdéjà trouvé (?:quelqu'un|"
        r"la personne|un candidat|une candidate)\b|\bya (?:hemos encontrado|encontramos) a alguien\b",
        r"(?:\b(?:cannot|can not|unable to|not able to|not in a position to)|n't) (?:currently |"
        r"at the moment )?(?:take on|hire|add|bring on|employ) (?:anyone|anybody|another|any more|"
        r"more staff|new staff)\b|\b(?:kan|kunnen) (?:\w+ ){0,2}?(?:niemand|geen (?:nieuwe |extra )?"
        r"(?:mensen|medewerkers|collega's?)) (?:extra |bij )?(?:aannemen|aanwerven|in dienst nemen)\b|"
        r"\b(?:können|kann) (?:\w+ ){0,2}?niemanden (?:\w+ )?einstellen\b|\bne (?:pouvons|peux|pourrons)"
        r" (?:\w+ )?(?:embaucher|recruter|engager) personne\b|\bno (?:podemos|puedo|podremos) "
        r"contratar a nadie\b",
        r"\b(?:ga|gaan) (?:ik|we|wij) (?:(?:toch|liever|uiteindelijk|daarom) )?(?:verder met "
        r"(?-i:[A-Z])\w+\b|met (?-i:[A-Z])\w+ verder\b)",
        r"\b(?:aller|allons|allé|allée|va|vont|irons) (?:de l'avant )?avec (?:quelqu'un d'autre|"
        r"une? autre (?:candidat|personne|profil)\w*|une? candidat\w* (?:qui|dont|interne|à "
        r"l'interne))",
        r"\b(?:a|avons|ont) (?:finalement )?opté pour (?:une?|l')\s*(?:autre\s+)?(?:personne|"
        r"candidat\w*|profil)\b|\bdécidé d'aller avec (?:une?|quelqu'un|l'autre)\b",
        r"\bn'avez pas (?:atteint|obtenu) (?:le seuil|la note) (?:de passage|minimale|requise?)\b|"
        r"\bcandidature ne (?:peut|pourra|saurait) (?:pas )?être retenue\b",
        r"\b(?:choisi|décidé|opté|préféré)\w* (?:de |d')?(?:privilégier |retenir |aller avec )?"
        r"(?:une|la|un|le) (?:candidature|candidat\w*|profil|personne|ressource) (?:interne|à "
        r"l'interne|de l'interne)\b",
        r"\bne (?:souhaite|souhaitent|souhaitons|va|vont|pourra|pourrons) pas (?:vous|te) "
        r"(?:rencontrer|recevoir|convoquer)\b",
        r"\bde ne pas (?:vous|te) (?:convier|convoquer|inviter|recevoir|rencontrer|retenir)\b",
        r"(?:\bnot|n't) (?:want|wish|like) to (?:meet|interview) you\b",
        r"\b(?:werden|können|möchten) (?:sie|dich|ihn) (?:daher |leider )*nicht (?:\w+ )?einladen\b",
        r"\b(?:haben|hat) (?:wir |sich )?(?:\w+ ){0,2}?(?:eine[nr]? )?andere[nr]? (?:kandidat|bewerber|"
        r"person)\w* (?:ausgewählt|gewählt|eingestellt|genommen)\b|\b(?:kunde|kundin|klient\w*|firma|"
        r"arbeitgeber\w*) (?:\w+ ){0,3}?hat (?:\w+ )?abgesagt\b|\b(?:nehmen|nimmt|nahmen) (?:\w+ )?"
        r"(?:jemand\w*|eine[nr]? andere[nr]?) (?:mit|der|die)\b|\b(?:taking|took|going with) (?:on )?"
        r"(?:someone|somebody) (?:with|who)\b",
        r"\b(?:kiest|koos|kozen|kiezen|gekozen) (?:\w+ ){0,2}?voor (?:een|de) (?:andere )?"
        r"kandida(?:at|te) (?:met|die)\b",
        # the process ended here, no place offered, the client chose another freelancer
        r"\b(?:den|das) (?:\w+)?(?:prozess|verfahren)\b.{0,40}?\bbeenden\b|\bend the process "
        r"(?:here|at this (?:point|stage))\b|\bmettre (?:un terme|fin) (?:au|à notre) processus\b|"
        r"\bdar por (?:finalizado|terminado|cerrado) (?:el|tu|su) proceso\b",
        r"\b(?:können|werden) (?:wir )?(?:ihnen|dir|euch) (?:daher |leider |also )*keinen? (?:platz|"
        r"stelle|position|vertrag)\b.{0,40}?\banbieten\b|\bfür (?:einen|eine) andere[nr]? "
        r"(?:freelancer\w*|dienstleister\w*|anbieter\w*|profil)\b.{0,40}?\bentschieden\b|"
        r"\bprofil ist (?:damit |leider )?(?:\w+ ){0,3}?raus\b",
        r"\b(?:wir|ich) (?:ihnen|dir|euch) (?:daher |leider |also |derzeit |momentan )*keinen? (?:platz|"
        r"stelle|position|vertrag|anstellung|beschäftigung)\b.{0,40}?\banbieten (?:können|könnten)\b",
        r"\bno (?:te|le) (?:vamos a poder|podemos|podremos|hemos podido) ofrecer (?:el puesto|el "
        r"cargo|la (?:posición|plaza|vacante))",
        r"\bya se (?:escogi[oó]|eligi[oó]|seleccion[oó]|contrat[oó]) a (?:la persona|alguien|"
        r"otr[oa])\b",
        r"\bno (?:has|ha|han) sido considerad[oa]s? para (?:continuar|avanzar|seguir|pasar)\b",
        # a cabin crew manager's Spanish: "no vas a pasar a la entrevista final", "no han contado contigo"
        r"\bno (?:vas a pasar|pasas|pasarás|podemos pasarte|te podemos pasar|te vamos a pasar) a la "
        r"(?:siguiente|próxima|última|entrevista|fase|dinámica|prueba)\b",
        r"\b(?:esta vez |al final )?no te (?:vamos a|podemos) (?:llamar|convocar|coger|contratar)\b",
        r"\bno (?:han|ha|hemos) contado contigo\b|\bse (?:la|lo) hemos dado a (?:una?|otr[oa])\b",
        # a farm's and a cooperative's Spanish: "ya hemos cogido a alguien", "no has pasado el corte"
        r"\b(?:ya )?hemos (?:cogido|contratado|elegido|escogido|fichado) a (?:alguien|otra persona|otr[oa])\b|"
        r"\bno (?:has|ha) pasado el corte\b",
        r"\bno (?:podemos|podremos|vamos a poder) ofrecer(?:te|le) (?:una? )?(?:entrevista|puesto|plaza|"
        r"contrato|posición)\b",
        # "passt eine Kollegin mit etwas mehr LODAS-Erfahrung besser in unser Team"
        r"\b(?:eine|ein) (?:kollegin|kollegen?|bewerberin|bewerber|kandidatin|kandidaten?) (?:mit|die|der) "
        r"(?:[\w-]+ ){0,6}?besser\b",
        r"\b(?:the )?client (?:has|have) (?:now )?(?:declined|passed)\b|\bon en reste là\b",
        # "I just don't see it lining up for this Project Manager job"
        r"\bdon't see (?:it|this|you) (?:lining up|working out|being (?:a|the) (?:right )?fit)\b",
        r"\b(?:fait|faite|adressé|envoyé|transmis) (?:une|notre|l'|la) ?(?:proposition|offre) à "
        r"(?:une autre|un autre|quelqu'un)|\bpas d'embauches? (?:de )?prévue?s?\b|\bno plans to (?:hire|"
        r"recruit|take on)\b|\bkeine (?:einstellung|neueinstellung)\w* geplant\b|\bno (?:tenemos "
        r"previsto|vamos a) contratar\b|\bgeen (?:aanwerving|vacature|nieuwe medewerker)s? (?:gepland|"
        r"voorzien)\b",
    )
    + _rules(
        "reject",
        2.5,
        r"\bbetter (?:matche[sd]|suit(?:s|ed)?|fits?|aligns?)\b|\bintern(?:e|en)? (?:kandidat|bewerber)"
        r"\w*|\bcandidat(?:e|ure)? interne\b",
        r"\b(?:wir|ich) bedauer(?:n|e)\b|\bnicht (?:ganz )?(?:geklappt|gereicht)\b|\bnicht erfolgreich\b",
        r"\bcon otr[oa]s? (?:candidat\w*|perfil\w*|persona\w*|postulante\w*)\b|\b(?:se )?(?:ajusta|"
        r"ajustan|encaja|encajan) mejor\b|\bno va a poder ser\b|\bno (?:ha )?sali(?:do|ó)\b|\bno cumple (?:con )?"
        r"(?:los|todos los) requisitos",
        r"\bne se fera pas\b|\bévoluer (?:quelqu'un|un collaborateur|une collaboratrice)",
        r"\bbeter (?:aansluit|past|aansluiten|passen)\b|\b(?:kandidaat|iemand) gevonden\b|"
        r"\bafgevallen\b",
        # someone from inside, or a colleague named: "we kiezen voor Sanne, die al ..."
        r"\bgeen (?:plek|plaats|ruimte) voor (?:je|jou|u)\b|\balguien de dentro\b|\buit (?:eigen|de eigen) (?:rangen|organisatie|team)\b|\bfür "
        r"(?-i:[A-Z])\w+ entschieden, (?:die|der)\b|\b(?:kiezen|gekozen|gaan|gegaan) voor (?-i:[A-Z])\w+, die\b",
    )
)

COUNTER = _rules(
    "counter",
    -4.0,
    # a plan dropped at the candidate's own workplace
    r"(?:\bnot|n't) be (?:proceeding|going ahead) with (?:the|our|this) (?:proposed |planned )?"
    r"(?:restructur\w*|reorgani[sz]ation|merger|relocation|office move|changes)\b",
    r"\b(?:invite|inviting) you (?:to|for) (?:an? |the |your )?(?:(?:next|second|final|first|"
    r"onsite|on-site|virtual|video|phone|technical) )*(?:round|interview|call|chat|conversation|"
    r"stage|meeting)",
    r"\b(?:share|send|let us know|let me know) (?:your|some) (?:availability|available times)",
    r"\bpleased to (?:offer|extend|inform you that you|let you know that you|invite)",
    r"\b(?:offer letter|formal offer|offer of employment)\b|\b(?:freuen|freue) (?:uns|mich),? "
    r"(?:ihnen|dir|euch) (?:\w+ )?(?:eine |die )?zusage\b",
    r"\b(?:congratulations|congrats|gefeliciteerd|proficiat|glückwunsch|félicitations|enhorabuena|felicidades)\b|\b(?:je "
    r"bent|u bent) door naar de (?:volgende|tweede|laatste|derde) ronde",
    r"\b(?:advanced|moved|progressed|moving you|move you) (?:forward )?to the (?:next|final|"
    r"(?:\w+ )?(?:interview|round|stage)\b)",
    r"\b(?:passer|passez|passage) (?:directement )?(?:à|au) (?:l'étape suivante|la prochaine étape|"
    r"(?:prochain|dernier) tour|tour suivant)\b",
    r"\bquel(?:le)? (?:date|jour|créneau) vous conviendrai(?:t|ent)\b|\bvos disponibilités\b",
    r"\b(?:proceed|progress|move forward|continue) to the (?:next|final) (?:round|stage|step|"
    r"interview)s? with you",
    r"\b(?:a (?:job|position|role|vacancy) you|you) (?:saved|bookmarked|followed|favou?rited)\b|"
    r"\byou have not (?:submitted|applied)",
    # a job board: an ad the candidate saved, no longer online
    r"\bmerkliste\b|\b(?:saved|bookmarked) (?:jobs?|listings?|ads?)\b|\b(?:nicht mehr|niet meer|"
    r"no longer|plus) en ligne\b|\b(?:nicht mehr|niet meer|no longer) online\b",
    # someone the user referred: "the client has decided not to progress his application"
    r"(?:\bnot|n't|\bunable)(?: to)? (?:progress|proceed with|move forward with|take forward|"
    r"continue with|pursue|consider) (?:his|her) (?:application|candidacy|cv|profile)\b",
    # a friend passing on a CV: "I can't promise anything"
    r"\b(?:can't|cannot|can not) promise (?:you )?anything\b|\bkann (?:dir|ihnen|euch) "
    r"(?:\w+ )?(?:nichts|nix) versprechen\b|\bne (?:peux|peut) rien (?:te |vous )?promettre\b|"
    r"\bno (?:te|le|les) puedo prometer nada\b|\bkan (?:je|u|jullie) (?:\w+ )?niets beloven\b",
    # a friend wondering why an application failed: the no was someone else's, earlier
    r"(?:\b(?:don't know|do not know|ne sais pas|weiß nicht|no sé|weet niet),? )?\b(?:why|"
    r"pourquoi|warum|por qué|waarom) (?:ta|votre|your|deine|ihre|tu|su|je|uw) "
    r"(?:candidature|application|bewerbung|candidatura|sollicitatie)\b",
    # a recruiter's approach: "Heeft u interesse?"
    r"\b(?:heeft u|hebt u|heb je|heb jij|zou je|zou u) (?:\w+ )?interesse\b|\b(?:perfect|goed|"
    r"uitstekend) zou(?:den)? (?:passen|matchen)\b",
    # an agency putting the candidate forward to its client
    r"\b(?:présenté|transmis|soumis) (?:ce matin |aujourd'hui )?votre (?:candidature|cv|profil) "
    r"(?:à|au)\b",
    r"\b(?:submitted|presented|sent|put) your (?:cv|resume|profile|application) (?:forward )?to "
    r"(?:the|our|my) client\b",
    # good news: "Nos complace informarle que ha sido seleccionada para continuar"
    r"\bnos complace (?:informar|comunicar)(?:le|te)\b|\b(?:ha|has) sido seleccionad[oa] para "
    r"(?:continuar|pasar|avanzar)\b|\bnous avons le plaisir de vous (?:informer|annoncer)\b|"
    r"\bfreuen uns,? (?:ihnen|dir|euch) mitteilen zu können\b|\b(?:du bist|sie sind) (?:eine runde|"
    r"einen schritt) weiter\b",
    # a survey sent to every candidate, "whatever the outcome"
    r"\b(?:peu importe|quel(?:le)? que soit) (?:le résultat|l'issue)\b|\bregardless of the outcome\b|"
    r"\bunabhängig vom ergebnis\b|\bindependientemente del resultado\b",
    # a newsletter's rejection templates for recruiters
    r"\b(?:templates?|vorlagen|plantillas|sjablonen)\b",
    r"\b(?:we have|we've|we) (?:successfully )?received your application(?! and (?:have )?"
    r"(?:carefully )?(?:reviewed|considered|read|assessed))|\bconfirm\w* (?:la )?recepción de (?:tu|su)\b",
    r"\b(?:complete|take|start) (?:the|an|our|a) (?:online )?(?:assessment|coding|technical|"
    r"take-home|skills)",
    r"\b(?:reference|background) check|\breferenties (?:op)?(?:nemen|opvragen)|\breferenzen einholen|"
    r"\bprise de références|\bcomprobar (?:tus|sus) referencias",
    r"\b(?:will|'ll|shall) (?:let you know|inform you of|update you on) (?:the|our) (?:outcome|"
    r"decision|result)",
    r"\b(?:we|i) (?:hope|expect|aim) to (?:make|reach) (?:a|our|the) decision\b",
    r"\b(?:hopen|verwachten|gaan)\b.{0,40}?\b(?:een|ons|de) (?:besluit|beslissing) te nemen\b|\b(?:hoffen|"
    r"werden)\b.{0,40}?\bentscheidung (?:zu )?treffen\b",
    r"\b(?:espérons|prendrons) (?:\w+ )?(?:une|notre) "
    r"décision\b|\b(?:no )?(?:esperamos|tomaremos) (?:\w+ )?(?:una|la) decisión\b",
    r"\b(?:interview|call|meeting|chat)\b.{0,40}?\b(?:moved|rescheduled|postponed|pushed back) "
    r"(?:to|until)\b"
    r"|\b(?:termin|gespräch|interview)\w*\b.{0,60}?\b(?:verschieben|verlegen|verschoben|verlegt)\b|"
    r"\b(?:entretien|rendez-vous)\b.{0,40}?\b(?:reporter|reporté|décaler|décalé)\b|\b(?:entrevista|"
    r"cita)\b.{0,40}?\b(?:aplazar|reprogramar)\b|\b(?:gesprek|afspraak)\b.{0,40}?\b(?:verzetten|"
    r"verplaatsen|verschuiven)\b",
    r"\b(?:new|recommended) jobs? (?:for you|matching|alert)|\bjob alert",
    r"\b(?:log|sign) ?in to (?:view|see|check)",
    r"\b(?:out of (?:the )?office|automatic reply|auto-reply|on (?:annual )?leave until)",
    r"\[(?:role|name|company|candidate|position|job title|first name)\]",
    r"\b(?:nieuwe blog|lees de blog|in deze blog|new blog post|read the (?:full )?(?:blog|article|post)|"
    r"blogbeitrag\w*|zum artikel|nouvel article|lire l'article|nuevo artículo|leer el artículo|"
    r"lees het (?:hele )?artikel|in (?:deze|this|diesem|cette) (?:nieuwsbrief|newsletter)|"
    r"vollständigen artikel|\w*newsletter (?:abbestellen|abmelden)|unsubscribe from (?:this|our) "
    r"newsletter|(?:se )?désabonner de (?:cette|la|notre) (?:newsletter|lettre)|darse de baja del? "
    r"(?:boletín|newsletter)|afmelden voor (?:deze |onze )?nieuwsbrief|monthly (?:bulletin|newsletter)|"
    r"you(?:'re| are) receiving this (?:\w+ )?because you (?:subscribed|signed up))\b",
    r"\b(?:review|check|sanity-check|proofread|look over)\w*\b.{0,40}?\b(?:template|wording|draft)s?\b",
    r"\b(?:einladen|einladung) zu(?:m)? (?:einem )?(?:vorstellungs|bewerbungs)?gespräch|\b(?:dich|sie|"
    r"euch) zu (?:einem|einer) (?:[\w-]+ ){0,3}?(?:fachgespräch|gespräch|interview|kennenlernen|"
    r"telefonat)\w*\b.{0,40}?\beinladen",
    r"\b(?:vous|te) (?:inviter|convier) (?:à|a) (?:un )?entretien",
    r"\binvitar(?:te|le) a (?:una )?entrevista|\b(?:proponemos|convocamos|convocarte|citarte) (?:a )?"
    r"una entrevista|\bnos gustaría conocerte\b|\bconvocatoria de entrevista",
    r"\bnodigen (?:u|je|jou) (?:graag |hierbij |bij deze )*uit (?:voor|op)\b|\b(?:je|jij|u) (?:gaat|bent|mag) "
    r"(?:\w+ )?door naar de (?:volgende|tweede|laatste|derde)|\bverder in de procedure\b(?! te gaan)",
    r"\b(?:uitnodigen|uitnodiging|uit te nodigen) voor (?:een |het )?(?:\w+ )?(?:sollicitatie)?"
    r"(?:gesprek|kennismaking|interview)(?! (?:\w+ ){0,3}?volgt (?:dus |daarom )?niet\b)",
    r"\bbestätigen (?:\w+ )?(?:den )?eingang (?:ihrer|deiner) bewerbung\b|\beingangsbestätigung\b|"
    r"\b(?:accusons|accusé de) (?:bonne )?réception|\bconfirm(?:ing)? receipt of your application|"
    r"\brecibimos tu (?:postulación|candidatura|solicitud)|\bin goede orde ontvangen(?! en (?:\w+ )?(?:onderzocht|bekeken|beoordeeld|bestudeerd|gelezen))|\bwir haben ihre bewerbung erhalten|\bnous avons bien reçu|\bhemos recibido tu|"
    r"\bwe hebben je sollicitatie ontvangen|\b(?:bewerbung|candidature|candidatura|sollicitatie)"
    r" (?:erhalten|bien reçue|recibida|ontvangen)",
)

# "If you have not heard from us in three weeks, assume ...": an acknowledgement, not a no.
COUNTER += _rules(
    "counter",
    -6.0,
    r"\{\{ ?[\w.]+ ?\}\}",  # a template's placeholders: a draft shown, not a decision sent
    r"\bsent (?:to you )?in error\b|\bplease disregard\b|\b(?:application|candidacy) "
    r"(?:stays|remains|is still) (?:active|under review|open)\b|\bstill under review\b|"
    r"\b(?:je|uw) sollicitatie blijft (?:gewoon |nog )?actief|\bnog geen (?:keuze|beslissing) "
    r"gemaakt|\b(?:ihre|deine) bewerbung bleibt (?:weiterhin )?aktiv|\bno decision has been made|"
    r"\b(?:haven't|have not) (?:yet )?made (?:a|any|our) (?:final )?decision",
    # still in the process, for another site or the next round: "queremos seguir contando
    # contigo en el proceso", "je bent nu een van de twee finalisten", "willen je graag terugzien"
    r"\bseguir contando contigo en el proceso\b|\bkeep you in the process for\b",
    r"\bnu (?:een|één) van de (?:twee|drie|vier|laatste) (?:finalisten|kandidaten)\b",
    r"\b(?:willen|wil) (?:je|u) (?:graag )?(?:terugzien|terug zien)\b",
    # passed on to another vacancy, the first application still open
    r"\bbewerbung auf die (?:ursprüngliche|erste) stelle bleibt\b|\bbleibt davon unberührt\b|"
    r"\b(?:application|candidacy) for the original (?:role|position|post) (?:stays|remains|is "
    r"still|is unaffected)\b|\bcandidature (?:initiale|au poste initial) reste\b",
    r"\blettre d'offre\b|\bconfirm\w* notre offre\b|\bcarta de oferta\b|\bnos complace "
    r"ofrecer|\bvertragsangebot\b|\barbeitsvertrag\b|\barbeidsovereenkomst\b|\bjob offer\b|"
    r"\barbeidsvoorwaardenvoorstel\b|\baanbiedingsbrief\b|\bloonvoorstel\b|\bbieden (?:je|u) (?:graag )?de "
    r"(?:functie|job)\b|\b(?:unaniem |uiteindelijk )?voor (?:jou|u) gekozen\b|\bfür sie entschieden\b|"
    r"\b(?:vous|te) (?:avons|hemos) (?:choisie?|retenue?|elegid[oa])\b|\bcontractvoorstel\b|\bvertragsentwurf\b|\bpropuesta (?:económica|"
    r"de contrato)\b|\bproposition (?:salariale|d'embauche)\b|\bpromesse d'embauche\b",
    r"\bif you (?:have not|haven't|do not|don't|did not|didn't) (?:heard|hear|received?)\b",
    r"\b(?:nicht|keine) jede[nr]? (?:bewerbung|bewerber\w*) (?:\w+ )?(?:einzeln )?(?:beantworten|"
    r"antworten)\b",
    r"\b(?:cannot|can't|unable to|not able to) (?:reply|respond) (?:personally |individually )?to "
    r"(?:every|each|all) (?:applicant|application|candidate)s?\b",
    r"\bne (?:pouvons|pourrons) pas répondre (?:individuellement |personnellement )?à (?:chaque|"
    r"toutes les|tous les)\b|\bno (?:podemos|podremos) responder (?:individualmente |"
    r"personalmente )?a (?:cada|todas|todos)\b",
    r"\bif (?:you are|you're|your application is) not (?:selected|shortlisted|successful|"
    r"progressed)\b|\bsi (?:vous n'êtes|tu n'es|votre candidature n'est) pas (?:retenue?|"
    r"sélectionnée?)\b|\bsi no (?:eres|es|resultas|resulta) (?:seleccionad|elegid)[oa]\b|"
    r"\bsollten sie nicht (?:berücksichtigt|ausgewählt)\b|\bals (?:je|u) niet (?:geselecteerd|"
    r"gekozen) (?:wordt|bent)\b",
    r"\bsans (?:réponse|nouvelles?|retour) de (?:notre|ma) part",
    # a rule for everyone: "candidates who do not meet the requirements cannot be considered"
    r"\b(?:kandidaten|sollicitanten) die (?:niet|geen)\b|\b(?:candidates|applicants) who (?:do not|"
    r"don't|did not|didn't) meet\b",
    r"\b(?:heb je|hebt u|heeft u|mocht(?: je| u)?|als je|als u)\b.{0,40}?\bniets\b.{0,30}?\b(?:gehoord|"
    r"hoort|hoorde|vernomen|verneemt|ontvangt)",
    r"\bsollten sie\b.{0,60}?\b(?:nichts|keine (?:rückmeldung|antwort|nachricht))",
    # (with the "we can't" before it: a no that is part of the phrase, not of a counter-signal)
    r"(?:\b(?:lukt|lukken|kunnen|kan)\b.{0,20}?\bniet\b.{0,25}?)?\b(?:iedereen|alle kandidaten|alle "
    r"sollicitanten) die (?:niet|geen)\b",
    r"\bsi\b.{0,40}?\bno (?:has|ha|han) (?:recibido|tenido) (?:\w+ )?(?:respuesta|noticias)|\bsi no recibes? "
    r"(?:respuesta|noticias)|\bsi\b.{0,40}?\bno (?:te|le|les) (?:hemos )?(?:contactado|llamado)\b",
)

# The candidacy goes on (another role, a pause), the candidate withdrew, or someone tells of
# their own rejection: the words of a rejection, but none for this candidate.
COUNTER += _rules(
    "counter",
    -6.0,
    r"\b(?:would|'d) (?:really |love to |like to |be keen to )*(?:talk|speak|meet) (?:to |with )?"
    r"you about (?:an?|another|the|a new) (?:[\w-]+ ){0,4}(?:role|position|opening|opportunity)",
    r"\b(?:zou|zie|ziet) (?:u|je|jij) (?:een |dat )?(?:\w+ )?(?:gesprek|kennismaking|koffie)\w* "
    r"(?:wel )?zien zitten\b|\bwould you be open to an? (?:\w+ )?(?:chat|call|conversation)\b|"
    r"\bseriez-vous (?:ouverte?|disponible) (?:à|pour) (?:un|une) (?:\w+ )?(?:échange|appel|"
    r"discussion)\b|\b(?:hätten sie|hättest du) (?:lust|interesse|zeit) (?:auf|an|für) (?:ein|einen) "
    r"(?:\w+ )?(?:gespräch|austausch|telefonat)\b|\bte (?:apetecería|interesaría) (?:una|tener una) "
    r"(?:\w+ )?(?:llamada|charla|conversación)\b",
    r"\bkeen to meet you\b|\bhappy for me to put you forward\b|\bne (?:peux|pourrai|pourrons) "
    r"(?:\w+ )?pas (?:te|vous) (?:coopter|recommander)\b|\b(?:can't|cannot|can not) refer you\b",
    r"\b(?:move|moved|moving|transfer|transferred|transferring) your application (?:(?:across|over)\b|"
    r"to\b)",
    r"\b(?:would|'d) (?:like|love) to (?:consider|put) you (?:forward )?for (?:our|another|a different|"
    r"the) ",
    r"\b(?:remain|are still|you're still) (?:in the (?:process|running)|under consideration)\b|"
    r"\b(?:weiterhin|noch) im (?:rennen|auswahlprozess|auswahlverfahren|prozess|verfahren)\b|"
    r"\b(?:tu|su) candidatura sigue\b|\bsigues? en el proceso\b|\bvotre candidature reste "
    r"(?:bien sûr |bien |toujours )?active|\bnous souhaitons poursuivre avec vous\b|\bihre bewerbung übernehmen wir\b|"
    r"\bgerne\b.{0,60}?\bkennenlernen möchten\b",
    r"\bsollicitatie (?:is )?(?:nu )?ingetrokken|\bsollicitatie\b.{0,60}?\bin te trekken\b|\bbewerbung\b"
    r".{0,120}?\bzurück(?:gezogen|zuziehen|ziehen|ziehst)|\brückzug (?:ihrer|deiner) (?:bewerbung|kandidatur)|\bretiré votre candidature|\bretirado tu candidatura|"
    r"\brequest to withdraw\b|\bwithdrawn you from\b|\b(?:you are|you're) withdrawing\b|\byou(?:'ve| have) withdrawn your (?:application|candidacy)\b|\b(?:application|candidacy) (?:has been|was) withdrawn\b|"
    r"\bat your request\b|\bzoals (?:je|u) (?:vroeg|vroegt|gevraagd hebt|had gevraagd)\b|\bop (?:je|uw) "
    r"(?:eigen )?(?:vraag|verzoek)\b|\bà (?:votre|ta) demande\b|\bauf (?:ihren|deinen) wunsch\b|"
    r"\bcomo (?:nos )?(?:pediste|pidió|solicitaste)\b",
    r"\b(?:candidatura|solicitud) (?:ha sido|fue) retirad[ao]\b|\ba petición (?:tuya|suya|propia)\b|"
    r"\bretiras tu candidatura\b|\bretirarte del proceso\b",
    r"\b(?:hebt|heeft) ingetrokken\b|\bintrekking (?:van )?(?:je |uw )?sollicitatie\b",
    r"\b(?:kandidatuur|sollicitatie) (?:werd|is) ingetrokken\b|\bje hebt je (?:kandidatuur|sollicitatie)\b"
    r".{0,80}?\bingetrokken\b",
    r"\b(?:nieuwe|andere) (?:rol|functie|vacature)\b.{0,150}?\b(?:heb je|hebt u|zou je|zou u) (?:\w+ )?"
    r"(?:zin|interesse)\b",
    r"\bnot (?:quite )?the right (?:role|job|position|fit) for you(?: right now)?\?|"
    r"\b(?:are you|would you be) still (?:interested|available|open to)\b|\b(?:heb je|hebt u|heeft u) "
    r"(?:nog|nog steeds) interesse\b|\b(?:haben sie|hast du) (?:noch|weiterhin) interesse\b|"
    r"\b(?:êtes-vous|es-tu) toujours intéressée?\b|\b(?:sigues|sigue usted) interesad[oa]\b",
    r"\b(?:turned|turn) me down\b|\bthey (?:rejected|passed on) me\b|\bheb jij (?:al )?iets gehoord\b|"
    r"\bik heb (?:\w+ ){1,8}niet gekregen\b|\bich habe (?:\w+ ){1,8}nicht bekommen\b|\bi didn't get "
    r"(?:the|that) (?:job|role|position)\b|\b(?:hat|haben) mir (?:\w+ )?abgesagt\b|\bheeft (?:mij|me) "
    r"(?:[\w-]+ ){0,4}?afgewezen\b|\bbij mij is het (?:\w+ )?(?:niks|niets) geworden\b",
    r"\b(?:heb ik|i have|i've got|ich habe) (?:nu |now |jetzt )?(?:een|a|eine) (?:nieuwe |new |neue )?(?:rol|"
    r"functie|vacature|role|position|stelle)\b",
    r"\b(?:ik was|i was|ich war|j'étais|yo estaba|estaba) (?:\w+ ){0,4}?(?:in de|in the|in der|en|au) "
    r"(?:laatste|finale|last|final|letzten|dernier|última) (?:ronde|round|runde|tour|ronda)\b",
    r"\b(?:ha llegado|llegó) (?:hoy |ya )?(?:el|un|la) (?:correo|mail|email|respuesta)\b|"
    r"\bme han dicho que no\b|\bno me (?:convocan|llaman|cogen|han cogido|han elegido)\b",
    r"\b(?:not|n't) (?:to )?(?:proceed|continue|go ahead|move forward|go forward) with me\b|"
    r"\bhow(?:'s| are| is) (?:your|the) (?:applications?|job (?:hunt|search)|search) going\b",
    r"\b(?:i|ich|ik)\b.{0,30}?\b(?:got|received|bekommen|bekam|erhalten|gekregen|kreeg|ontvangen)\b.{0,20}?"
    r"\b(?:rejection|absage|afwijzing)\b|\b(?:i|ich|ik) (?:got|hab|habe|heb) (?:heute |today )?"
    r"(?:the |die |de |een |eine )?(?:rejection|absage|afwijzing)\b|\bhat es mich (?:\w+ )?erwischt\b|"
    r"\bkam (?:die|eine|ne) absage\b|\b(?:ook|weer|alweer|auch|wieder) (?:afgewezen|abgelehnt)\b|\bje viens de (?:recevoir|me prendre) (?:\w+ ){0,2}?(?:refus|"
    r"réponse)\b|\b(?:die|eine|ne) absage "
    r"(?:von|vom|bei)\b.{0,40}?\b(?:bekommen|erhalten|gekriegt)\b|\bj'ai (?:\w+ ){0,2}?reçu (?:\w+ ){0,2}?(?:un |une )?(?:refus|réponse négative)\b|\b(?:recibí|"
    r"me llegó) (?:\w+ ){0,2}?(?:un |el )?rechazo\b|\b(?:i was|i've been|i got|"
    r"ich wurde|ik ben|ik werd|j'ai été|me han|me) (?:\w+ )?(?:rejected|turned down|knocked back|passed over|abgelehnt|"
    r"afgewezen|refusée?|rechazad[oa]|descartad[oa]|rechazaron|descartaron)\b|\b(?:werd|is) (?:hij|zij|ze) "
    r"(?:\w+ )?afgewezen\b|\b(?:he|she) (?:was|got) (?:\w+ )?rejected\b|\b(?:er|sie) wurde (?:\w+ )?"
    r"abgelehnt\b",
)

# Good news and notes about others: a withdrawal confirmed, an exam passed (outweighing the
# "niet geslaagd" said of the others), "we cannot tell every candidate why", the panel's own
# list of whom to turn down.
COUNTER += _rules(
    "counter",
    -9.0,
    r"\b(?:rücknahme|zurückziehung|rückzug) (?:ihrer|deiner|der) bewerbung\b|\bbedauern (?:ihre|"
    r"deine) (?:absage|entscheidung)\b|\bbewerbung (?:betrachten wir|gilt) (?:damit |somit )?als "
    r"zurückgezogen\b",
    r"\b(?:dat )?u (?:bent )?geslaagd (?:bent|voor)\b|\bhet genoegen (?:u|je) mee te delen\b",
    r"\bretrait de (?:votre|ta) candidature\b|\bregrettons votre décision\b",
    # a survey for every candidate, taken or not
    r"\bque (?:votre|ta) candidature ait été retenue ou non\b|\bwhether (?:or not )?(?:you were|your "
    r"application was) successful\b",
    # a friend's own: "Coiffure Delphine heeft mij vandaag gemaild dat ze niet verder gaan"
    r"\b(?:heeft|hebben) (?:mij|me) (?:\w+ )?(?:gemaild|gebeld|laten weten)\b|\braad eens wie\b",
    # the candidate turned the offer down
    r"\b(?:lamentamos (?:mucho )?que )?(?:hayas|haya) decidido (?:rechazar|declinar|no aceptar) (?:nuestra|"
    r"la) (?:oferta|propuesta)\b[^.]{0,200}|"
    r"\byou(?:'ve| have) (?:decided (?:to decline|not to accept)|declined|turned down) (?:our|the) offer\b",
    r"\b(?:votre|ta) candidature a été retenue\b|\byou have been shortlisted\b|\ba retenu (?:votre|ta) "
    r"candidature\b|\b(?:de )?vous proposer le poste\b",
    # the others are the ones not taken: "de ne pas poursuivre avec les autres candidats"
    r"\b(?:de )?ne pas poursuivre avec les autres (?:candidat|profil)\w*|\bnot to (?:proceed|continue|"
    r"move forward) with the other (?:candidates|applicants)\b",
    r"\b(?:möchten|würden|wollen) (?:sie|dich|euch) (?:gern |gerne )?zu (?:einer|einem) (?:zweiten|weiteren|"
    r"nächsten|dritten) (?:runde|gespräch\w*|termin)",
    r"\b(?:je|jou|u) (?:graag )?uit te nodigen (?:voor|tot) (?:een |het |ons )?(?:\w+ )?(?:gesprek|"
    r"kennismaking|assessment|sollicitatiegesprek)",
    # an offer, perhaps after an earlier no: "Ik wil je daarom graag de functie ... aanbieden"
    r"\b(?:wil|willen) (?:je|jou|u) (?:daarom |graag |nu |alsnog )*(?:de|een) (?:functie|baan|plek|"
    r"aanstelling)\b.{0,60}?\baanbieden\b",
)
COUNTER += _rules(
    "counter",
    -6.0,
    r"\bniet (?:iedere|elke) (?:kandida\w*|sollicitant) (?:persoonlijk |afzonderlijk |individueel )?"
    r"(?:informeren|berichten|antwoorden|op de hoogte (?:brengen|stellen))\b|"
    r"\bbevestigen wij de (?:goede )?ontvangst\b",
    # still in the race: "je zit samen met één andere kandidaat in de laatste fase"
    r"\b(?:zit|zitten|ben|bent|staat|staan) (?:\w+ ){0,6}?in de (?:laatste|finale|volgende) "
    r"(?:fase|ronde|selectieronde)\b",
    r"\b(?:kandidaten|sollicitanten) (?:\w+ ){0,3}die (?:we|wij) (?:\w+ )?afwijzen\b|\b(?:candidates|"
    r"applicants) (?:that |who )?we(?:'re| are)? (?:rejecting|turning down|not progressing)\b",
    r"\bmisschien iets voor (?:jou|u)\b|\bzal ik je cv\b",
    r"\b(?:thank|thanks to) (?:everyone|all of you|all those) who applied\b",
    r"\bnuevo estado: (?:en revisión|en proceso|en curso|preseleccionad[oa])\b|\b(?:acordado|decidido) "
    r"convocar(?:le|te)\b|\b(?:le|te) convocamos (?:a|para)\b",
    r"\bbonnes? nouvelles?\b|\bpleased to advise\b|\byou have been placed on (?:the|a|our) (?:\w+ )?panel\b",
    r"\bà défaut de (?:retour|réponse) de (?:notre|ma) part\b|\bsans (?:retour|réponse) de (?:notre|ma) "
    r"part\b",
    # the negation is part of it: "decided not to progress my application" is still their own news
    r"\b(?:not to |n't |not )?(?:progress|proceed with|move forward with|take forward) my "
    r"(?:application|candidacy)\b",
    r"\bi (?:didn't|did not) get (?:the|that|this) (?:[\w-]+ ){0,4}(?:job|post|role|position)\b",
    # a no of months ago, recalled in writing about a new post: "n'avait pas été retenue", "damals
    # hat es leider nicht geklappt"
    r"\bn'(?:avait|avaient) (?:\w+ )?pas été (?:retenue?s?|sélectionnée?s?)\b|\bdamals (?:hat|hatte) es "
    r"(?:\w+ )?nicht geklappt\b|"
    # ... or a post reopened: "aunque en aquel momento no continuamos con su candidatura"
    r"\ben (?:aquel|ese|su) momento no (?:continuamos|seguimos|avanzamos)\b|\b(?:se (?:volvió|ha "
    r"vuelto) a abrir|has (?:re-?opened|opened up again)|i know that one didn't work out)\b",
    # a friend's own no, a referral a friend cannot make ("je ne vais pas pouvoir te coopter")
    r"\bje n'ai (?:\w+ )?pas été (?:prise?|retenue?|sélectionnée?)\b|\btu as eu (?:un|une) "
    r"(?:retour|réponse)\b|\bcoopt(?:er|ation)\b",
    r"\bm'(?:a|ont) dit non\b|\bj'ai (?:\w+ )?eu ma réponse\b|\bi know (?:that )?you were "
    r"(?:unsuccessful|not successful|not selected)\b",
)
COUNTER += _rules(
    "counter",
    -4.0,
    r"\b(?:i've|i have) received it\b|\bpassed it on to\b|\b(?:i'll|we'll|i will|we will) be in touch "
    r"either way\b",
    r"\bje vous recontacte\b|\bseriez-vous (?:toujours )?(?:à l'écoute|intéressée?)\b|\bhätten sie "
    r"interesse an einem\b",
    # missing papers asked for: the application waits on them
    r"\b(?:reichen sie|bitte) (?:\w+ ){0,3}?(?:fehlenden|noch fehlenden) (?:unterlagen|dokumente)\b|"
    r"\b(?:envoyer|transmettre|fournir) (?:\w+ ){0,2}?(?:documents?|pièces?) manquant",
    r"\bwould (?:mon|tues|wednes|thurs|fri|satur|sun)day\b[^.?!]{0,40}\b(?:suit|work)(?: you)?\?",
    r"\bno decisions? (?:has|have) been made yet\b|\bmock (?:assessment|interview)",
    # a selection day ahead: "wie niet slaagt voor de test kan helaas niet door", "bevestigen dat je
    # erbij bent"
    r"\bwie niet slaagt\b|\bbevestigen dat (?:je|u) (?:erbij|aanwezig) (?:bent|zult zijn)\b",
    # the user's own offer turned down, not an application: to host a trainee, to mentor
    r"\bdonner suite à (?:votre|ta) proposition\b|\b(?:proposé|offert) d'accueillir\b|\b(?:your|the) "
    r"(?:offer|proposal) to (?:host|mentor|supervise|tutor)\b",
)

# Offering a feedback call is common in a rejection too: a weaker counter-signal.
COUNTER += _rules(
    "counter",
    -2.0,
    r"\b(?:schedule|book|arrange|set up) (?:a|an|your|the) (?:(?:informal|quick|short|brief|initial|"
    r"first) )?(?:time|call|interview|chat|meeting)",
)

# Words that place an email in a job search; "application" alone also fits a flat or a loan.
JOB = _rules(
    "job",
    1.0,
    r"\b(?:position|role|vacancy|opening|requisition|candidacy|candidate|interview\w*|recruit\w*|"
    r"hiring|hire|talent|job|resume|résumé|cv|career|onsite|take-home|hiring manager|"
    r"intern(?:ship)?|graduate programme|assessment centre|finalists?|shortlist\w*|panel|"
    r"pairing|phone screen)\b",
    r"\bapplication (?:for|as) (?:the |a |an )?(?:[\w-]+ ){0,4}?(?:engineer|manager|analyst|developer|"
    r"designer|consultant|specialist|coordinator|assistant|director|officer|technician|planner|"
    r"accountant|nurse|teacher|administrator|architect|scientist|associate|executive|adviser|advisor)\b",
    r"\b(?:above|advertised|vacant) post\b|\bpost (?:of|ref\w*)\b|\b(?:per annum|pro rata)\b",
    r"\b(?:bewerbung|stelle|kandidat\w*|vorstellungsgespräch|gespräch\w*|position|probetag)\b",
    r"\b(?:tvöd|tv-?l|entgeltgruppe|besoldungsgruppe|eg \d+\w?|(?:teil|voll)zeit(?:stelle)?|"
    r"stellenausschreibung|kennziffer)\b",
    r"\b(?:candidature|poste|entretien|recrutement|candidat\w*)\b",
    r"\b(?:contractuel\w*|enseignant\w*|vacataire|vacations|affectation|désignation|recruté\w*|emploi|"
    r"fiche de poste|ater|prise de poste|prise de fonctions?|chargée? de mission|infirmi(?:er|ère)s?|"
    r"kinésithérapeutes?|ergothérapeutes?|orthophonistes?|pharmacien(?:ne)?s?)\b",
    r"\b(?:candidatura|puesto|vacante|entrevista|proceso de selección|postulación)\b",
    r"\b(?:proceso selectivo|pruebas selectivas|bolsa de (?:empleo|trabajo)|oposici(?:ón|ones)|"
    r"aspirantes)\b",
    r"\bplaza (?:vacante|de (?:enfermer|auxiliar|técnic|administrativ|médic|celador|fisioterapeut|"
    r"profesor|maestr|trabajador|gerocultor)\w*)",
    r"\b(?:sollicitatie|vacature|functie|kandidaat|sollicitatieprocedure|gesprek)\b",
)

OTHER = _rules(
    "other",
    -5.0,
    # (an "Admissions RN" or "Admissions Officer" is a job)
    r"\b(?:admission|(?<!school )(?<!in )admissions(?! (?:rn|nurse|coordinator|officer|adviser|advisor|counsel+or|"
    r"manager|assistant|director|specialist))|undergraduate|graduate program|enrol+ment|offer of a place|"
    r"année universitaire|commission pédagogique|scolarité|studienplatz|(?<!-)zulassung|admisión|"
    r"toelating)\b",
    r"\b(?:paper|manuscript|(?:paper|abstract|article|conference) submission|reviewers?|"
    r"program committee|proceedings|call for papers|"
    r"talk proposal|camera-ready|nominations?|nominated|nominee|awards)\b",
    # a pitch to an editor: "We read your pitch with interest, but we're going to pass"
    r"\b(?:your (?:pitch|op-ed|guest (?:post|column|article))|opinion desk|op-ed pitch|story pitch|"
    r"(?:votre|ta) proposition d'article|(?:ihr|dein) (?:pitch|gastbeitrag|themenvorschlag)|"
    r"(?:je|uw) (?:pitch|opiniestuk))\b",
    r"\b(?:proposition d'honoraires|devis|appel d'offres|offre forfaitaire|fee proposal|quotation|"
    r"licitación|aanbesteding)\b",
    r"\b(?:loan|mortgage|credit application|credit card)\b",
    # a pet's adoption: "We hebben besloten om Bobbie niet bij jou te plaatsen"
    r"\b(?:adoptie\w*|adopteren|adoption (?:application|request|form)|(?:demande|dossier) "
    r"d['’]adoption|solicitud de adopci[óo]n|adoptionsantrag|adoptant\w*)\b",
    r"\bvoluntary (?:position|role|post)\b|"
    r"\b(?:apartment|flat|tenancy|rental|landlord|lease|letting agent|property|wohnung|"
    r"vermieter|mietvertrag)\b|"
    # but a "Lettings Manager" or a "Customer Support Advisor - Lettings" is a job
    r"(?<![-–] )\blettings\b(?! (?:manager|negotiator|officer|coordinator|administrator|assistant|"
    r"consultant|advisor|adviser|director))",
    r"\b(?:grant application|funding application|grant proposal|funding round|proposals?|"
    r"(?<!role's )(?<!post's )(?<!position's )funding)\b",
    r"\bgrants? (?:scheme|round|programme|program|team|panel|committee)\b|\b(?:small|research|travel|"
    r"project) grants?\b|\b(?:were|was|be|been) funded\b",
    # a fund, but not "Kirchberg Fund Services" hiring a "Fund Accountant"
    r"\b(?:waiting ?list|waitlist\w*|membership|club|society committee|oversubscribed|"
    r"fund(?![\s-](?:services|accountant|accounting|administration|administrator|operations))|"
    r"mentorat|mentoré\(?e?\)?|mentoring programme|mentorship programme|mentoría|proposition de "
    r"communication|comité de programme|the committee)\b",
    r"\b(?:hackathon|hack with us|scholarships?|postgraduate study|bursary|fellowship|tender|"
    r"bids?|contract will be awarded|woning|huurwoning|logement|vivienda|accelerator|"
    r"zuschlag|angebotsauswertung|bieterkreis|vergabeverfahren|mba|rentrée universitaire|comité d'admission|"
    r"prijsvraag|inzendingen?|wettbewerb|competition entry|design competition|"
    # but a numbered or public one is how Québec and Spanish public employers post a job
    r"(?<!fase de )(?<!fase del )(?:concours|concurso)(?!\s+(?:n[°º.o]?\s*)?\d|\s+p[úu]blico|\s+(?:interne|externe)\b|"
    r"\s+(?:de|para) (?:la )?(?:plaza|provisión|acceso)|\s+de méritos|[- ]oposición)|"
    r"résidence d'écriture|writing residency|residencia artística|festival|cortometraje|"
    r"court[- ]métrage|short film|selección oficial|sélection officielle|reading window|literary|"
    r"poems?|short stor(?:y|ies)|anthology|appel à projets|projectoproep|call for projects|"
    r"huurder\w*|verhuur\w*|kandidaat-huurder|huurdersdossier|hospiteer\w*|huisgeno\w*|"
    r"studentenhuis|colocation|colocataire|wg-zimmer|mitbewohner\w*)\b",
    r"\bformation qualifiante\b|\btests? d'entrée\b|\bcandidature (?:à|pour) (?:cette|la) formation\b",
    # a specialised master's and its waiting list; a flat let ("ya lo alquilamos a otra persona")
    r"\b(?:mastère|liste d'attente|apartamentos?)\b",
    r"\b(?:alquil(?:amos|ado|ada|ar)|inquilin[oa]s?)\b",
    r"\b(?:[ab]-)?ploeg\b|\bselectietraining\w*|\btrainersstaf\b",
    # a game pitched to a publisher
    r"\bpitch deck\b|\bvertical slice\b|\bslate is (?:already )?full\b",
    r"\bvoluntari(?:[oa]s?|ado)\b(?<!forma voluntaria)(?<!manera voluntaria)|\behrenamt(?:e?s|liche[nrms]?)?\b|"
    r"\behrenamts\w+",
    r"\bvolunteer (?:application|training|recruitment)\b|\bwarteliste\b|\bverlosung\b|\bbeetvergabe\b|"
    r"\btrophée\b|\bfinale (?:régionale|nationale)\b|"
    r"\bfinanciación\b|\bconvocatoria de ayudas\b|\blínea editorial\b|\bpropuesta de libro\b",
    r"\b(?:become|as) a volunteer\b|\bmountain rescue\b|\btrainee members?\b|\b(?:choir|orchestra|chorale|chamber group)\b|\b(?:startup|"
    r"founders?|fellows?) cohort\b|\bcohort of (?:founders|start-?ups|companies|fellows)\b",
    r"\b(?:volunteer (?:role|position|shift|place|programme|program|opportunity|coordinator)|"
    r"volunteering|vrijwilligers?|bénévoles?|"
    r"subsidie\w*|subvention\w*|subvención|förder(?:antrag|ung)|stipendi\w*|promotions\w+|"
    r"bourses?|becas?|doctorat|doctorado|(?:le|la|du|au|votre|ton|mon|notre) propriétaire|appartement|alquiler|piso|mietwohnung|"
    r"propietari[oa]s?|inmobiliaria|premios?|galardón|jurado|lottery|ballot|citizens' assembly|"
    r"squad|athletes?|try ?outs?|seat racing|demande de location|agente? de location|"
    r"gestion immobilière|financement)\b",
)

# Every string some rule needs, found in an email in one pass; and which rules need each.
_ALL_RULES = (*REJECT, *COUNTER, *JOB, *OTHER)
_KEY_FINDER = KeyFinder(frozenset().union(*(r.needs for r in _ALL_RULES if r.needs)))
_ALWAYS_SEARCHED = frozenset(r.index for r in _ALL_RULES if not r.needs)


def _rules_needing(rules: tuple[Rule, ...]) -> dict[str, set[int]]:
    """Which rules need each string: `Rule.needs` turned around, in one pass."""
    needing: dict[str, set[int]] = {}
    for rule in rules:
        for key in rule.needs or ():
            needing.setdefault(key, set()).add(rule.index)
    return needing


_RULES_NEEDING = _rules_needing(_ALL_RULES)
_REJECT_AND_COUNTER = [*REJECT, *COUNTER]
assert all(r.index == i for i, r in enumerate(_ALL_RULES)), "Haystack.candidates relies on it"

_ATS_NAMES = re.compile(  # lower case: searched in lowered text, six times faster than re.I
    r"greenhouse|lever\.co|myworkday|workday|icims|smartrecruiters|ashbyhq|taleo|bamboohr|"
    r"jobvite|teamtailor|recruitee|personio|workable|successfactors|jazzhr|breezy|youforce|"
    r"softgarden|dvinci|rexx|otys|carerix|homerun|taleez|flatchr|beetween|jobaffinity|talentsoft|"
    r"digitalrecruiters|pinpointhq|comeet|avature|jobylon|hr4you|prescreen|umantis|hirebridge"
)


def names_ats(text: str | None) -> bool:
    """Whether an address (or a line) names an applicant tracking system that relays mail."""
    return bool(text and _ATS_NAMES.search(text.lower()))


_QUOTE_START = re.compile(
    r"^(?:on .{5,120} wrote:|am .{5,120} schrieb .{0,80}:|le .{5,120} a écrit ?:|"
    r"el .{5,120} escribió:|op .{5,120} schreef .{0,80}:|-{2,} ?(?:original message|ursprüngliche "
    r"nachricht|message d'origine|mensaje original|oorspronkelijk bericht) ?-{2,}|"
    r"(?:from|de|von|van) ?: .+@.+)$",
    re.IGNORECASE,
)


# A phrase in quotation marks is talked about, not said ("turn 'we went with another candidate'
# into momentum"): newsletters and friends quote rejections.
_QUOTED = re.compile(
    r'"[^"]{1,300}"|“[^”]{3,300}”|„[^“”"]{3,300}[“”"]|«[^»]{3,300}»|'
    # 'Helaas hebben we gekozen voor ...', quoted with apostrophes; not "'t Zuid", "zo'n"
    r"(?<!\w)['‘](?=[A-ZÀ-Þ])[^'’\n]{10,300}['’](?!\w)"
)


# "won't be inviting you to an interview" is a rejection, not an invitation.
_NEGATED = re.compile(
    r"(?:\bnot|n't|\bno|\bniet|\bnicht|\bpas|\bno|\bpassed on|\bdecided against)\b[\w\s']*$", re.I
)


# A clause that starts with "if" (or "perhaps": a guess, not a decision) and has not ended
# before the phrase.
_CONDITIONAL = re.compile(
    r"\b(?:if|should|in case|in the event that|unless|wenn|falls|sollten?|sofern|soweit|indien|"
    r"mocht|si|als (?:je|jij|u)|im falle|in case of|en cas de|en caso de|in geval van|nach ablauf|"
    r"after (?:this|the) deadline|passé ce délai|pasado (?:este|dicho) plazo|perhaps|possibly|maybe|möglicherweise|vielleicht|eventuell|peut-être|"
    r"éventuellement|quizás?|tal vez|posiblemente|misschien|wellicht|mogelijk|"
    r"without (?:this|these|your)|zonder (?:deze|die|uw|je)|ohne (?:diese|ihre|deine)|"
    r"sans (?:ces|cette|ce|vos|tes|retour|réponse|nouvelles)|sin (?:estos|estas|esos|esas|tus|sus)|"
    r"à défaut de|à défaut d'|faute de (?:retour|réponse))\b"
    r"[^.!?,;:]*$",
    re.I,
)
# Whom the no was said to, where German and Dutch put them before the verb: "einigen anderen
# Kandidaten bereits absagen müssen" told others, not the candidate.
_OTHERS_TOLD = re.compile(
    r"\b(?:anderen|übrigen|weiteren|andere|overige) (?:kandidat|bewerber|sollicitant)\w*"
    r"(?: \w+)?\s*$",
    re.I,
)
# ... and the clause after it: "If you are not selected, we will keep your CV on file".
_CONDITIONAL_SENTENCE = re.compile(
    r"(?:^|[.!?:]\s)\s*(?:if|should|in case|unless|wenn|falls|sollten?|indien|mocht|si|als (?:je|jij|u)|"
    r"à défaut de|à défaut d'|faute de|sans (?:retour|réponse))"
    r"\b[^.!?]*$",
    re.I,
)


def own_text(text: str) -> str:
    """The text the sender wrote, without the quoted thread below it."""
    return _own_and_quoted(text.split("\n"))[0]


def _own_and_quoted(lines: list[str]) -> tuple[str, int | None]:
    """The sender's own text, and the index of the line where the quoted thread starts."""
    own = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if _QUOTE_START.match(stripped):
            return "\n".join(own), index
        if not stripped.startswith(">"):
            own.append(line)
    return "\n".join(own), None


def body_text(email: Email) -> str:
    """What detection reads: the sender's own text, and a note they forward from a colleague.

    A recruiter often passes on the hiring manager's decision as a forward ("see below from
    our Operations Director"): the no is in the forwarded note, which is the organisation's
    word as much as the recruiter's. A friend forwarding their own rejection, or anyone
    quoting the candidate's mail, forwards a note from elsewhere, which stays unread."""
    lines = email.text.split("\n")
    own, quoted = _own_and_quoted(lines)
    note = _colleagues_note(email, lines, quoted) if quoted is not None else ""
    return f"{own}\n{note}" if note else own


_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv|doorst|enc)\s*:", re.I)
_FORWARD_MARKER = re.compile(
    r"^(?:-{2,} ?(?:forwarded message|weitergeleitete nachricht|doorgestuurd bericht|message "
    r"transféré|mensaje reenviado) ?-{2,}|begin forwarded message:|début du message réexpédié ?:|"
    r"anfang der weitergeleiteten nachricht:)$",
    re.I,
)
_HEADER_FROM = re.compile(r"^(?:from|van|von|de|da) ?:.*?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
_HEADER_TO = re.compile(r"^(?:to|aan|an|à|para|a) ?:.*?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.I)
_YOUR_APPLICATION = re.compile(
    r"\b(?:your (?:application|candidacy)|(?:su|tu) (?:candidatura|postulación)|(?:ihre|deine) "
    r"bewerbung|(?:votre|ta) candidature|(?:uw|je) sollicitatie)\b",
    re.I,
)
# A mail provider everyone shares: its domain names nobody's employer ("gmx-post", "orange-mail").
FREEMAIL = re.compile(
    r"^(?:gmail|googlemail|yahoo|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|"
    r"gmx|web|mail|mailbox|webmail|fastmail|hey|zoho|yandex|posteo|t-online|freenet|arcor|aon|"
    r"bluewin|orange|wanadoo|free|sfr|laposte|telenet|skynet|ziggo|kpnmail|xs4all|libero|"
    r"btinternet|virginmedia|eircom|example|correo\w*)"
    r"(?:-(?:mail|post|box|online|uk|ie|de|at|ch|fr|be|nl|es))?\.",
    re.I,
)


# An agency passing on its client's decision: the client's word is the no, from another domain.
_CLIENTS_WORD = re.compile(
    r"\b(?:from|of|by) (?:the|my|our) client\b|\bclient(?:'s)? (?:feedback|decision|response)\b|"
    r"\b(?:retour|réponse|décision) (?:de |du )(?:notre |mon )?client\b|\b(?:rückmeldung|antwort|"
    r"entscheidung) (?:unseres|des|von unserem) (?:kunden|mandanten)\b|\b(?:rückmeldung|antwort|"
    r"entscheidung) (?:von|vom) (?:der |dem )?(?-i:[A-Z])|\b(?:terugkoppeling|reactie|"
    r"feedback|antwoord) van (?:de|onze|mijn|het) (?:klant|opdrachtgever|gemeente|organisatie|"
    r"instelling|ziekenhuis)\b|\b(?:respuesta|decisión|comentarios) "
    r"(?:del|de nuestro) cliente\b|\b(?:contestado|respondido|dicho|comentado|contestó|respondió|dijo) el cliente\b",
    re.I,
)


def _colleagues_note(email: Email, lines: list[str], quoted: int) -> str:
    """The text of a message forwarded below the sender's own (`lines` from `quoted` on),
    when it comes from the sender's own domain (not a mail provider everyone shares), or from
    the client the sending agency says it is passing on."""
    domain = (email.from_addr or "").rpartition("@")[2].lower()
    if not domain or FREEMAIL.match(domain):
        return ""
    marker = any(
        _FORWARD_MARKER.match(line.strip()) for line in lines[max(0, quoted - 3) : quoted + 1]
    )
    if not (marker or _FORWARD_SUBJECT.match(email.subject)):
        return ""
    for index in range(quoted, min(quoted + 8, len(lines))):
        sender = _HEADER_FROM.match(lines[index].strip())
        if sender:
            break
    else:
        return ""
    if sender.group(1).rpartition("@")[2].lower() != domain and not _CLIENTS_WORD.search(
        "\n".join(lines[:quoted])  # the agency's own note, read only for a forward from elsewhere
    ):
        return ""
    rest = lines[index + 1 :]
    blank = next((i for i, text in enumerate(rest) if not text.strip()), len(rest))
    note = _own_and_quoted(rest[blank + 1 :])[0]
    to = next(filter(None, (_HEADER_TO.match(line.strip()) for line in rest[:blank])), None)
    if to and to.group(1).lower() == email.from_addr and _YOUR_APPLICATION.search(note):
        return ""  # the forwarder's own rejection, passed on to a friend
    return note


def detect(email: Email, own_addresses: frozenset[str] = frozenset()) -> Verdict:
    """Score an email; `own_addresses` are the user's, whose own mail is never a rejection."""
    body = body_text(email)
    language = guess_language(f"{email.subject}\n{body}")
    if email.from_addr and email.from_addr in own_addresses:
        return Verdict(False, 0.0, ("sent by you",), language, about_a_job=False)
    auto = email.headers.get("auto-submitted", "").lower()
    if auto.startswith("auto-replied") or email.headers.get("x-autoreply"):
        return Verdict(False, 0.0, ("automatic reply",), language, about_a_job=False)

    # Mail clients write "won’t" as often as "won't": the rules are written with the latter.
    text = _QUOTED.sub(" ", " ".join(f"{email.subject}\n{body}"[:20_000].split())).replace("’", "'")
    haystack = Haystack.of(text)
    hits: list[tuple[float, str]] = []
    found = [
        (rule, span)
        for rule in haystack.candidates(_REJECT_AND_COUNTER)
        if (span := rule.first(haystack))
    ]
    # "we cannot give everyone who does not go through feedback": the no inside a counter-signal
    countered = [span for rule, span in found if rule.weight < 0]
    for rule, (start, end) in found:
        if rule.weight < 0 and _NEGATED.search(text[max(0, start - 30) : start]):
            hits.append((2.5, text[max(0, start - 12) : end].strip()))
        elif rule.weight > 0 and (
            _CONDITIONAL.search(text[max(0, start - 60) : start])
            or _CONDITIONAL_SENTENCE.search(text[max(0, start - 200) : start])
            or any(a <= start < b for a, b in countered)
            or _OTHERS_TOLD.search(text[max(0, start - 50) : start])
        ):
            continue  # "if you are not selected, we will keep your CV": nothing decided yet
        else:
            hits.append((rule.weight, text[start:end]))
    settled = any(weight <= SETTLING for weight, _ in hits)  # before the list and OTHER weights
    job = len(
        {text[a:b].lower() for rule in haystack.candidates(JOB) for a, b in rule.spans(haystack)}
    )
    if names_ats(email.from_addr):
        job += 2
    subject: Haystack | None = None  # searched only when a rule below fires
    for rule in haystack.candidates(OTHER):  # a flat, a loan, a paper: weaker when the job
        span = rule.first(haystack)  # words are many, unless the subject says it is about one
        if span:
            subject = subject or Haystack.of(email.subject)
            about = rule.first(subject) is not None
            weight = rule.weight * (1.6 if job < 2 or about else 1.0 if job < 3 else 0.4)
            hits.append((weight, text[span[0] : span[1]]))
            settled = settled or (job == 0 and about)  # "Re: Apartamento", no word of a job
    # Newsletters quote rejections, and rarely send one; a job board's status update comes with an
    # unsubscribe header too, but says what became of "your application".
    if (
        email.headers.get("list-unsubscribe")
        or email.headers.get("list-id")
        or email.headers.get("precedence", "").lower() in ("bulk", "list")
    ):
        decided = any(w >= 4 for w, _ in hits) and _YOUR_APPLICATION.search(text)
        hits.append((-3.0 if decided else -6.0, "sent to a mailing list"))
    positive = min(sum(w for w, _ in hits if w > 0), 8.0)
    raw = positive + sum(w for w, _ in hits if w < 0) + min(job, 3) * 0.6 - 3.0
    if positive < 4:
        raw -= 1.5  # soft words alone ("unfortunately") are not a rejection
    if job == 0:
        raw -= 1
    # The rules know phrasings; the model knows the words rejections are made of, and catches
    # the ones no rule foresaw. Their log-odds add up.
    model_logit, model_seen = _model_opinion(email.subject, body)
    raw = (
        max(RULE_FLOOR if settled else -RULE_CLIP, min(RULE_CLIP, raw)) + MODEL_WEIGHT * model_logit
    )
    score = round(1 / (1 + math.exp(-raw)), 3)
    evidence = tuple(phrase for w, phrase in sorted(hits, key=lambda h: -abs(h[0])) if w > 0)
    if not evidence and score >= LIKELY:
        evidence = tuple(f"reads like a rejection: {w!r}" for w in _telling_words(model_seen))
    return Verdict(score >= LIKELY, score, evidence, language, about_a_job=bool(job or hits))


# The model: logistic regression over the words and word pairs of an email, trained on the
# labelled tuning corpus by `make train` (tests/train_detector.py) and shipped as plain weights.
MODEL_PATH = Path(__file__).with_name("detect_model.json")
MODEL_WEIGHT = 2.0  # chosen with C by cross-validation over the tune splits
RULE_CLIP = 7.0
# Lower when a counter-signal settles it (an offer, "if you have not heard from us", a friend's
# own news): that outweighs a model finding the words of a rejection around it.
SETTLING = -6.0
RULE_FLOOR = -10.0
PRIOR_SHRINK = 30  # features; chosen by leave-one-split-out validation over the tune splits
_FEATURE_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")  # ’ is read as ' first


def _feature_parts(subject: str, body: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The model's features as read: words and subject words, and word pairs as tuples,
    cheaper to make and look up than the joined strings `features` names."""
    words = _FEATURE_WORD.findall(" ".join(body.split()).lower()[:6000].replace("’", "'"))
    singles = set(words) | {"s:" + w for w in _FEATURE_WORD.findall(subject.lower())}
    return singles, set(zip(words, words[1:], strict=False))


def features(subject: str, body: str) -> set[str]:
    """The words, word pairs ("a b") and subject words ("s:a") the model reads."""
    singles, pairs = _feature_parts(subject, body)
    return singles | {f"{a} {b}" for a, b in pairs}


@lru_cache(maxsize=1)
def _model() -> tuple[float, dict[str, float], dict[tuple[str, str], float]]:
    """The intercept, the weights of single words and those of word pairs."""
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0.0, {}, {}  # no model: the rules alone decide
    singles: dict[str, float] = {}
    pairs: dict[tuple[str, str], float] = {}
    for name, weight in data["weights"].items():
        first, _, second = name.partition(" ")
        if second:  # each word once in memory, however many pairs it is in
            pairs[sys.intern(first), sys.intern(second)] = weight
        else:
            singles[name] = weight
    return float(data["intercept"]), singles, pairs


def _model_opinion(subject: str, body: str) -> tuple[float, dict[str, float]]:
    """The model's log-odds that this is a rejection, and the features it knows, weighed."""
    intercept, single_weights, pair_weights = _model()
    singles, pairs = _feature_parts(subject, body)
    seen_singles = singles & single_weights.keys()
    seen_pairs = pairs & pair_weights.keys()
    # The intercept is the prior of a typical email, whose many words outweigh it; in a
    # two-line note it would outweigh the words instead, so it shrinks with the text.
    found = len(singles) + len(pairs)
    prior = intercept * found / (found + PRIOR_SHRINK)
    weighed = {f: single_weights[f] for f in seen_singles}
    weighed.update((f"{a} {b}", pair_weights[a, b]) for a, b in seen_pairs)
    return prior + sum(weighed.values()), weighed


def _telling_words(seen: dict[str, float]) -> list[str]:
    """The three features that weighed most for a rejection, as a reader would see them."""
    telling = [
        (weight, f)
        for f, weight in seen.items()
        if weight > 0 and not f.startswith("s:") and (" " in f or len(f) >= 6)
    ]
    return [f for _, f in sorted(telling, reverse=True)[:3]]
