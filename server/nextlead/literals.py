"""The literal strings a regex cannot match without: a cheap test before the costly search.

Detection runs about 130 case-insensitive regexes over every email, and most of them find
nothing. Each pattern is read once (with the standard library's own regex parser) to learn a
few strings at least one of which occurs in any text it matches, for instance
`regret to inform|regret to tell|...` for `\\bregret(?:fully)? to (?:inform|tell|...)`. One
pass of an Aho-Corasick automaton (KeyFinder) over the lowercased email finds which of all
those strings it holds; a rule none of whose strings occurs cannot match, so its search is
skipped. Same verdicts, less time (tests/unit/test_literals.py checks both).
"""

from __future__ import annotations

import re
from operator import itemgetter

import ahocorasick

try:  # the parser `re` itself uses; private, so its absence only turns the shortcut off
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover - other Pythons
    sre_parser = None

_MAX_STRINGS = 64  # beyond this many alternatives, a requirement costs more than it saves
_MIN_LENGTH = 2  # a single letter tells nothing

# Letters that case-insensitive matching takes for an ASCII letter but str.lower() does not
# turn into it (Turkish dotted and dotless i, the long s). Text holding one is always searched.
_FOLDING_TRAPS = re.compile("[\u0130\u0131\u017f]")

Strings = set[str]


def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase strings one of which is in every match of `pattern`; None when unknown."""
    parsed = _parsed(pattern)
    if parsed is None:
        return None
    exact, required = _sequence(parsed)
    if exact and "" not in exact and (not required or _shortest(exact) >= _shortest(required)):
        required = exact
    if not required:
        return None
    strings = {s.lower() for s in required}
    if _shortest(strings) < _MIN_LENGTH:
        return None
    # "not able" adds nothing when "not" is already there
    return tuple(sorted(s for s in strings if not any(o != s and o in s for o in strings)))


def faithful_lower(text: str) -> str | None:
    """`text.lower()` when a case-insensitive search of `text` and a plain search of it agree
    (for lowercase patterns), else None."""
    lowered = text.lower()
    if len(lowered) != len(text) or _FOLDING_TRAPS.search(text):
        return None
    return lowered


def lowercase_only(pattern: re.Pattern[str]) -> bool:
    """True when the pattern names no uppercase letter: run without IGNORECASE over
    lowercased text, it matches what it matched before, at the same places."""
    parsed = _parsed(pattern)
    if parsed is None:
        return False
    return all(chr(code) == chr(code).lower() for code in _literal_codes(parsed))


def _parsed(pattern: re.Pattern[str]) -> list | None:
    """The pattern as the regex compiler sees it (a list of (op, argument)); None when this
    Python's `re` has no such parser, and the shortcuts are simply not taken."""
    if sre_parser is None:
        return None
    try:
        return list(sre_parser.parse(pattern.pattern, pattern.flags))
    except (re.error, TypeError, ValueError):  # pragma: no cover - compiled already
        return None


def _literal_codes(items: list):
    c = sre_constants
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL):
            yield av
        elif op is c.RANGE:
            yield from av
        elif op is c.IN:
            yield from _literal_codes(av)
        elif op is c.SUBPATTERN:
            yield from _literal_codes(list(av[-1]))
        elif op is c.BRANCH:
            for branch in av[1]:
                yield from _literal_codes(list(branch))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            yield from _literal_codes(list(av[2]))
        elif op in (c.ASSERT, c.ASSERT_NOT):
            yield from _literal_codes(list(av[1]))
        elif op is c.ATOMIC_GROUP:
            yield from _literal_codes(list(av))


def _shortest(strings: Strings) -> int:
    return min(map(len, strings))


def _concat(left: Strings, right: Strings) -> Strings | None:
    joined = {a + b for a in left for b in right}
    return joined if len(joined) <= _MAX_STRINGS else None


def _sequence(items: list) -> tuple[Strings | None, Strings | None]:
    """(exact, required) of a sequence: every string it can match (None if not finite), and
    strings one of which is in any match (the most selective that can be proved)."""
    exact: Strings | None = {""}
    run: Strings = {""}  # the strings of the current stretch of exactly known items
    found: list[Strings] = []
    for op, av in items:
        item_exact, item_required = _item(op, av)
        if item_required:
            found.append(item_required)
        if item_exact is None:
            found.append(run)
            run, exact = {""}, None
            continue
        longer = _concat(run, item_exact)
        if longer is None:
            found.append(run)
            longer = item_exact if len(item_exact) <= _MAX_STRINGS else {""}
        run = longer
        if exact is not None:
            exact = _concat(exact, item_exact)
    found.append(run)
    usable = [s for s in found if s and "" not in s]
    best = max(usable, key=lambda s: (_shortest(s), -len(s)), default=None)
    return exact, best


def _item(op, av) -> tuple[Strings | None, Strings | None]:  # noqa: PLR0911 - one case per node
    c = sre_constants
    if op is c.LITERAL:
        return {chr(av)}, None
    if op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
        return {""}, None  # zero width: the strings around it stay adjacent
    if op is c.IN:
        chars = [chr(value) for kind, value in av if kind is c.LITERAL]
        return (set(chars) if len(chars) == len(av) <= 4 else None), None
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is c.BRANCH:
        return _branch([_sequence(list(branch)) for branch in av[1]])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, item = av
        item_exact, item_required = _sequence(list(item))
        if low == 0:
            optional = high == 1 and item_exact is not None
            return ({""} | item_exact if optional else None), None
        if item_exact and "" not in item_exact:
            item_required = item_exact
        return (item_exact if low == high == 1 else None), item_required
    return None, None


def _branch(branches: list[tuple[Strings | None, Strings | None]]):
    exacts = [exact for exact, _ in branches]
    exact = set().union(*exacts) if all(e is not None for e in exacts) else None
    if exact is not None and len(exact) > _MAX_STRINGS:
        exact = None
    needs = [e if e is not None and "" not in e else r for e, r in branches]
    required = set().union(*needs) if all(needs) else None
    if required is not None and len(required) > _MAX_STRINGS:
        required = None
    return exact, required


class KeyFinder:
    """Which of many key strings occur in a text, overlapping ones included, in one pass of
    an Aho-Corasick automaton (pyahocorasick, in C): five times faster than any one regex."""

    def __init__(self, keys: frozenset[str]):
        self.keys = keys
        self._automaton = ahocorasick.Automaton()
        for key in keys:
            self._automaton.add_word(key, key)
        if keys:
            self._automaton.make_automaton()

    def present(self, lowered: str) -> frozenset[str]:
        if not self.keys:
            return frozenset()
        return frozenset(map(itemgetter(1), self._automaton.iter(lowered)))


class Prefiltered:
    """Named groups of regexes that are mostly searched in vain, each regex with the strings
    it cannot match without. `possible(text)` tells, after one KeyFinder pass, which regexes
    of each group may match the text or any part of it, even with its whitespace laid out
    differently (in their order: the first that matches may win)."""

    def __init__(self, **groups: list[re.Pattern[str]]):
        self._groups = {
            name: [(p, _needs(p)) for p in patterns] for name, patterns in groups.items()
        }
        every_need = (needs for group in self._groups.values() for _, needs in group)
        self._finder = KeyFinder(frozenset().union(*every_need))

    def possible(self, text: str) -> dict[str, list[re.Pattern[str]]]:
        lowered = faithful_lower(" ".join(text.split()))
        present = self._finder.present(lowered) if lowered is not None else None
        return {
            name: [
                pattern
                for pattern, needs in group
                if present is None or not needs or not needs.isdisjoint(present)
            ]
            for name, group in self._groups.items()
        }


def _needs(pattern: re.Pattern[str]) -> frozenset[str]:
    """The strings of `pattern`; none (always searched) when one holds a whitespace other
    than a single space, which a text with its whitespace runs read as one space could miss."""
    needs = frozenset(required_strings(pattern) or ())
    return frozenset() if any(_ODD_SPACE.search(s) for s in needs) else needs


_ODD_SPACE = re.compile(r"[^\S ]|  ")
