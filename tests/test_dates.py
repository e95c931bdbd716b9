"""Date finding and normalisation: one test per rule and per false-positive guard."""

from datetime import date

import pytest

from briefbook.dates import (
    DateMention,
    find_dates,
    find_dates_in_paragraphs,
    month_number,
    parse_date,
    sentence_tense,
    written_dates,
)

WED = date(2024, 6, 12)  # a Wednesday
assert WED.weekday() == 2


def values(text: str, anchor: date | None = WED, **kw) -> list[str]:
    return [m.value for m in find_dates(text, anchor, **kw)]


def texts(text: str, anchor: date | None = WED, **kw) -> list[str]:
    return [m.text for m in find_dates(text, anchor, **kw)]


# ---------------------------------------------------------------------------------------------
# parse_date: bylines and metadata lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Staff Writer | Updated: March 3, 2024 17:05 KST", date(2024, 3, 3)),
        ("Sep 09, 2023", date(2023, 9, 9)),
        ("Published: 14 Nov. 2022, 07:41", date(2022, 11, 14)),
        ("2021-12-30", date(2021, 12, 30)),
        ("Posted 2024-01-07T09:15:00+09:00", date(2024, 1, 7)),
        ("Jan. 15, 2024", date(2024, 1, 15)),
        ("Monday, February 5th, 2024", date(2024, 2, 5)),
        ("Last modified 2023.07.18 10:02", date(2023, 7, 18)),
        ("18/07/2023", date(2023, 7, 18)),
        ("07/18/2023", date(2023, 7, 18)),
        ("18.07.2023", date(2023, 7, 18)),
    ],
)
def test_parse_date_formats(line: str, expected: date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "line", ["", "03/04/2023", "Updated 3 hours ago", "Page 2025 of 3000", "July 2023", "Feb. 30, 2024"]
)
def test_parse_date_refuses_ambiguous_or_partial(line: str) -> None:
    assert parse_date(line) is None


# ---------------------------------------------------------------------------------------------
# Absolute dates


def test_month_day_year_with_span_and_precision() -> None:
    text = "The accord was signed on Nov. 14, 2023, in Busan."
    (m,) = find_dates(text, WED)
    assert m == DateMention(25, 38, "Nov. 14, 2023", "2023-11-14", "day", m.tense)
    assert m.calendar and m.as_date() == date(2023, 11, 14)


def test_day_month_year_and_iso() -> None:
    assert values("Talks resumed on 3 April 2024 and again on 2024-05-09.") == ["2024-04-03", "2024-05-09"]


def test_month_day_year_found_without_anchor() -> None:
    assert values("Ratified on September 30, 2023.", anchor=None) == ["2023-09-30"]


def test_partial_date_needs_anchor() -> None:
    assert values("The board met on Jan. 9.", anchor=None) == []


def test_year_inferred_for_partial_date_in_past_text() -> None:
    # Read in June 2024, a past "Dec. 3" is last December, not the coming one.
    assert values("Lawmakers voted on Dec. 3 to lift the decree.") == ["2023-12-03"]
    assert values("The ministry on Jun. 10 unveiled a plan.") == ["2024-06-10"]


def test_year_inferred_for_partial_date_in_future_text() -> None:
    assert values("The forum is scheduled for Jan. 20 in Davos.") == ["2025-01-20"]
    assert values("Ministers will gather on June 28 in Lima.") == ["2024-06-28"]


def test_weekday_beside_a_partial_date_picks_the_year() -> None:
    # Read in June 2024 without a tense cue, Dec. 6 would be last December; the weekday says 2024.
    assert values("Tickets go on sale Friday, Dec. 6 at noon.") == ["2024-12-06"]


def test_coordinated_days_give_one_mention_each() -> None:
    ms = find_dates("The leaders' summit will be held Oct. 30 and Nov. 2 in Lima.", WED)
    assert [(m.text, m.value) for m in ms] == [("Oct. 30", "2024-10-30"), ("Nov. 2", "2024-11-02")]


def test_day_range_across_months_and_years() -> None:
    assert values("The fair runs Oct. 31-Nov. 1, 2023.") == ["2023-10-31", "2023-11-01"]
    assert values("The break lasted Dec. 30 – Jan. 2, 2024.") == ["2023-12-30", "2024-01-02"]
    assert values("Delegates met 10-12 November 2022.") == ["2022-11-10", "2022-11-12"]
    assert values("Voting is set for Sept. 3, 4 and 5, 2025.") == ["2025-09-03", "2025-09-04", "2025-09-05"]


def test_month_year_and_month_alone() -> None:
    assert values("The plant opened in July 2021.") == ["2021-07"]
    assert values("Exports fell in January, the agency said.") == ["2024-01"]
    assert values("The tariff takes effect in October, officials will announce.") == ["2024-10"]
    assert values("Growth slowed in August, data showed.") == ["2023-08"]


def test_month_with_modifier() -> None:
    # "last March" read in June is the latest March; "last June" read in June is a year back.
    assert values("Prices peaked last March.") == ["2024-03"]
    assert values("Prices peaked last June.") == ["2023-06"]
    assert values("The bill passed in mid-February.") == ["2024-02"]
    assert values("A vote is expected next April.") == ["2025-04"]


def test_year_alone() -> None:
    ms = find_dates("It is the country's first time hosting the forum since 1998.", WED)
    assert [(m.value, m.precision) for m in ms] == [("1998", "year")]
    assert not ms[0].calendar or ms[0].precision == "year"


def test_year_ranges() -> None:
    assert values("Output doubled in 2019-2021.") == ["2019", "2021"]
    assert values("The 1998-99 crisis hit hard.") == ["1998", "1999"]


# ---------------------------------------------------------------------------------------------
# Weekdays and deictic days


def test_weekday_in_past_sentence_is_latest_on_or_before_anchor() -> None:
    assert values("The minister said on Monday that talks went well.") == ["2024-06-10"]
    # The anchor's own weekday is the anchor day.
    assert values("The two sides signed the pact Wednesday.") == ["2024-06-12"]
    assert values("The company announced Friday's results.") == ["2024-06-07"]


def test_weekday_in_future_sentence_is_next() -> None:
    assert values("The envoy will arrive in Seoul on Friday.") == ["2024-06-14"]


def test_weekday_with_last_next_this() -> None:
    assert values("The fire broke out last Wednesday.") == ["2024-06-05"]
    assert values("Negotiators meet again next Monday.") == ["2024-06-17"]
    assert values("A decision is due this Saturday.") == ["2024-06-15"]


def test_modal_verbs_point_ahead() -> None:
    assert values("The storm should ease by Thursday morning.") == ["2024-06-13"]
    assert values("The storm may have eased by Thursday morning.") == ["2024-06-06"]


def test_reporting_verb_far_away_does_not_decide_the_tense() -> None:
    assert values("The delegation will tour the plant on Thursday, a spokesperson said.") == ["2024-06-13"]
    assert values("He will travel Monday, officials said Tuesday.") == ["2024-06-17", "2024-06-11"]


def test_today_yesterday_tomorrow() -> None:
    assert values("Shares rose today after falling yesterday; results come tomorrow.") == [
        "2024-06-12",
        "2024-06-11",
        "2024-06-13",
    ]


def test_previous_day_counts_from_the_last_day_mentioned() -> None:
    text = "The envoy landed on Tuesday. The previous day, he had met the premier."
    assert values(text) == ["2024-06-11", "2024-06-10"]
    assert values("A day earlier, the cabinet resigned.") == ["2024-06-11"]
    assert values("Two days ago the port closed.") == ["2024-06-10"]


def test_previous_day_carries_across_paragraphs() -> None:
    paras = ["The regulator ruled on Monday.", "The day before, the firm had appealed."]
    out = find_dates_in_paragraphs(paras, WED)
    assert [[m.value for m in ms] for ms in out] == [["2024-06-10"], ["2024-06-09"]]


def test_day_before_something_else_is_not_resolved() -> None:
    assert values("Protesters gathered the day before the election.") == []


# ---------------------------------------------------------------------------------------------
# Relative weeks, months, years, seasons, quarters


def test_relative_months() -> None:
    assert values("Earlier this month, the bank cut rates.") == ["2024-06"]
    assert values("Exports rose last month.") == ["2024-05"]
    assert values("The law takes effect next month.") == ["2024-07"]


def test_relative_years() -> None:
    assert values("This year the fair drew more visitors than last year.") == ["2024", "2023"]
    assert values("Rates may fall early next year.") == ["2025"]
    assert values("The plant closed three years ago.") == ["2021"]


def test_relative_years_as_stretches_are_not_dates() -> None:
    assert values("Prices have doubled over the past year.") == []
    assert values("Sales rose in the last month.") == []


def test_relative_weeks() -> None:
    ms = find_dates("Talks stalled last week but resume this week.", WED)
    assert [(m.value, m.precision) for m in ms] == [("2024-W23", "week"), ("2024-W24", "week")]
    assert not any(m.calendar for m in ms)


def test_seasons() -> None:
    assert values("Output slumped last summer.") == ["2023-SU"]
    assert values("The line opens this fall.") == ["2024-FA"]
    assert values("Construction began in the spring of 2022.") == ["2022-SP"]
    # Read in October, "last summer" is the summer just gone.
    assert values("Sales dipped last summer.", anchor=date(2024, 10, 2)) == ["2024-SU"]


def test_quarters() -> None:
    assert values("Profit jumped in the first quarter.") == ["2024-Q1"]
    assert values("Revenue fell in Q3 2023.") == ["2023-Q3"]
    assert values("Exports should recover in the second half.") == ["2024-H2"]


# ---------------------------------------------------------------------------------------------
# False positives


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met at APEC 2025 in Gyeongju.",
        "The probe under Section 232 continues.",
        "More than 20,000 participants joined.",
        "Inflation eased to 3 percent.",
        "He signed Executive Order 14320.",
        "Officials may meet again soon.",
        "Workers march on the capital.",
        "May officials stay in office?",
        "March organisers expect a crowd.",
        "The resort town of Augusta is busy.",
        "Some 5 Mayors signed the letter.",
        "Visitors toured Mar-a-Lago.",
        "The plant employs 2000 workers.",
        "Its Vision 2030 plan is ambitious.",
        "Tickets cost $2024 each.",
        "The meeting ran from 10:30 to 16:53.",
        "The label of the album is Sustainable Tomorrow Records.",
        "Good Friday services drew crowds.",
        "She writes for the Sunday Times.",
        "April Ryan asked a question.",
        "The fall in prices surprised traders.",
        "Prices rose by 2024.5 points.",
        "The suspect lives at 2134 Maple Grove Street.",
        "A 3440x1440 1900R curved monitor is on sale.",
        "The striker scored twice in the second half.",
    ],
)
def test_false_positives(text: str) -> None:
    assert find_dates(text, WED) == []


def test_since_year_is_a_year_not_a_day() -> None:
    ms = find_dates("It is the nation's first time chairing the forum since 2005.", WED)
    assert [(m.text, m.precision) for m in ms] == [("2005", "year")]


def test_may_and_march_as_months_with_a_cue() -> None:
    assert values("The vote was held in May.") == ["2024-05"]
    assert values("Since March, exports have grown.") == ["2024-03"]
    assert values("May 2023 was the wettest on record.") == ["2023-05"]


# ---------------------------------------------------------------------------------------------
# TimeML extras and tense


def test_timeml_extras_only_on_request() -> None:
    text = "Now the firm, founded in the 1990s, looks back on the 20th century."
    assert values(text) == []
    assert values(text, timeml=True) == ["PRESENT_REF", "199", "19"]


def test_sentence_tense() -> None:
    assert sentence_tense("The bill will be signed next week.") == "future"
    assert sentence_tense("The bill was signed.") == "past"
    assert sentence_tense("The book is due to be published soon.") == "future"
    assert sentence_tense("The sky is blue.") == ""


def test_mention_tense_is_reported() -> None:
    (m,) = find_dates("The fleet will sail on Aug. 9.", WED)
    assert m.tense == "future"


# ---------------------------------------------------------------------------------------------
# The TempEval scorer (on a small TimeML file of our own)


def test_tempeval_reader_and_scorer(tmp_path) -> None:
    from tools.evaluation import tempeval

    folder = tmp_path / tempeval.BENCH
    folder.mkdir(parents=True)
    (folder / "mini.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2024-06-12">'
        "June 12, 2024</TIMEX3></DCT><TEXT>\nThe port reopened "
        '<TIMEX3 tid="t1" type="DATE" value="2024-06-10">Monday</TIMEX3> after '
        '<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; more, '
        'and will expand <TIMEX3 tid="t3" type="DATE" value="2025">next year</TIMEX3>.\n</TEXT></TimeML>',
        encoding="utf-8",
    )
    (doc,) = tempeval.load(tmp_path)
    assert doc.dct == date(2024, 6, 12)
    assert [(doc.text[t.start : t.end], t.type) for t in doc.timexes] == [
        ("Monday", "DATE"),
        ("three days", "DURATION"),
        ("next year", "DATE"),
    ]
    result = tempeval.run(tmp_path, {"briefbook.dates": tempeval.ours})
    assert result["briefbook.dates"]["value_f1"] == 1.0
    wrong = tempeval.score(doc, [tempeval.Found(21, 27, "Monday", "2024-06-03")]).counts
    assert (wrong.span, wrong.value, wrong.gold) == (1, 0, 2)
    assert tempeval.run(tmp_path / "nowhere")["available"] is False


# ---------------------------------------------------------------------------------------------
# Month-first numeric dates and the forms only metadata lines use (written_dates)


@pytest.mark.parametrize("day", [1, 12, 13, 20, 29, 31])
def test_month_first_numeric_date_for_any_day(day: int) -> None:
    """10/29/2025 was missed: the second field was read as a month (at most 19)."""
    found = parse_date(f"Posted 10/{day:02d}/2025 at 4:05 PM")
    expected = date(2025, 10, day) if day > 12 or day == 10 else None
    assert found == expected


@pytest.mark.parametrize("day", [1, 12, 13, 20, 29, 31])
def test_day_first_numeric_date_for_any_day(day: int) -> None:
    found = parse_date(f"Posted {day:02d}/10/2025")
    assert found == (date(2025, 10, day) if day > 12 or day == 10 else None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 7, 20259:41 AM GMT+9Updated 3 hours ago", "2025-04-07"),  # a wire time glued to the year
        ("2023. 11. 8. 09:30", "2023-11-08"),  # a portal's spaced dots
        ("입력 2024년 3월 15일 10:22", "2024-03-15"),
        ("11.27.2021 08:15 PM", "2021-11-27"),  # dotted, month first: the day is unmistakable
        ("Today, June 2, 2022, the council voted", "2022-06-02"),
    ],
)
def test_written_dates_in_metadata_lines(line: str, expected: str) -> None:
    assert [w.value for w in written_dates(line)] == [expected]


def test_written_dates_leave_out_relative_and_ambiguous_dates() -> None:
    assert written_dates("On Tuesday, 05/06/2025 was still a plan for next week") == []


def test_month_number() -> None:
    assert (month_number("Sept."), month_number("december"), month_number("Mayday")) == (9, 12, None)


def test_weekdays_disagree_with_a_date_of_another_year() -> None:
    from briefbook.dates import weekdays_disagree

    text = "He said on Wednesday (15 September) that he would stay."
    assert weekdays_disagree(text, date(2022, 12, 6))  # 15 September 2022 was a Thursday
    assert not weekdays_disagree(text, date(2021, 9, 20))  # 15 September 2021 was a Wednesday
    assert not weekdays_disagree("Nothing dated here.", date(2022, 12, 6))
