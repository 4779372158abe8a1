"""The funnel chart: totals per stage and their weekly counts, laid out for an inline SVG.

Pure: event dates in, geometry out; the template (`_funnel.svg.html`) draws it. Made on the
server so the overview needs no script and no chart library, works offline and prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

STAGES = (
    ("rejections", "Rejections found"),
    ("asks_drafted", "Asks drafted"),
    ("asks_sent", "Asks sent"),
    ("replies", "Answers"),
    ("leads", "Leads"),
    ("contacted", "Referrals contacted"),
    ("interviews", "Interviews from referrals"),
)
WEEKS = 12
WIDTH = 980
BAR_X, BAR_W = 188, 300  # the total, as a bar (stage names to its left)
WEEK_X, WEEK_W, WEEK_GAP = 572, 28, 6  # one column per week
ROW_H, BAR_H, TOP, BOTTOM = 38, 22, 26, 22


@dataclass(frozen=True)
class Week:
    x: float
    y: float
    height: float
    count: int
    start: date


@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    total: int
    rate: int | None  # percent of the stage before, when that one is not zero
    y: float
    bar: float
    weeks: tuple[Week, ...]


@dataclass(frozen=True)
class Chart:
    stages: tuple[Stage, ...]
    weeks: tuple[date, ...]
    width: int
    height: int

    @property
    def geometry(self) -> tuple[int, int, int, int, int]:
        """Where the template draws: bar x and width, week x, width and gap."""
        return BAR_X, BAR_W, WEEK_X, WEEK_W, WEEK_GAP

    @property
    def summary(self) -> str:
        """The chart in words, for screen readers (the SVG's <desc>)."""
        parts = [f"{s.label}: {s.total}" for s in self.stages]
        span = f"weekly counts from the week of {self.weeks[0]:%-d %b} to {self.weeks[-1]:%-d %b}"
        return "; ".join(parts) + f". The columns show {span}."


def to_day(text: str | None) -> date | None:
    """The UTC day of an ISO timestamp (offsets differ between mails); None if unreadable."""
    try:
        parsed = datetime.fromisoformat(text or "")
    except ValueError:
        return None
    if parsed.tzinfo:
        parsed = parsed.astimezone(UTC)
    return parsed.date()


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(dates: Iterable[str | None], weeks: list[date]) -> list[int]:
    """How many of `dates` fall in each week (weeks start on Monday); others are ignored."""
    index = {start: i for i, start in enumerate(weeks)}
    counts = [0] * len(weeks)
    for text in dates:
        day = to_day(text)
        if day is not None and (i := index.get(week_start(day))) is not None:
            counts[i] += 1
    return counts


def funnel_chart(events: Mapping[str, list[str]], today: date, weeks: int = WEEKS) -> Chart:
    """Lay out the funnel: one row per stage with its total as a bar and `weeks` weekly
    columns ending with this week (or the latest event's, when mail is dated ahead)."""
    latest = max((d for ds in events.values() for t in ds if (d := to_day(t))), default=today)
    end = week_start(max(today, latest))
    starts = [end - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    totals = {key: len(events.get(key, ())) for key, _ in STAGES}
    top = max(totals.values(), default=0) or 1
    stages = []
    previous: int | None = None
    for row, (key, label) in enumerate(STAGES):
        y = TOP + row * ROW_H
        counts = weekly_counts(events.get(key, ()), starts)
        peak = max(counts) or 1
        columns = []
        for i, count in enumerate(counts):
            height = max(2.0, BAR_H * count / peak) if count else 1.0
            columns.append(
                Week(
                    x=WEEK_X + i * (WEEK_W + WEEK_GAP),
                    y=y + 6 + BAR_H - height,
                    height=round(height, 1),
                    count=count,
                    start=starts[i],
                )
            )
        total = totals[key]
        bar = max(3.0, BAR_W * total / top) if total else 0.0
        # a share of the step above; more than all of it (two leads from one answer) is
        # not a share, so none is shown
        rate = round(100 * total / previous) if previous and total <= previous else None
        stages.append(Stage(key, label, total, rate, y, round(bar, 1), tuple(columns)))
        previous = total
    height = TOP + len(STAGES) * ROW_H + BOTTOM
    return Chart(tuple(stages), tuple(starts), WIDTH, height)
