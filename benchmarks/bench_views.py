"""DOT generation for a 2,000-step iteration, and rendering time of each example's views.

Run: ``python benchmarks/bench_views.py`` (prints medians; aim: DOT of 2,000 steps < 200 ms).
Ends with the time to build each example's report.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import large_map
from timing import median_ms

import journeymap as jm
from journeymap import report
from journeymap.render import has_graphviz, render
from journeymap.views import ENGINE, VIEWS, ViewOptions, dot_source

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.toml"))


def main() -> None:
    m = large_map(iterations=2, steps=2000)
    steps = len(m.iterations[0].steps)
    print(f"DOT generation, iterations of {steps} steps, with pain points and opportunities:")
    for view in VIEWS:
        ms = median_ms(lambda view=view: dot_source(m, view, ViewOptions(details=True)))
        note = "  (aim < 200 ms)" if view == "journey" else ""
        print(f"  {view:8} {ms:8.1f} ms{note}")
    validate = median_ms(lambda: jm.validate(m, {m.iterations[0].id}))
    print(f"  (of which validating the drawn iteration: {validate:.1f} ms)")

    renderers = ["wasm", *(["graphviz"] if has_graphviz() else [])]
    render(
        dot_source(jm.load(EXAMPLES[0])), "svg", ENGINE, "wasm"
    )  # the built-in renderer's one-off start-up
    print(f"\nrendering SVG per example and view, median ms ({' / '.join(renderers)}):")
    for path in EXAMPLES:
        example = jm.load(path)
        cells = []
        for view in VIEWS:
            source = dot_source(example, view)
            times = [median_ms(lambda r=r, s=source: render(s, "svg", ENGINE, r), runs=3) for r in renderers]
            cells.append(f"{view} " + " / ".join(f"{t:.0f}" for t in times))
        print(f"  {path.stem:28} " + ",  ".join(cells))

    print(
        f"\nsteering-group report per example (3 diagrams, Markdown and HTML), median ms ({' / '.join(renderers)}):"
    )
    for path in EXAMPLES:
        example = jm.load(path)

        def whole(r: str, m: jm.JourneyMap = example) -> str:
            return report.html(report.build(m, stem="x", renderer=r))

        print(
            f"  {path.stem:28} "
            + " / ".join(f"{median_ms(lambda r=r: whole(r), runs=3):.0f}" for r in renderers)
        )


if __name__ == "__main__":
    main()
