"""A TCP proxy for fault tests: placed between NextLead and Dovecot or the SMTP server, it passes
bytes through until a chosen point, then cuts the connection, stalls it or slows it.

    cut = Fault("cut", match=rb"UID FETCH", nth=3, connection=1)
    with FaultProxy(dovecot.port, cut) as proxy:
        ...  # NextLead talks to 127.0.0.1:proxy.port
    assert proxy.cuts == 1

reads "cut the first connection when the third UID FETCH goes by; let later connections
through". A point is the `nth` line one side sends that matches `match` (the fault strikes
before that line is passed on), or the moment one side has sent `after_bytes` bytes (neither:
at once). Each fault strikes at most once per connection, on the connections it names (all by
default). Lines are read as plain text, so match them on a plain (not TLS) port. Faults are
read when a connection is accepted: changing `proxy.faults` affects later connections only.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

CUT, STALL, SLOW = "cut", "stall", "slow"
CLIENT, SERVER = "client", "server"
_OTHER = {CLIENT: SERVER, SERVER: CLIENT}
_PIECES = re.compile(rb"[^\n]*\n|[^\n]+")  # whole lines, then what has arrived of the next
_KEEP = 65_536  # bytes of an unfinished line kept for matching


@dataclass(frozen=True)
class Fault:
    """`action` ("cut", "stall" or "slow") at a point of the connections it names."""

    action: str
    match: bytes | None = None  # a regex tried on each whole line `side` sends
    nth: int = 1  # strike at the nth matching line of a connection
    after_bytes: int | None = None  # or: once `side` has sent this many bytes
    side: str = CLIENT  # whose lines or bytes: "client" (NextLead) or "server"
    connection: int | Container[int] | None = None  # 1 = the first accepted; None = every one
    seconds: float | None = None  # a stall's length; None: until the proxy stops
    rate: int = 2048  # bytes per second that `side` gets through once slowed

    def __post_init__(self) -> None:
        if self.action not in (CUT, STALL, SLOW) or self.side not in (CLIENT, SERVER):
            raise ValueError(f"no such fault: {self.action} on the {self.side} side")

    def applies_to(self, number: int) -> bool:
        if self.connection is None:
            return True
        if isinstance(self.connection, int):
            return number == self.connection
        return number in self.connection


class _Link:
    """One proxied connection: both sockets and what each side has sent so far."""

    def __init__(self, number: int, client: socket.socket, server: socket.socket, faults):
        self.number = number
        self.sockets = {CLIENT: client, SERVER: server}
        self.faults: list[Fault] = [f for f in faults if f.applies_to(number)]
        self.seen = {CLIENT: 0, SERVER: 0}  # bytes each side has sent, as read by the proxy
        self.unfinished = {CLIENT: b"", SERVER: b""}
        self.rate = {CLIENT: 0, SERVER: 0}
        self.matches: Counter[int] = Counter()
        self.struck: set[int] = set()
        self.closed = threading.Event()

    def close(self) -> None:
        self.closed.set()
        for sock in self.sockets.values():
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


class FaultProxy:
    """Listens on 127.0.0.1:`port` and forwards each connection to `upstream_port`.

    Counters: `connections` accepted, `cuts`, `stalls` and `slowdowns` done."""

    def __init__(self, upstream_port: int, *faults: Fault, upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.faults = list(faults)
        self.connections = self.cuts = self.stalls = self.slowdowns = 0
        self._lock = threading.Lock()
        self._links: list[_Link] = []
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]

    def __enter__(self) -> FaultProxy:
        self._start(self._accept)
        return self

    def __exit__(self, *exc) -> None:
        self._stopping.set()
        self._listener.close()
        with self._lock:
            links = list(self._links)
        for link in links:
            link.close()
        for thread in self._threads:
            thread.join(timeout=5)

    def _start(self, target, *args) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.settimeout(None)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # lines go at once
            with self._lock:
                self.connections += 1
                link = _Link(self.connections, client, server, self.faults)
                self._links.append(link)
            self._start(self._pump, link, CLIENT)
            self._start(self._pump, link, SERVER)

    def _pump(self, link: _Link, side: str) -> None:
        """Forward what `side` sends to the other side until either end closes."""
        try:
            while not link.closed.is_set():
                data = link.sockets[side].recv(65_536)
                _quick_ack(link.sockets[side])
                if not data or not self._pass(link, side, data):
                    break
        except OSError:
            pass
        finally:
            link.close()

    def _pass(self, link: _Link, side: str, data: bytes) -> bool:
        """Forward `data`, striking each fault due in it at its place; False once cut."""
        sent = start = 0
        for piece in _PIECES.findall(data):
            for offset, index in self._due(link, side, piece):
                self._send(link, side, data[sent : start + offset])
                sent = start + offset
                link.struck.add(index)
                if not self._strike(link, side, link.faults[index]):
                    return False
            start += len(piece)
        self._send(link, side, data[sent:])
        return True

    def _due(self, link: _Link, side: str, piece: bytes) -> list[tuple[int, int]]:
        """(offset in `piece`, fault index) of each fault that strikes within it, in order."""
        line = link.unfinished[side] + piece
        whole = piece.endswith(b"\n")
        link.unfinished[side] = b"" if whole else line[-_KEEP:]
        due = []
        for index, fault in enumerate(link.faults):
            if index in link.struck or fault.side != side:
                continue
            if fault.match is not None:
                if whole and re.search(fault.match, line):
                    link.matches[index] += 1
                    if link.matches[index] == fault.nth:
                        due.append((0, index))
            else:
                offset = (fault.after_bytes or 0) - link.seen[side]
                if 0 <= offset <= len(piece):
                    due.append((offset, index))
        link.seen[side] += len(piece)
        return sorted(due)

    def _strike(self, link: _Link, side: str, fault: Fault) -> bool:
        with self._lock:
            if fault.action == CUT:
                self.cuts += 1
            elif fault.action == STALL:
                self.stalls += 1
            else:
                self.slowdowns += 1
        if fault.action == CUT:
            link.close()
            return False
        if fault.action == STALL:
            link.closed.wait(fault.seconds)
            return not link.closed.is_set()
        link.rate[side] = fault.rate
        return True

    def _send(self, link: _Link, side: str, data: bytes) -> None:
        """To the other side, at `side`'s rate if it was slowed."""
        target, rate = link.sockets[_OTHER[side]], link.rate[side]
        if not rate:
            target.sendall(data)
            return
        step = max(1, rate // 10)
        for start in range(0, len(data), step):
            chunk = data[start : start + step]
            target.sendall(chunk)
            if link.closed.wait(len(chunk) / rate):
                raise OSError("closed while slowed")


def _quick_ack(sock: socket.socket) -> None:
    """Acknowledge at once (Linux): a client that sends a literal and its CRLF in two writes
    would otherwise wait for a delayed ACK, 40 ms each time."""
    if hasattr(socket, "TCP_QUICKACK"):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
