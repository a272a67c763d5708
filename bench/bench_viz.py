"""How long a view takes to build and to settle in headless Chromium.

    python bench/bench_viz.py /tmp/party.ttl                      # org chart of a built graph
    python bench/bench_viz.py /tmp/party.ttl --view people --holders all
    python bench/bench_viz.py --synthetic 63                      # a made-up graph, 63 provinces
    python bench/bench_viz.py /tmp/seeds.ttl --screenshot docs/orgchart.png

Prints the node and edge counts, the time to load the graph, to build,
lay out and render the page, the page size, and the time from opening the
file in Chromium until the network is drawn and still ("settled").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from partygraph.viz import load, make_view, open_source  # noqa: E402

ID = "https://w3id.org/partygraph/id/"


def synthetic_graph(provinces: int, path: Path, districts: int = 10, members: int = 40) -> Path:
    """A corpus-shaped Turtle graph: per province a party organisation, its executive and
    standing committees, boards, district units with committees, and office holders over two terms."""
    lines = ["@prefix pg: <https://w3id.org/partygraph/ontology#> .",
             "@prefix org: <http://www.w3.org/ns/org#> .",
             "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
             "@prefix pgrole: <https://w3id.org/partygraph/role/> ."]
    t = 0

    def unit(iri, label, kind, level, parent=None, rel="subOrganizationOf"):
        lines.append(f'<{iri}> a org:Organization, pg:{kind} ; skos:prefLabel "{label}"@vi ; pg:level pg:{level}'
                     + (f" ; org:{rel} <{parent}>" if parent else "") + " .")

    def office(person, name, org_iri, role, term):
        nonlocal t
        t += 1
        lines.append(f'<{person}> a foaf:Person ; foaf:name "{name}" .')
        lines.append(f"<{ID}membership/{t}> a org:Membership ; org:member <{person}> ; org:organization <{org_iri}> ; "
                     f"org:role pgrole:{role} ; org:memberDuring <{ID}term/{term}> .")

    for term in ("2015-2020", "2020-2025"):
        a, b = term.split("-")
        lines.append(f"<{ID}term/{term}> a pg:Term ; pg:startYear {a} ; pg:endYear {b} .")
    for p in range(provinces):
        db = f"{ID}org/db-{p}"
        unit(db, f"Đảng bộ tỉnh {p}", "PartyOrganization", "ProvincialLevel")
        bch = f"{ID}org/bch-{p}"
        unit(bch, f"Ban Chấp hành Đảng bộ tỉnh {p}", "Committee", "ProvincialLevel", db, "unitOf")
        unit(f"{ID}org/btv-{p}", f"Ban Thường vụ Tỉnh ủy {p}", "Committee", "ProvincialLevel", bch, "unitOf")
        for board in ("Tổ chức", "Tuyên giáo", "Dân vận", "Nội chính"):
            unit(f"{ID}org/ban-{board}-{p}".replace(" ", "-"), f"Ban {board} Tỉnh ủy {p}", "Committee",
                 "ProvincialLevel", bch, "unitOf")
        for i, term in enumerate(("2015-2020", "2020-2025")):
            for j in range(members):
                person = f"{ID}person/p{p}-{j + 10 * i}"
                role = "bi-thu" if j == 0 else "pho-bi-thu" if j < 3 else "uy-vien"
                office(person, f"Người {p}-{j + 10 * i}", db if j < 3 else bch, role, term)
        for d in range(districts):
            dd = f"{ID}org/dh-{p}-{d}"
            unit(dd, f"Đảng bộ huyện {d} tỉnh {p}", "PartyOrganization", "DistrictLevel", db)
            dbch = f"{ID}org/dbch-{p}-{d}"
            unit(dbch, f"Ban Chấp hành Đảng bộ huyện {d} tỉnh {p}", "Committee", "DistrictLevel", dd, "unitOf")
            for j in range(4):
                office(f"{ID}person/d{p}-{d}-{j}", f"Người {p}-{d}-{j}", dd if j < 2 else dbch,
                       "bi-thu" if j == 0 else "pho-bi-thu" if j == 1 else "uy-vien", "2020-2025")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", nargs="?", help="graph file or store folder")
    ap.add_argument("--synthetic", type=int, metavar="PROVINCES", help="benchmark a generated graph instead")
    ap.add_argument("--view", default="orgchart", choices=["orgchart", "people", "cotenure"])
    ap.add_argument("--holders", choices=["all", "leaders", "none"])
    ap.add_argument("--root")
    ap.add_argument("--province")
    ap.add_argument("--screenshot", help="save a PNG of the settled page here")
    ap.add_argument("--html", help="keep the page here")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--size", default="1400x900", help="browser viewport, WIDTHxHEIGHT")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="bench-viz-"))
    graph = args.graph
    if args.synthetic:
        graph = synthetic_graph(args.synthetic, tmp / "synthetic.ttl")
    if not graph:
        ap.error("give a graph file or --synthetic N")

    t0 = time.perf_counter()
    data = load(open_source(graph))
    t1 = time.perf_counter()
    result = make_view(data, args.view, root=args.root, province=args.province, holders=args.holders)
    t2 = time.perf_counter()
    page = Path(args.html) if args.html else tmp / f"{args.view}.html"
    result.write(page)
    g = result.graph
    print(f"graph: {graph}")
    print(f"view: {args.view}  nodes: {g.number_of_nodes():,}  edges: {g.number_of_edges():,}")
    for note in result.notes:
        print(f"note: {note}")
    print(f"load graph: {t1 - t0:.2f}s  build+layout+render: {t2 - t1:.2f}s  page: {page.stat().st_size / 1e6:.1f} MB")

    import browser

    if not browser.available():
        print("browser: Chromium or playwright missing, not measured")
        return 0
    t3 = time.perf_counter()
    width, height = (int(v) for v in args.size.split("x"))
    with browser.open_page(page, width=width, height=height) as run:
        t4 = time.perf_counter()
        browser.wait_settled(run, timeout=args.timeout)
        t5 = time.perf_counter()
        drawn = run.page.evaluate("[window.nodes.length, window.edges.length]")
        if args.screenshot:
            Path(args.screenshot).parent.mkdir(parents=True, exist_ok=True)
            run.page.screenshot(path=args.screenshot)
        print(f"browser: drawn {drawn[0]:,} nodes, {drawn[1]:,} edges; requests made: {len(run.requests)}; "
              f"page errors: {len(run.errors)}")
        print(f"render: open+load {t4 - t3:.2f}s, then settled after {t5 - t4:.2f}s; total {t5 - t3:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
