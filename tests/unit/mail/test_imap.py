"""imap.nothing_new: a rescan skips its SEARCH only when UIDNEXT proves nothing arrived."""

from __future__ import annotations

from nextlead.mail.imap import nothing_new


def test_uidnext_right_after_the_last_uid_seen_means_nothing_new():
    assert nothing_new({b"UIDNEXT": 42, b"UIDVALIDITY": 7}, 41)
    assert nothing_new({b"UIDNEXT": 1}, 0)  # an empty folder


def test_a_higher_uidnext_means_new_mail():
    assert not nothing_new({b"UIDNEXT": 43}, 41)
    assert not nothing_new({b"UIDNEXT": 2}, 0)


def test_a_server_without_uidnext_gets_the_search():
    assert not nothing_new({b"UIDVALIDITY": 7, b"EXISTS": 0}, 41)
