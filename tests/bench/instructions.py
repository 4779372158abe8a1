"""Judging cost as a count of CPU instructions: a measure this shared machine cannot blur.

Timings here swing by 20-30% with what else the host runs; the number of instructions an email
takes to parse, detect and extract does not. valgrind (cachegrind, no cache simulation) counts
them for a run that judges `COUNT` typical messages and for one that judges none, and the
difference over `COUNT` is the cost of one email. About a minute; compare two versions with it
before believing a speed-up of a few percent.

    python -m tests.bench --instructions
"""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

COUNT = 400
WARM_UP = 100  # judged in both runs: caches filled and lazy imports done


def child(messages_file: str, count: int) -> None:
    """What valgrind runs: judge WARM_UP messages, then `count` more."""
    from nextlead.detect import detect
    from nextlead.extract import extract
    from nextlead.mail.parse import parse_email

    raws = pickle.loads(Path(messages_file).read_bytes())
    for raw in raws[: WARM_UP + count]:
        email = parse_email(raw)
        detect(email)
        extract(email)


def per_email() -> int | None:
    """Instructions to parse, detect and extract one typical message; None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is missing: apt-get install valgrind to count instructions")
        return None
    from tests.bench.mailbox import Generator

    generator = Generator(10_000)
    with tempfile.TemporaryDirectory() as folder:
        messages = Path(folder) / "messages"
        raws = [generator.message(i, attachments=False).raw for i in range(WARM_UP + COUNT)]
        messages.write_bytes(pickle.dumps(raws))
        counts = [_instructions(valgrind, messages, count) for count in (0, COUNT)]
    return (counts[1] - counts[0]) // COUNT


def _instructions(valgrind: str, messages: Path, count: int) -> int:
    run = subprocess.run(
        [
            valgrind,
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-m",
            "tests.bench.instructions",
            str(messages),
            str(count),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]))
