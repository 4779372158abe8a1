"""Which language an email is written in, among those NextLead can answer in."""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ("en", "de", "fr", "es", "nl")

# Frequent function words, chosen to overlap little between the five languages.
_STOPWORDS = {
    "en": {
        "the",
        "and",
        "you",
        "your",
        "we",
        "for",
        "with",
        "have",
        "this",
        "that",
        "our",
        "are",
        "not",
        "will",
        "thank",
        "would",
        "been",
        "unfortunately",
        "regards",
    },
    "de": {
        "und",
        "der",
        "die",
        "das",
        "sie",
        "ihre",
        "ihr",
        "wir",
        "nicht",
        "mit",
        "für",
        "uns",
        "ist",
        "leider",
        "vielen",
        "dank",
        "bewerbung",
        "grüße",
        "haben",
        "wünschen",
    },
    "fr": {
        "le",
        "la",
        "les",
        "et",
        "vous",
        "votre",
        "nous",
        "pas",
        "pour",
        "avec",
        "est",
        "des",
        "une",
        "malheureusement",
        "merci",
        "candidature",
        "cordialement",
        "avons",
        "de",
        "du",
        "en",
        "au",
        "ce",
        "ne",
        "sur",
        "dans",
        "nos",
        "vos",
    },
    "es": {
        "el",
        "los",
        "las",
        "y",
        "usted",
        "su",
        "nosotros",
        "para",
        "con",
        "es",
        "una",
        "por",
        "lamentablemente",
        "gracias",
        "candidatura",
        "saludos",
        "hemos",
        "que",
        # shared with French or Dutch ("de", "en", "la"): counted for each, so that a Spanish
        # text full of them is not read as Dutch
        "de",
        "en",
        "la",
        "le",
        "del",
        "al",
        "lo",
        "se",
        "nos",
        "te",
        "tu",
        "muy",
        "este",
        "esta",
        "como",
        "más",
        "pero",
        "proceso",
        "cordial",
        "saludo",
        "agradecemos",
        "hola",
    },
    "nl": {
        "de",
        "het",
        "en",
        "je",
        "jouw",
        "u",
        "uw",
        "wij",
        "we",
        "niet",
        "voor",
        "met",
        "een",
        "helaas",
        "bedankt",
        "sollicitatie",
        "groet",
        "hebben",
        "van",
    },
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Each stop word and the languages it belongs to: one lookup per word of the text.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)


@lru_cache(maxsize=16)  # detection and extraction ask about the same email in turn
def guess_language(text: str) -> str:
    """The most likely of `LANGUAGES` for this text; English when there is no evidence."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in _WORD.findall(text[:5000].lower()):
        for lang in _LANGUAGES_OF.get(word, ()):
            counts[lang] += 1
    best = max(LANGUAGES, key=lambda lang: counts[lang])
    return best if counts[best] > counts["en"] else "en"
