"""Write the real-text benchmark corpus from ``../shared/dev/ant_dev.jsonl``.

The 2,000 real 2018 articles (four outlets, every category, mean ~3 KB) are
written as ``.txt`` files, 1,000 a folder, with a ``manifest.csv`` per folder
giving each file's headline, publication day, outlet and URL, as a user's
scraped folder would. To reach 10k or 50k articles the set is repeated: copy
``k > 0`` of an article shuffles its paragraphs (the first, the lead, stays
first so datelines and lead places still read as leads) and gets its own id,
so no copy is byte-identical to another and every one goes through the whole
pipeline (exact-duplicate detection would otherwise skip them).

The data stays in ``../shared``: the corpus is written under ``bench/out/``
(git-ignored) and rebuilt from the shared file when missing.

    uv run python bench/realcorpus.py --articles 10000 --out bench/out/real-10000
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

__all__ = ["DEV_FILE", "load_dev", "write_real_corpus"]

DEV_FILE = Path(__file__).resolve().parents[2] / "shared" / "dev" / "ant_dev.jsonl"
PER_FOLDER = 1000
MANIFEST_FIELDS = ("path", "title", "published_at", "outlet", "url")
# Where a short article is cut into sentences to shuffle: after . ! ? or the Arabic
# question mark, before a space.
SENTENCE_END = re.compile(r"(?<=[.!?\u061f])\s+")


def load_dev(path: Path = DEV_FILE) -> list[dict]:
    """The dev articles, in file order; a clear error when the shared data is absent."""
    if not path.is_file():
        raise SystemExit(f"real-text corpus needs {path} (../shared/dev/ant_dev.jsonl); not found")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _copy_text(text: str, copy: int, rng: random.Random) -> str:
    """Copy 0 as published; later copies keep the lead and shuffle the other paragraphs
    (an article of one or two paragraphs: the sentences after its first), and carry
    their copy number in a last line, so that no two copies are the same text."""
    paras = [p for p in text.split("\n") if p.strip()]
    if copy == 0:
        return "\n\n".join(paras)
    if len(paras) < 3:
        paras = [s for s in SENTENCE_END.split(" ".join(paras)) if s.strip()]
    rest = paras[1:]
    rng.shuffle(rest)
    return "\n\n".join([*paras[:1], *rest, f"({copy})"])


def write_real_corpus(out: Path, articles: int, seed: int = 7) -> Path:
    """Write ``articles`` real-text .txt files under ``out/part-XX/`` with manifests."""
    dev = load_dev()
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rows_by_folder: dict[Path, list[dict]] = {}
    for i in range(articles):
        copy, src = divmod(i, len(dev))
        row = dev[src]
        folder = out / f"part-{i // PER_FOLDER:02d}"
        folder.mkdir(exist_ok=True)
        name = f"{i:06d}.txt"
        body = _copy_text(row.get("text") or "", copy, rng)
        (folder / name).write_text(body + "\n", encoding="utf-8")
        url = row.get("url") or ""
        rows_by_folder.setdefault(folder, []).append(
            {
                "path": name,
                "title": row.get("title") or "",
                "published_at": row.get("date") or "",
                "outlet": row.get("outlet") or "",
                "url": f"{url}#copy{copy}" if copy and url else url,
            }
        )
    for folder, rows in rows_by_folder.items():
        with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=Path("bench/out/real"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    write_real_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} real-text articles to {args.out}")


if __name__ == "__main__":
    main()
