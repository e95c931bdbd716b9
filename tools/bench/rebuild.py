"""Time a rebuild after one briefing changes, the way ``mkdocs serve`` does it, in one process.

``mkdocs serve`` loads the config again before every build but keeps plugin instances that
define ``on_startup`` (and everything already imported) between builds. This does the same:
build once (warm-up), edit one briefing, build again as plain ``mkdocs serve`` does (every
page), edit it again and build as ``mkdocs serve --dirty`` does (pages whose content changed).

    python -m tools.bench.rebuild mkdocs.yml briefings/some-briefing.md [--no-full]

(``--no-full`` leaves out the every-page rebuild, which costs as much as a cold build.)

prints one JSON object: ``{"first": s, "rebuild": s, "dirty": s, "seen": true}``; ``seen`` says
both edits reached the built page.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

MARK = "Benchmark edit: this sentence was added to time a rebuild."


def edit(briefing: Path, n: int) -> None:
    """Append a sentence to the briefing's body, as a person fixing a briefing by hand would."""
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(text.rstrip("\n") + f"\n\n{MARK} ({n})\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    full = "--no-full" not in argv
    argv = [a for a in argv if a != "--no-full"]
    config_file, briefing = argv[0], Path(argv[1])
    logging.basicConfig(level=logging.ERROR)

    def get_config():  # type: ignore[no-untyped-def]
        config = load_config(config_file=config_file)
        config.site_url = "http://127.0.0.1:8000/"
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    serve_url = "http://127.0.0.1:8000/"
    t0 = time.perf_counter()
    build(config, serve_url=serve_url)
    first = time.perf_counter() - t0
    times: list[float | None] = [None] if not full else []
    for n, dirty in ((1, False), (2, True)) if full else ((2, True),):
        edit(briefing, n)
        t0 = time.perf_counter()
        config = get_config()
        build(config, serve_url=serve_url, dirty=dirty)
        times.append(time.perf_counter() - t0)
    site = Path(config.site_dir)
    built = "".join(p.read_text(encoding="utf-8", errors="replace")
                    for p in (site / "briefings").glob(f"{briefing.stem}*/index.html"))
    seen = built.count("added to time a rebuild") >= (2 if full else 1)  # escaped ':' and brackets
    config.plugins.on_shutdown()
    rounded = [None if t is None else round(t, 3) for t in times]
    print(json.dumps({"first": round(first, 3), "rebuild": rounded[0], "dirty": rounded[1], "seen": seen}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
