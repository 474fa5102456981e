"""Write a synthetic corpus of Arabic news articles for the benchmark.

Articles are built from seed-like sentence templates (reports of casualties,
arrests, protests, deployments, quotations, datelines) with varied names,
places, numbers (digits, Arabic-Indic digits, number words), dates (Gregorian
and Levantine month names, weekdays) and clutter (share buttons, "read also"
links, tickers, copyright lines), so every stage has real work to do. The
output is deterministic for a given seed.

    uv run python bench/corpus.py --articles 10000 --out bench/out/corpus-10k
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

__all__ = ["article", "write_corpus"]

PEOPLE = [
    "قاسم جومارت توكاييف",
    "أوليغ سيرومولوتوف",
    "ريم صالح",
    "محمد العلي",
    "أحمد حسن",
    "فاطمة الزهراء منصور",
    "خالد يوسف",
    "سامي الخطيب",
    "ليلى عبد الله",
    "عمر الفاروق",
    "نور الدين بكري",
    "يوسف الشامي",
]
ROLES = ["الرئيس", "وزير الخارجية", "المتحدث باسم الجيش", "نائب وزير الداخلية", "محافظ"]
PLACES = [
    "ألماتي",
    "كازاخستان",
    "دمشق",
    "حلب",
    "بغداد",
    "الموصل",
    "بيروت",
    "طرابلس",
    "عدن",
    "الخرطوم",
    "القاهرة",
    "غزة",
    "إدلب",
    "درعا",
]
OUTLETS = ["وكالة سانا", "الثورة", "روسيا اليوم", "وكالة الأنباء الفرنسية", "رويترز", "شينخوا"]
MONTHS = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
]
WEEKDAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
APPROX = ["نحو", "حوالي", "قرابة", "أكثر من", "ما لا يقل عن", "ما يقارب", ""]
VAGUE = ["عشرات", "مئات", "آلاف"]
NUMBER_WORDS = ["ثلاثة", "خمسة", "سبعة", "عشرة", "عشرين", "ثلاثين", "مئة"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

TEMPLATES = [
    "قتل {n} أشخاص وأصيب {m} آخرون في هجوم استهدف {place} {weekday} الماضي.",
    "أعلنت السلطات في {place} اعتقال {n} من المشتبه بهم في {day} {month} {year}.",
    "خرج {vague} المتظاهرين إلى شوارع {place} احتجاجا على ارتفاع الأسعار.",
    "أرسلت الحكومة {n} جندي إلى {place} لحفظ الأمن، وفقا لما ذكره {role} {person}.",
    "وقال {role} {person} إن \u201c{place} تواجه أعمالا عدائية منسقة\u201d، نقلا عن {outlet}.",
    "وأضاف {person} أن عدد المسلحين بلغ {n} مسلحا في {place}.",
    "وذكرت {outlet} أن {n} مدنيا قتلوا منذ {day} {month}.",
    "وقعت {word} موجات من الهجمات في {place} خلال الأسبوع الماضي.",
    "وأكد {role} أن الوضع في {place} مستقر اليوم {weekday}.",
    "وتشير التقديرات إلى أن عدد النازحين تجاوز {n} شخص في محيط {place}.",
]
CLUTTER = [
    "اقرأ أيضا: {place} تستضيف مؤتمرا دوليا",
    "شارك هذا المقال على فيسبوك تويتر واتساب",
    "آخر الأخبار: مقتل {n} في {place} | وصول مساعدات إلى {place}",
    "جميع الحقوق محفوظة © {year} {outlet}",
    "تابعونا على تلغرام",
]


def _number(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 40), rng.randint(50, 999), rng.randint(1000, 30000)])
    style = rng.random()
    text = f"{n:,}" if n >= 1000 and style < 0.3 else str(n)
    if style > 0.8:
        text = text.translate(ARABIC_INDIC)
    approx = rng.choice(APPROX)
    return f"{approx} {text}".strip()


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=_number(rng),
        m=_number(rng),
        place=rng.choice(PLACES),
        weekday=rng.choice(WEEKDAYS),
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        year=rng.randint(2019, 2025),
        vague=rng.choice(VAGUE),
        role=rng.choice(ROLES),
        person=rng.choice(PEOPLE),
        outlet=rng.choice(OUTLETS),
        word=rng.choice(NUMBER_WORDS),
    )


def article(i: int, rng: random.Random) -> str:
    """One article: title, dateline paragraph, 4-12 body paragraphs, some clutter."""
    title = _fill(rng.choice(TEMPLATES), rng).rstrip(".")
    dateline = f"{rng.choice(PLACES)} - {rng.choice(OUTLETS)}:"
    paras = []
    for _ in range(rng.randint(4, 12)):
        sentences = [_fill(rng.choice(TEMPLATES), rng) for _ in range(rng.randint(1, 3))]
        paras.append(" ".join(sentences))
    paras[0] = f"{dateline} {paras[0]}"
    if rng.random() < 0.6:
        paras.insert(rng.randint(1, len(paras)), _fill(rng.choice(CLUTTER), rng))
    if rng.random() < 0.4:
        paras.append(_fill(rng.choice(CLUTTER), rng))
    paras.append(f"رقم المقال {i}")  # every article distinct, like real ones
    return title + "\n\n" + "\n\n".join(paras) + "\n"


def write_corpus(out: Path, articles: int, seed: int = 7, per_folder: int = 1000) -> Path:
    """Write ``articles`` .txt files under ``out/outlet-XX/`` (one source folder)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        folder = out / f"outlet-{i // per_folder:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:06d}.txt").write_text(article(i, rng), encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=Path("bench/out/corpus"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()
