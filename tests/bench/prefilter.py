"""The server-side pre-filter experiment (`--prefilter`): would a keyword SEARCH be safe?

A scan could ask the server for likely rejections only (SEARCH with OR'd BODY/SUBJECT terms,
or X-GM-RAW on Gmail) and fetch nothing else. This measures, on the seeded mailbox, what that
SEARCH costs and which seeded rejections it would lose: rejections come in five languages
and some use no stock phrase at all. The scan does not pre-filter (see the README); this
section is the evidence.
"""

from __future__ import annotations

import time

from tests.support.dovecot import Dovecot

# Two pre-filters one might write. STOCK: the phrases rejections are known for, in five
# languages. JOB: any word that places a message in a job search, a far wider net.
STOCK = (
    "unfortunately",
    "regret",
    "other candidate",
    "another candidate",
    "move forward",
    "moving forward",
    "not been selected",
    "unsuccessful",
    "position has been filled",
    "leider",
    "absage",
    "malheureusement",
    "pas retenu",
    "lamentablemente",
    "desafortunadamente",
    "helaas",
    "afwijzing",
)
JOB = (
    "application",
    "applied",
    "applying",
    "candida",
    "applicant",
    "position",
    "role",
    "interview",
    "bewerbung",
    "stelle",
    "poste",
    "puesto",
    "vacature",
    "sollicit",
)
TERM_SETS = {"stock phrases": STOCK, "job words": JOB}


def criteria(terms: tuple[str, ...]) -> bytes:
    """OR'd SUBJECT and BODY terms in IMAP's prefix notation."""
    keys = [f'{where} "{term}"' for term in terms for where in ("SUBJECT", "BODY")]
    return ("OR " * (len(keys) - 1) + " ".join(keys)).encode()


def run(dovecot: Dovecot, user: str, entries: list[dict]) -> list[dict]:
    """Time each pre-filter SEARCH and count the seeded rejections it would miss.

    UIDs follow the manifest's order (the mailbox was filled by MULTIAPPEND in index order);
    the labelled rejections' Message-IDs are fetched to check that."""
    by_uid = {e["index"] + 1: e for e in entries}
    rejections = [uid for uid, e in by_uid.items() if e["label"]]
    found = []
    client = dovecot.client(user)
    client._imap.sock.settimeout(900)
    try:
        client.select_folder("INBOX", readonly=True)
        fetched = client.fetch(rejections, [b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
        for uid, data in fetched.items():
            header = next(v for k, v in data.items() if k.startswith(b"BODY[")).decode()
            assert by_uid[uid]["message_id"] in header, f"UID {uid} is not manifest entry {uid - 1}"
        for name, terms in TERM_SETS.items():
            started = time.perf_counter()
            hits = set(client.search(criteria(terms)))
            seconds = time.perf_counter() - started
            missed = [by_uid[uid] for uid in rejections if uid not in hits]
            found.append(
                {
                    "name": name,
                    "terms": len(terms),
                    "seconds": seconds,
                    "matched": len(hits & set(by_uid)),
                    "messages": len(by_uid),
                    "rejections": len(rejections),
                    "missed": len(missed),
                    "missed_sources": sorted({e["source"] for e in missed}),
                }
            )
    finally:
        client.logout()
    return found
