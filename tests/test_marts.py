"""Mart views (warehouse/views/20_*.sql) on a hand-made warehouse.

``build_synthetic_warehouse`` writes synthetic Parquet parts and builds the
database with the real ``build_database``, so the SQL runs exactly as after
``akhbar run``. The rows are chosen to hit each rule of the marts: growth
against disagreement, sub-counts inside one article, qualifiers whose
intervals overlap, unknown places and dates, duplicate articles, time zones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from akhbar.schemas import ALL_TABLES
from tasks.views import build_database

UTC = dt.UTC


def ts(day: int, hour: int = 8, minute: int = 0) -> dt.datetime:
    return dt.datetime(2022, 1, day, hour, minute, tzinfo=UTC)


def d(day: int) -> dt.date:
    return dt.date(2022, 1, day)


def article(aid: str, outlet: str | None, published: dt.datetime | None, **kw: object) -> dict:
    row = {"article_id": aid, "source": "synthetic", "path": f"{aid}.txt", "title": f"title {aid}"}
    row |= {"outlet": outlet, "published_at": published, "published_precision": "minute"}
    return row | kw


_starts = iter(range(0, 10_000, 10))  # every figure its own position (links key on it)


def figure(
    aid: str, count_type: str, value: int, incident: str | None = None, **kw: object
) -> dict:
    row = {"article_id": aid, "count_type": count_type, "value": value, "qualifier": "exact"}
    start = next(_starts)
    row |= {"sentence": f"{aid}: {count_type} {value}", "start": start, "end": start + 5}
    row |= {"scope": "incident", "incident": incident}
    return row | kw


def links(figures: list[dict]) -> list[dict]:
    """incident_links rows for the figures that name an incident (one run)."""
    return [
        {"run_id": "r1", "article_id": f["article_id"], "item": "figure", "start": f["start"]}
        | {"incident_id": f["incident"], "kind": "attack", "scope": "incident"}
        for f in figures
        if f["incident"]
    ]


DOC_A = "وأفاد التقرير. اعتقل 6000 في 2 يناير الحالي. وقال الوزير: انتهى.\nسطر آخر"
TIMEX_START = DOC_A.index("2 يناير")

MENTIONED = [("A", "KZ"), ("A", "KZ"), ("A", "TOK"), ("B", "KZ"), ("B", "TOK"), ("B", "ALA")]
MENTIONED += [("E", "KZ"), ("E", "ALA"), ("C", "ALA")]

ROWS: dict[str, list[dict]] = {
    "articles": [
        article("A", "Alpha", ts(9, 20)),  # the 10th in Almaty, but no offset stated: UTC
        article("B", "Beta", ts(10)),
        article("C", "Gamma", ts(9, 12)),
        article("D", "Delta", ts(11), published_precision="day"),
        article("E", "Alpha", ts(9, 6), duplicate_of="A"),
        # Known only to the month: no publication day, so its undated figure has no date.
        article("F", "Zeta", dt.datetime(2022, 1, 1, tzinfo=UTC), published_precision="month"),
        # 02:00 UTC on the 10th is still 9 January in -05:00.
        article("G", "Eta", ts(10, 2), published_tz="-05:00"),
        article("H", None, ts(11)),
        article("I", "Beta", ts(11)),
        # I4: one exchange of fire reported by two outlets on the 12th
        article("J", "Kappa", ts(12)),
        article("K", "Lambda", ts(12)),
    ],
    "documents": [
        {"article_id": a, "text": DOC_A if a == "A" else "x" * 50} for a in "ABCDEFGHIJK"
    ],
    "figures": [
        # I1: one incident (the unrest); I2: arrests in another city; I3: a later incident
        figure("A", "ARREST", 6000, "I1", location_id="KZ", qualifier="approx"),
        figure("A", "ARREST", 300, "I1", location_id="KZ", qualifier="approx"),  # a sub-count
        figure("A", "KILL", 164, "I1", location_id="KZ"),
        figure("A", "KILL", 103, "I1", location_id="ALA", scope="breakdown"),  # part of 164
        figure("A", "KILL", 1000, "I1", location_id="KZ", scope="cumulative"),  # a total
        figure("B", "ARREST", 7939, "I1", location_id="KZ", date=d(10)),
        figure("B", "PROTEST", 1050, "I1", location_id="KZ", qualifier="approx"),
        figure("C", "KILL", 225, "I1", location_id="KZ"),  # same day as A's 164: disagreement
        figure("C", "KILL", 100, "I1", location_id="KZ", qualifier="at_least"),  # agrees
        figure("C", "KILL", 1200, "I1", location_id="KZ", scope="cumulative"),  # vs A's total
        figure("C", "ARREST", 9000, "I2", location_id="ALA"),  # another incident
        # C's own later count says it revises: the one in-article pair that counts
        figure("C", "KILL", 240, "I1", location_id="KZ", sentence="ارتفع عدد القتلى إلى 240"),
        figure("D", "ARREST", 2000),  # no incident: never compared (else lower-later)
        figure("H", "KILL", 50, "I3", location_id="KZ", date=d(20)),  # another incident
        figure("D", "KILL", 150, "I1", location_id="KZ"),  # later and lower than 164 and 225
        figure("E", "ARREST", 5000, "I1", qualifier="approx"),  # duplicate article: ignored
        figure("F", "KILL", 500, "I1", location_id="KZ"),  # no date at all
        figure("G", "PROTEST", 1000, "I1", location_id="KZ"),  # 9 Jan local: not B's day
        figure("G", "PROTEST", 3000, "I1", location_id="KZ", date=d(10)),  # disagrees with B's
        figure("H", "PROTEST", 9000, "I1", location_id="KZ"),  # another day, not cumulative
        figure("I", "ARREST", 8100, "I1", location_id="KZ"),  # Beta again: B's revision
        # Beta again, a moment count on B's day: another part of the crowd, not a revision
        figure("I", "PROTEST", 400, "I1", location_id="KZ", date=d(10)),
        # I4: shells fired and air strikes are two numbers; so are the wounded on each side
        figure("J", "ATTACK", 70, "I4", qualifier="approx", counted="projectiles"),
        figure("J", "WOUND", 18, "I4", location_id="GAZ"),
        figure("K", "ATTACK", 25, "I4", counted="projectiles"),  # disagrees with J's ~70
        figure("K", "ATTACK", 30, "I4", counted="strikes"),
        figure("K", "WOUND", 7, "I4", location_id="ISR"),
    ],
    "timex": [
        {"article_id": "A", "type": "DATE", "value": "2022-01-02", "resolved_date": d(2)}
        | {"precision": "day", "surface": "2 يناير", "start": TIMEX_START}
        | {"end": TIMEX_START + len("2 يناير"), "anchor": "published"},
        {"article_id": "A", "type": "DURATION", "value": "P2W", "surface": "أسبوعين"},
        # "early January": resolved to the 1st, but it names no day, so not on the timeline
        {"article_id": "B", "type": "DATE", "value": "2022-01", "resolved_date": d(1)}
        | {"precision": "month", "surface": "مطلع يناير", "start": 0, "end": 10},
        {"article_id": "E", "type": "DATE", "value": "2022-01-03", "resolved_date": d(3)},
    ],
    "quotes": [
        {"article_id": "B", "speaker": "الوزير", "quote": "انتهى", "start": 1, "end": 6},
        {"article_id": "C", "speaker": "الرئيس", "quote": "قبل", "date": d(7)},
    ],
    "entity_defs": [
        {"article_id": "A", "entity_id": "KZ", "kind": "LOCATION", "name": "كازاخستان"},
        {"article_id": "A", "entity_id": "ALA", "kind": "LOCATION", "name": "ألماتي"},
        {"article_id": "A", "entity_id": "TOK", "kind": "PERSON", "name": "توكاييف"},
        {"article_id": "J", "entity_id": "GAZ", "kind": "LOCATION", "name": "غزة", "country": "PS"},
        {"article_id": "K", "entity_id": "ISR", "kind": "LOCATION", "name": "إسرائيل"}
        | {"country": "IL"},
    ],
    "mentions": [{"article_id": a, "entity_id": e, "kind": "X"} for a, e in MENTIONED],
    "boilerplate": [
        {"article_id": "A", "kind": "ticker", "start": 0, "end": 10},
        {"article_id": "A", "kind": "share", "start": 20, "end": 25},
        {"article_id": "B", "kind": "share", "start": 0, "end": 10},
    ],
}


ROWS["incident_links"] = links(ROWS["figures"])
for _f in ROWS["figures"]:
    del _f["incident"]


@dataclass
class _Manifest:
    parts: dict[str, list[str]]  # table -> part paths relative to the warehouse root
    version: int = 1


class _Parts:
    """Stands in for ``Store``: the parts build_database copies into raw_* tables."""

    def __init__(self, root: Path, parts: dict[str, list[Path]]) -> None:
        self.manifest = _Manifest(
            {t: [p.relative_to(root).as_posix() for p in ps] for t, ps in parts.items()}
        )


def build_synthetic_warehouse(root: Path, rows: dict[str, list[dict]] | None = None) -> Path:
    """A warehouse folder whose database holds ``rows`` (default: ROWS); returns root."""
    rows = ROWS if rows is None else rows
    root.mkdir(parents=True, exist_ok=True)
    parts: dict[str, list[Path]] = {}
    for table, table_rows in rows.items():
        path = root / f"{table}.parquet"
        pq.write_table(pa.Table.from_pylist(table_rows, schema=ALL_TABLES[table]), path)
        parts[table] = [path]
    build_database(root, _Parts(root, parts))  # type: ignore[arg-type]
    return root


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    root = build_synthetic_warehouse(tmp_path_factory.mktemp("marts"))
    c = duckdb.connect(str(root / "akhbar.duckdb"), read_only=True)
    c.execute("SET TimeZone = 'Asia/Almaty'")  # results must not depend on the reader's zone
    yield c
    c.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_article_dates_use_stated_offset_and_drop_month_precision(con) -> None:
    got = dict(con.execute("SELECT article_id, published_date FROM article_dates").fetchall())
    assert got["A"] == d(9)  # 20:00 UTC, no offset stated: the UTC day, whatever TimeZone
    assert got["G"] == d(9)  # 02:00 UTC on the 10th in -05:00
    assert got["F"] is None  # month precision: no day


def test_figure_reports_joins_outlet_place_and_report_date(con) -> None:
    got = rows(con, "SELECT * FROM figure_reports")
    assert len(got) == len(ROWS["figures"])
    by = {(r["article_id"], r["count_type"], r["value"]): r for r in got}
    a_kill = by[("A", "KILL", 164)]
    assert (a_kill["outlet"], a_kill["place"]) == ("Alpha", "كازاخستان")
    assert a_kill["report_date"] == d(9)
    assert a_kill["date"] is None  # the figure's own date stays as extracted
    assert by[("B", "ARREST", 7939)]["report_date"] == d(10)
    assert by[("F", "KILL", 500)]["report_date"] is None
    assert by[("E", "ARREST", 5000)]["duplicate_of"] == "A"
    dates = [r["report_date"] for r in got if r["report_date"] is not None]
    assert dates == sorted(dates)


def conflict_pairs(con) -> dict[tuple, str]:
    got = rows(con, "SELECT * FROM figure_conflicts")
    return {
        (r["count_type"], r["article_id_a"], r["value_a"], r["article_id_b"], r["value_b"]): r[
            "relation"
        ]
        for r in got
    }


def test_conflicts_growth_vs_disagreement(con) -> None:
    assert conflict_pairs(con) == {
        # arrests grow from ~6000 on 9 Jan to 7939 and 8100 later; its 300 sub-count (at
        # the border) is more than tenfold below them within a month: another count
        ("ARREST", "A", 6000, "B", 7939): "growth",
        ("ARREST", "A", 6000, "I", 8100): "growth",
        # the same outlet (Beta) changing its number is a revision
        ("ARREST", "B", 7939, "I", 8100): "revision",
        # same day, same incident, 164 vs 225 (and 240) killed: a real disagreement
        ("KILL", "A", 164, "C", 225): "disagreement",
        ("KILL", "A", 164, "C", 240): "disagreement",
        # within one article only a count that says it revises: "ارتفع عدد القتلى إلى 240"
        ("KILL", "C", 225, "C", 240): "revision",
        # the dead cannot become fewer on a later day
        ("KILL", "A", 164, "D", 150): "disagreement",
        ("KILL", "C", 225, "D", 150): "disagreement",
        ("KILL", "C", 240, "D", 150): "disagreement",
        # running totals are compared with running totals only
        ("KILL", "A", 1000, "C", 1200): "disagreement",
        # a protest of 3000 against ~1050 on the same day (G's own 1000 is another day)
        ("PROTEST", "B", 1050, "G", 3000): "disagreement",
        ("PROTEST", "G", 3000, "I", 400): "disagreement",
        # Beta's 1050 and 400 protesters on one day: no row (see the next test)
        # shells against shells; never shells against air strikes (K's 30)
        ("ATTACK", "J", 70, "K", 25): "disagreement",
    }


def test_conflicts_keep_apart_what_each_side_counts(con) -> None:
    pairs = conflict_pairs(con)
    assert ("ATTACK", "J", 70, "K", 30) not in pairs  # strikes are not shells
    assert ("WOUND", "J", 18, "K", 7) not in pairs  # wounded in Gaza and in Israel


def test_conflicts_leave_out_what_cannot_be_compared(con) -> None:
    got = rows(con, "SELECT * FROM figure_conflicts")
    pairs = conflict_pairs(con)
    ids = {a for k in pairs for a in (k[1], k[3])}
    assert "E" not in ids  # duplicate article
    assert "F" not in ids  # no date
    assert "H" not in ids  # PROTEST on another day; its KILL 50 is another incident
    assert not any(9000 in (k[2], k[4]) for k in pairs)  # another incident
    assert not any(2000 in (k[2], k[4]) for k in pairs)  # no incident
    assert not any(103 in (k[2], k[4]) for k in pairs)  # a breakdown
    assert not any(100 in (k[2], k[4]) for k in pairs)  # "at least 100" agrees with all
    # one outlet's two crowd counts of one day count parts, not a revision
    assert ("PROTEST", "B", 1050, "I", 400) not in pairs
    # within one article only revisions; every pair is of one incident and one scope
    assert all(r["relation"] == "revision" for r in got if r["article_id_a"] == r["article_id_b"])
    assert {r["incident_id"] for r in got} == {"I1", "I4"}


def test_incidents_and_their_summary(con) -> None:
    inc = {r["incident_id"]: r for r in rows(con, "SELECT * FROM incidents")}
    assert set(inc) == {"I1", "I2", "I3", "I4"}  # D's 2000 has none; E is a duplicate
    i1 = inc["I1"]
    assert (i1["first_day"], i1["last_day"], i1["outlets"]) == (d(9), d(11), 6)  # H has none
    assert i1["location_id"] == "KZ" and i1["place"] == "كازاخستان"
    summary = {
        (r["count_type"], r["outlet"]): r
        for r in rows(con, "SELECT * FROM incident_summary WHERE incident_id = 'I1'")
    }
    beta = summary[("ARREST", "Beta")]
    assert (beta["first_value"], beta["latest_value"]) == (7939, 8100)
    assert (beta["first_day"], beta["last_day"]) == (d(10), d(11))
    gamma = summary[("KILL", "Gamma")]  # C: 225, 100, 1200 (total), 240; breakdowns left out
    assert (gamma["min_value"], gamma["max_value"]) == (100, 1200)


def test_conflict_columns_are_ordered_pairs(con) -> None:
    for r in rows(con, "SELECT * FROM figure_conflicts"):
        assert r["date_a"] <= r["date_b"]
        assert r["days_apart"] == (r["date_b"] - r["date_a"]).days
        assert r["change"] == r["value_b"] - r["value_a"]


def test_timeline_orders_dated_facts_with_sources(con) -> None:
    got = rows(con, "SELECT * FROM timeline")
    dates = [r["resolved_date"] for r in got]
    assert dates == sorted(dates)
    assert dates[0] == d(2) and dates[-1] == d(20)  # H's KILL 50 dated the 20th
    first = got[0]
    assert (first["kind"], first["article_id"], first["outlet"]) == ("timex", "A", "Alpha")
    assert first["text"] == "اعتقل 6000 في 2 يناير الحالي."  # the sentence around "2 يناير"
    assert first["detail"] == "2 يناير = 2022-01-02"
    kinds = {k: sum(r["kind"] == k for r in got) for k in ("article", "timex", "figure", "quote")}
    assert kinds == {"article": 9, "timex": 1, "figure": 25, "quote": 2}
    assert not {"E", "F"} & {r["article_id"] for r in got}  # duplicate; no date anywhere
    quote = next(r for r in got if r["kind"] == "quote" and r["article_id"] == "C")
    assert (quote["resolved_date"], quote["detail"]) == (d(7), "الرئيس")
    fig = next(r for r in got if r["kind"] == "figure" and r["article_id"] == "B")
    assert fig["detail"] == "ARREST 7939 exact"


def test_entity_counts_and_pairs_skip_duplicate_articles(con) -> None:
    got = {r["entity_id"]: r for r in rows(con, "SELECT * FROM entity_counts")}
    kz = got["KZ"]
    assert (kz["name"], kz["kind"]) == ("كازاخستان", "LOCATION")
    assert (kz["mentions"], kz["articles"]) == (3, 2)
    assert (kz["co_mentioned"], kz["top_co_mentions"]) == (2, ["توكاييف", "ألماتي"])
    assert (got["ALA"]["mentions"], got["ALA"]["articles"]) == (2, 2)  # E's mention not counted
    order = [r["entity_id"] for r in rows(con, "SELECT entity_id FROM entity_counts")]
    assert order == ["KZ", "ALA", "TOK"]
    pairs = {
        (r["entity_id_a"], r["entity_id_b"]): r["articles"]
        for r in rows(con, "SELECT * FROM entity_pairs")
    }
    assert pairs[("KZ", "TOK")] == pairs[("TOK", "KZ")] == 2
    assert pairs[("KZ", "ALA")] == 1  # B only: E is a duplicate of A
    assert ("ALA", "ALA") not in pairs


def test_boilerplate_by_outlet(con) -> None:
    got = {r["outlet"]: r for r in rows(con, "SELECT * FROM boilerplate_by_outlet")}
    alpha = got["Alpha"]  # A only: E is a duplicate
    assert (alpha["articles"], alpha["spans"], alpha["removed_chars"]) == (1, 2, 15)
    assert alpha["text_chars"] == len(DOC_A)
    assert alpha["removed_share"] == round(15 / len(DOC_A), 4)
    assert alpha["spans_by_kind"] == {"share": 1, "ticker": 1}
    assert got["Gamma"]["removed_share"] == 0 and got["Gamma"]["spans_by_kind"] is None
    assert got[None]["articles"] == 1  # H has no outlet


def small_warehouse(tmp_path: Path, figures: list[dict]) -> duckdb.DuckDBPyConnection:
    """A warehouse of a few articles (one per outlet and day) holding ``figures``."""
    rows = {
        "articles": [
            article("P", "Alpha", ts(10)),
            article("Q", "Alpha", ts(14)),
            article("R", "Beta", ts(14)),
        ],
        "figures": figures,
    }
    rows["incident_links"] = links(figures)
    for f in figures:
        del f["incident"]
    root = build_synthetic_warehouse(tmp_path, rows)
    return duckdb.connect(str(root / "akhbar.duckdb"), read_only=True)


def test_two_days_counts_of_one_place_are_two_events_unless_revised(tmp_path: Path) -> None:
    # Alpha: 2 arrested on the 10th (Saturday), 9 on the 14th (Wednesday); Beta says 12 were
    # arrested by the 14th and its sentence revises the toll: Alpha's Saturday count is
    # compared only with that revision; the two counts of the 14th disagree
    con = small_warehouse(
        tmp_path,
        [
            figure("P", "ARREST", 2, "J", date=d(10)),
            figure("Q", "ARREST", 9, "J", date=d(14)),
            figure("R", "ARREST", 12, "J", date=d(14), sentence="ارتفع عدد الموقوفين إلى 12"),
        ],
    )
    assert conflict_pairs(con) == {
        ("ARREST", "P", 2, "R", 12): "growth",
        ("ARREST", "Q", 9, "R", 12): "disagreement",
    }


def test_one_outlets_running_total_raised_later_grew(tmp_path: Path) -> None:
    con = small_warehouse(
        tmp_path,
        [
            figure("P", "KILL", 37, "K", scope="cumulative", date=d(10)),
            figure("Q", "KILL", 49, "K", scope="cumulative", date=d(14)),
        ],
    )
    assert conflict_pairs(con) == {("KILL", "P", 37, "Q", 49): "growth"}


def test_fighters_forces_and_other_people_are_not_compared(tmp_path: Path) -> None:
    # one attack: 28 people killed (Alpha), 8 attackers killed (Beta, same day)
    con = small_warehouse(
        tmp_path,
        [
            figure("Q", "KILL", 28, "L", date=d(14)),
            figure("R", "KILL", 8, "L", date=d(14), counted="fighters"),
            figure("R", "KILL", 30, "L", date=d(14)),
        ],
    )
    assert conflict_pairs(con) == {("KILL", "Q", 28, "R", 30): "disagreement"}


def test_two_counts_of_one_sentence_are_never_compared(tmp_path: Path) -> None:
    said = "سقط 45 قتيلا الأربعاء ليرتفع عدد القتلى إلى 305"
    con = small_warehouse(
        tmp_path,
        [
            figure("Q", "KILL", 45, "M", date=d(14), sentence=said),
            figure("Q", "KILL", 305, "M", date=d(14), sentence=said),
        ],
    )
    assert conflict_pairs(con) == {}
