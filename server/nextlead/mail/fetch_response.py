"""FETCH responses to the values imapclient gives, read with one regular expression.

imapclient's parser reads a response a byte at a time in Python: for a first scan's 10,000
BODYSTRUCTUREs and header blocks that was 2.2 s of the scan process's CPU, on the path the
scan waits on (the judging workers wait for the batches it fetches). Tokenising with one
regular expression does the same work in under a third of the time (0.64 s) and builds the
same values: int for numbers, None for NIL, bytes for strings and literals, tuples for lists,
BodyData for BODY and BODYSTRUCTURE, keyed by UID. Anything it does not expect is handed to
imapclient's parser, so an odd server costs speed, never a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from imapclient.response_parser import parse_fetch_response
from imapclient.response_types import BodyData

# One token: an opening or closing parenthesis, a quoted string, a literal's {size} (last in
# its line: imaplib hands the literal itself alongside), or an atom, which, as imapclient
# reads it, may hold a bracketed section with spaces (BODY[HEADER.FIELDS (FROM TO)]<0>).
_TOKEN = re.compile(
    rb'([ \t\r\n]*(?:(\()|(\))|"((?:[^"\\\r\n]|\\["\\])*)"|\{(\d+)\}$'
    rb'|((?:[^\x00-\x20()"%\[\x7f]|\[[^\]]*\])+)))'
)
_ESCAPE = re.compile(rb"\\([\"\\])")


class _Unexpected(Exception):
    """A response this reader does not know: imapclient's parser reads it instead."""


def parse_fetch(records: list, uids: list[int]) -> dict[int, dict[bytes, Any]]:
    """imaplib's untagged FETCH data (lines, and (line, literal) pairs) as {uid: {item: value}},
    for the `uids` asked (a server may add unsolicited responses for others)."""
    try:
        parsed = _parse(records)
    except (_Unexpected, ValueError):
        parsed = None
    if parsed is None:  # read again outside the except, so its errors stand on their own
        parsed = parse_fetch_response(records, True, True)
    wanted = set(uids)
    return {uid: items for uid, items in parsed.items() if uid in wanted}


def _parse(records: list) -> dict[int, dict[bytes, Any]]:
    parsed: dict[int, dict[bytes, Any]] = {}
    for response in _values(records):
        if not isinstance(response, tuple):
            raise _Unexpected
        seq, values = response
        if not isinstance(seq, int) or not isinstance(values, tuple) or len(values) % 2:
            raise _Unexpected
        items: dict[bytes, Any] = {b"SEQ": seq}
        key = seq
        for name, value in zip(values[::2], values[1::2], strict=True):
            if not isinstance(name, bytes):
                raise _Unexpected
            name = name.upper()
            if name == b"UID":
                if not isinstance(value, int):
                    raise _Unexpected
                key = value
            elif name in (b"BODY", b"BODYSTRUCTURE"):
                if not isinstance(value, tuple) or not value:
                    raise _Unexpected
                items[name] = BodyData.create(value)
            else:
                items[name] = value
        parsed.setdefault(key, {}).update(items)
    return parsed


def _values(records: list) -> Iterator[tuple]:
    """Each response as (message number, its parenthesised list), a response being split
    over several records where it holds literals."""
    stack: list[list] = [[]]
    for record in records:
        line, literal = record if isinstance(record, tuple) else (record, None)
        if not isinstance(line, bytes):
            raise _Unexpected
        tokens = _TOKEN.findall(line)
        if sum(len(token[0]) for token in tokens) != len(line.rstrip(b" \t\r\n")):
            raise _Unexpected  # a character no token starts with
        for _, opening, closing, quoted, size, atom in tokens:
            if atom:
                stack[-1].append(_atom(atom))
            elif opening:
                stack.append([])
            elif closing:
                if len(stack) < 2:
                    raise _Unexpected
                done = tuple(stack.pop())
                stack[-1].append(done)
            elif size:
                if literal is None or len(literal) != int(size):
                    raise _Unexpected
                stack[-1].append(literal)
                literal = None
            else:
                stack[-1].append(_ESCAPE.sub(rb"\1", quoted) if b"\\" in quoted else quoted)
        if literal is not None:
            raise _Unexpected
        if len(stack) == 1 and stack[0]:  # a whole response: number, then its list
            yield tuple(stack[0])
            stack = [[]]
    if len(stack) != 1 or stack[0]:
        raise _Unexpected


def _atom(token: bytes) -> Any:
    if token == b"NIL":
        return None
    if token.isdigit() and (token[:1] != b"0" or len(token) == 1):
        return int(token)
    return token
