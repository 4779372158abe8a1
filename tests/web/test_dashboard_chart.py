"""The overview's funnel chart: totals and weekly counts laid out for the inline SVG."""

from __future__ import annotations

from datetime import date

from nextlead.web.charts import STAGES, funnel_chart, weekly_counts

TODAY = date(2026, 11, 26)  # a Thursday; its week starts on Monday 23 Nov


def test_weekly_counts_bin_by_monday_weeks_in_utc():
    weeks = [date(2026, 11, 16), date(2026, 11, 23)]
    dates = [
        "2026-11-16T00:30:00+00:00",  # Monday: the first week
        "2026-11-22T23:30:00-05:00",  # Sunday evening in New York is Monday in UTC
        "2026-11-26T09:00:00+00:00",
        "2026-10-01T09:00:00+00:00",  # before the chart: left out
        "not a date",
        None,
    ]
    assert weekly_counts(dates, weeks) == [1, 2]


def test_the_chart_has_every_stage_with_its_total_and_rate():
    events = {
        "rejections": ["2026-11-02T10:00:00+00:00"] * 4,
        "asks_drafted": ["2026-11-03T10:00:00+00:00"] * 3,
        "asks_sent": ["2026-11-20T10:00:00+00:00"] * 2,
        "replies": ["2026-11-24T10:00:00+00:00"],
    }
    chart = funnel_chart(events, TODAY)
    assert [s.key for s in chart.stages] == [key for key, _ in STAGES]
    totals = {s.key: s.total for s in chart.stages}
    assert totals == {
        "rejections": 4,
        "asks_drafted": 3,
        "asks_sent": 2,
        "replies": 1,
        "leads": 0,
        "contacted": 0,
        "interviews": 0,
    }
    rates = {s.key: s.rate for s in chart.stages}
    assert rates["rejections"] is None and rates["asks_drafted"] == 75 and rates["replies"] == 50
    assert rates["contacted"] is None  # no leads: no share of nothing
    bars = [s.bar for s in chart.stages]
    assert bars[0] > bars[1] > bars[2] > bars[3] > 0 and bars[4] == 0
    assert chart.weeks[-1] == date(2026, 11, 23) and len(chart.weeks) == 12
    sent = next(s for s in chart.stages if s.key == "asks_sent")
    assert [w.count for w in sent.weeks][-2:] == [2, 0]
    assert "Asks sent: 2" in chart.summary


def test_mail_dated_ahead_moves_the_chart_to_it():
    chart = funnel_chart({"rejections": ["2027-01-05T10:00:00+00:00"]}, TODAY)
    assert chart.weeks[-1] == date(2027, 1, 4)
    assert chart.stages[0].weeks[-1].count == 1


def test_an_empty_store_draws_an_empty_chart():
    chart = funnel_chart({}, TODAY)
    assert all(s.total == 0 and s.bar == 0 for s in chart.stages)
    assert all(w.count == 0 for s in chart.stages for w in s.weeks)
