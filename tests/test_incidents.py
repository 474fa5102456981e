"""Incidents (issue 19): grouping rules, stable ids, and linking across runs through the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tasks.incidents import Item, Place, assign
from tasks.incidents.kinds import kind_of

ROOT = Path(__file__).resolve().parent.parent
AKHBAR = str(Path(sys.executable).parent / "akhbar")
GAZA = Place("loc:gaza", "PS")
KHAN_YUNIS = Place("loc:khan-younis", "PS")
PALESTINE = Place("loc:palestine", "PS", is_country=True)
ALEPPO = Place("loc:aleppo", "SY")


def item(aid: str, start: int, day: int, place: Place = GAZA, **kw: object) -> Item:
    base = {"kind": "attack", "scope": "incident", "names": frozenset({"x", "y"})}
    return Item(aid, start, place=place, day=date(2018, 5, day), **(base | kw))  # type: ignore[arg-type]


def groups(*articles: list[Item]) -> list[set[tuple[str, int]]]:
    links, _ = assign(list(articles), [])
    out: dict[str, set[tuple[str, int]]] = {}
    for key, iid in links.items():
        out.setdefault(iid, set()).add(key)
    return sorted(out.values(), key=lambda g: min(g))


def test_a_toll_revised_over_days_by_several_outlets_is_one_incident() -> None:
    got = groups([item("a", 0, 14)], [item("b", 0, 15)], [item("c", 0, 17)])
    assert got == [{("a", 0), ("b", 0), ("c", 0)}]


def test_the_next_weeks_events_in_the_same_place_are_another_incident() -> None:
    assert len(groups([item("a", 0, 4)], [item("b", 0, 11)])) == 2


def test_two_towns_of_one_country_are_two_incidents() -> None:
    assert len(groups([item("a", 0, 14)], [item("b", 0, 14, KHAN_YUNIS)])) == 2


def test_a_country_holds_its_towns() -> None:
    got = groups([item("a", 0, 14)], [item("b", 0, 14, PALESTINE)])
    assert got == [{("a", 0), ("b", 0)}]


def test_other_kinds_and_other_countries_do_not_meet() -> None:
    assert len(groups([item("a", 0, 14)], [item("b", 0, 14, kind="disaster")])) == 2
    assert len(groups([item("a", 0, 14)], [item("b", 0, 14, ALEPPO)])) == 2


def test_a_protest_and_the_shooting_at_it_are_one_incident() -> None:
    assert len(groups([item("a", 0, 14)], [item("b", 0, 14, kind="protest")])) == 1


def test_a_place_only_a_country_needs_shared_names() -> None:
    stranger = item("b", 0, 14, PALESTINE, names=frozenset({"z"}))
    assert len(groups([item("a", 0, 14)], [stranger])) == 2


def test_totals_form_a_campaign_over_weeks_and_breakdowns_follow_their_count() -> None:
    a = [item("a", 0, 1, scope="cumulative"), item("a", 10, 1, scope="breakdown")]
    b = [item("b", 0, 28, KHAN_YUNIS, scope="cumulative", kind="protest")]
    day_count = [item("b", 50, 28)]
    got = groups(a, b + day_count)
    assert {("a", 0), ("a", 10), ("b", 0)} in got  # one campaign, its breakdown with it
    assert {("b", 50)} in got  # a one-day count is not the campaign's


def test_ids_are_stable_and_known_incidents_are_joined() -> None:
    first, incidents = assign([[item("a", 0, 14)]], [])
    again, _ = assign([[item("a", 0, 14)]], [])
    assert first == again
    later, _ = assign([[item("b", 3, 15)]], incidents)
    assert later[("b", 3)] == first[("a", 0)]


@pytest.mark.parametrize(
    "count_type,sentence,kind",
    [
        ("KILL", "قتل 5 في غارة جوية على المدينة", "strike"),
        ("KILL", "قتل 5 في زلزال ضرب المنطقة", "disaster"),
        ("WOUND", "أصيب 20 في الاشتباكات", "clash"),
        ("KILL", "قتل 3 أشخاص", "attack"),
        ("PROTEST", "خرج الآلاف", "protest"),
    ],
)
def test_kinds_come_from_the_sentence(count_type: str, sentence: str, kind: str) -> None:
    assert kind_of(count_type, sentence) == kind


def _akhbar(*args: str) -> None:
    subprocess.run([AKHBAR, *args], check=True, capture_output=True, text=True)


@pytest.mark.slow
def test_a_later_run_joins_the_incident_it_reports(tmp_path: Path) -> None:
    src, wh = tmp_path / "src", tmp_path / "wh"
    src.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(seed, src / seed.name)
    _akhbar("sources", "add", "kz", str(src), "--warehouse", str(wh))
    _akhbar("run", "--warehouse", str(wh))
    (src / "later.txt").write_text(
        "ألماتي تحصي المعتقلين\n"
        "ألماتي (رويترز) - قالت وزارة الداخلية في كازاخستان يوم الثلاثاء 11 يناير 2022 "
        "إن عدد المعتقلين في أعمال الشغب في ألماتي ارتفع إلى 9900 شخص.\n",
        encoding="utf-8",
    )
    _akhbar("run", "--warehouse", str(wh))
    with duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True) as con:
        got = dict(
            con.execute(
                "SELECT value, incident_id FROM figure_reports WHERE count_type = 'ARREST' "
                "AND value IN (7939, 9900)"
            ).fetchall()
        )
    assert got[9900] is not None and got[9900] == got[7939]


@pytest.mark.slow
def test_a_background_figure_joins_no_incident_through_the_run(cli, tmp_path: Path) -> None:
    """The link stage reads each figure's surface to place it in its sentence: without it,
    a figure of an earlier year's event was linked like the day's news."""
    src, wh = tmp_path / "src", tmp_path / "wh"
    src.mkdir()
    (src / "a.txt").write_text(
        "هجوم في غزة\n\n"
        "غزة - قتل 12 شخصا يوم الاثنين 14 مايو 2018 في قصف على غزة.\n\n"
        "وفي عام 2014، قتل 40 شخصا في قصف مماثل على المدينة.\n",
        encoding="utf-8",
    )
    (src / "manifest.csv").write_text("path,published_at\na.txt,2018-05-14\n", encoding="utf-8")
    code, _out, err = cli("run", str(src), "--warehouse", str(wh))
    assert code == 0, err
    with duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True) as con:
        got = dict(
            con.execute(
                "SELECT value, incident_id FROM figure_reports WHERE count_type = 'KILL'"
            ).fetchall()
        )
    assert got[12] is not None
    assert got[40] is None


SOUTH_ISRAEL = Place("loc:israel", "IL", is_country=True)


def test_one_incident_may_span_a_border_when_the_names_say_so() -> None:
    # strikes on Gaza and rockets on southern Israel in one escalation
    rockets = item("b", 0, 14, SOUTH_ISRAEL, kind="strike")
    assert groups([item("a", 0, 14, kind="strike")], [rockets]) == [{("a", 0), ("b", 0)}]
    # across a border with nothing else shared: two incidents
    stranger = item("b", 0, 14, SOUTH_ISRAEL, kind="strike", names=frozenset({"z"}))
    assert len(groups([item("a", 0, 14, kind="strike")], [stranger])) == 2
    # in one article, two sides of one day's exchange are one incident
    one_article = [item("a", 0, 14, kind="strike"), item("a", 50, 14, SOUTH_ISRAEL, kind="strike")]
    assert groups(one_article) == [{("a", 0), ("a", 50)}]


def test_an_old_date_in_the_counts_own_clause_makes_it_background() -> None:
    from tasks.incidents.items import article_items

    sentence = (
        "ويستعد الفلسطينيون الجمعة لإحياء ذكرى يوم الأرض والذي قتل فيه في 1976 ستة فلسطينيين."
    )
    today = "قتل 3 فلسطينيين الجمعة في غزة، في ذكرى حرب 1976."

    def span(text: str, part: str) -> tuple[int, int]:
        return text.index(part), text.index(part) + len(part)

    def day_of(text: str, surface: str) -> date | None:
        fig = {"count_type": "KILL", "sentence": text, "surface": surface}
        fig |= {"start": text.index(surface), "location_id": None, "date": None}
        past = ([span(text, "1976")], [span(text, "الجمعة")])
        (got,) = article_items("a", date(2018, 3, 30), [fig], [], {}, past)
        return got.day

    assert day_of(sentence, "ستة فلسطينيين") is None  # 1976's dead, not Friday's
    assert day_of(today, "3 فلسطينيين") == date(2018, 3, 30)  # 1976 is in another clause


def test_a_campaigns_totals_join_by_the_group_s_best_placed_count() -> None:
    # One article's running totals: the first placed in Israel, the next in Gaza; the
    # Gaza campaign reported weeks before is theirs (a stranger in names otherwise).
    before = [item("a", 0, 1, scope="cumulative", names=frozenset({"z"}))]
    now = [
        item("b", 0, 20, SOUTH_ISRAEL, scope="cumulative"),
        item("b", 40, 20, scope="cumulative"),
    ]
    assert groups(before, now) == [{("a", 0), ("b", 0), ("b", 40)}]
