"""The network of people, organizations and initiatives, drawn at build time as an SVG.

Nodes are the entities that appear in most briefings, edges join entities seen in the same
briefing. The layout is a deterministic force-directed one (Fruchterman-Reingold) in plain
Python: no script runs in the reader's browser, and the same corpus always gives the same
picture. Node count is capped so the layout stays cheap whatever the corpus size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..corpus import NETWORK_KINDS, Corpus, Entity, Ref
from . import paths
from .text import h

if TYPE_CHECKING:
    from .pages import SitePage

MAX_NODES = 60
MAX_EDGES = 240
WIDTH, HEIGHT = 1000, 700
MARGIN_X, MARGIN_Y = 120, 45  # room for labels centred under the nodes
COLORS = {"person": "#3f51b5", "organization": "#00897b", "initiative": "#e65100"}
LABELS = {"person": "Person", "organization": "Organization", "initiative": "Initiative"}


@dataclass
class Node:
    ent: Entity
    x: float = 0.0
    y: float = 0.0

    @property
    def ref(self) -> Ref:
        return self.ent.ref

    @property
    def radius(self) -> float:
        return 7 + 3 * math.sqrt(len(self.ent.briefings))


def select(corpus: Corpus, max_nodes: int = MAX_NODES) -> tuple[list[Node], list[tuple[int, int, int]]]:
    """The busiest entities and the strongest co-appearance edges between them."""
    ents = [e for k in NETWORK_KINDS for e in corpus.entities[k].values()]
    ents.sort(key=lambda e: (-len(e.briefings), e.kind, e.rank))
    nodes = [Node(e) for e in ents[:max_nodes]]
    index = {n.ref: i for i, n in enumerate(nodes)}
    edges = []
    for i, n in enumerate(nodes):
        for ref, count in n.ent.connections.items():
            j = index.get(ref)
            if j is not None and i < j:
                edges.append((i, j, count))
    edges.sort(key=lambda e: (-e[2], e[0], e[1]))
    return nodes, edges[:MAX_EDGES]


def layout(nodes: list[Node], edges: list[tuple[int, int, int]], iterations: int = 160) -> None:
    """Fruchterman-Reingold from a circle; positions end up inside the drawing area."""
    n = len(nodes)
    if n == 0:
        return
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / n
        node.x, node.y = math.cos(angle), math.sin(angle)
    if n > 1:
        k = math.sqrt(4.0 / n)
        temp = 0.2
        for _ in range(iterations):
            dx = [0.0] * n
            dy = [0.0] * n
            for i in range(n):
                xi, yi = nodes[i].x, nodes[i].y
                for j in range(i + 1, n):
                    ddx, ddy = xi - nodes[j].x, yi - nodes[j].y
                    d2 = ddx * ddx + ddy * ddy or 1e-9
                    f = k * k / d2
                    dx[i] += ddx * f
                    dy[i] += ddy * f
                    dx[j] -= ddx * f
                    dy[j] -= ddy * f
            for i, j, w in edges:
                ddx, ddy = nodes[i].x - nodes[j].x, nodes[i].y - nodes[j].y
                d = math.sqrt(ddx * ddx + ddy * ddy) or 1e-9
                f = d / k * (1 + math.log(w))
                dx[i] -= ddx * f
                dy[i] -= ddy * f
                dx[j] += ddx * f
                dy[j] += ddy * f
            for i, node in enumerate(nodes):
                # a weak pull to the centre keeps loose components on the page
                dx[i] -= node.x * 0.05 * k
                dy[i] -= node.y * 0.05 * k
                d = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) or 1e-9
                step = min(d, temp)
                node.x += dx[i] / d * step
                node.y += dy[i] / d * step
            temp *= 0.97
    xs = [p.x for p in nodes]
    ys = [p.y for p in nodes]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    for node in nodes:
        node.x = MARGIN_X + (node.x - min(xs)) / span_x * (WIDTH - 2 * MARGIN_X) if n > 1 else WIDTH / 2
        node.y = MARGIN_Y + (node.y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN_Y - 20) if n > 1 else HEIGHT / 2


def svg(nodes: list[Node], edges: list[tuple[int, int, int]], here: str, directory_urls: bool = True) -> str:
    """The drawing as one line-per-element SVG with a link on every node (no blank lines)."""
    out = [f'<svg class="bb-graph" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="bb-graph-title" xmlns="http://www.w3.org/2000/svg">',
           '<title id="bb-graph-title">Network of people, organizations and initiatives</title>',
           '<g class="bb-edges">']
    for i, j, w in edges:
        a, b = nodes[i], nodes[j]
        out.append(f'<line x1="{a.x:.1f}" y1="{a.y:.1f}" x2="{b.x:.1f}" y2="{b.y:.1f}" '
                   f'stroke-width="{min(1 + w, 8):.0f}"><title>{h(a.ent.name)} and {h(b.ent.name)}: '
                   f'{w} shared briefing{"s" if w != 1 else ""}</title></line>')
    out.append('</g><g class="bb-nodes">')
    for node in nodes:
        href = paths.rel_url(here, paths.entity(node.ref), directory_urls)
        label = node.ent.name if len(node.ent.name) <= 26 else node.ent.name[:24].rstrip() + "…"
        out.append(f'<a href="{h(href)}" class="bb-node bb-{node.ref.kind}">'
                   f'<title>{h(node.ent.name)} ({LABELS[node.ref.kind]}, {len(node.ent.briefings)} '
                   f'briefing{"s" if len(node.ent.briefings) != 1 else ""})</title>'
                   f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.radius:.1f}" '
                   f'fill="{COLORS[node.ref.kind]}"/>'
                   f'<text x="{node.x:.1f}" y="{node.y + node.radius + 14:.1f}" text-anchor="middle">'
                   f'{h(label)}</text></a>')
    out.append("</g></svg>")
    return "\n".join(out)


def graph_page(corpus: Corpus, here: str, *, directory_urls: bool = True) -> SitePage:
    from .pages import _Page, p, table  # the page helpers; imported here to avoid a cycle

    nodes, edges = select(corpus)
    layout(nodes, edges)
    total = sum(len(corpus.entities[k]) for k in NETWORK_KINDS)
    page = _Page("Graph")
    page.add(p("People, organizations and initiatives, joined when they appear in the same briefing "
               "(thicker lines: more shared briefings). Click a node to open its page."))
    if total > len(nodes):
        page.add(p(f"Showing the {len(nodes)} most frequent of {total} entities."))
    legend = " · ".join(f'<span class="bb-key bb-{k}">{LABELS[k]}</span>' for k in NETWORK_KINDS)
    if nodes:
        page.add(f'<div class="bb-graph-wrap">\n<p class="bb-legend">{legend}</p>\n'
                 + svg(nodes, edges, here, directory_urls) + "\n</div>")
    else:
        page.add(p("No entities yet."))
    rows = [[f'<a href="{h(paths.rel_url(here, paths.entity(n.ref), directory_urls))}">{h(n.ent.name)}</a>',
             LABELS[n.ref.kind], str(len(n.ent.briefings)),
             str(sum(1 for i, j, _ in edges if nodes[i] is n or nodes[j] is n))] for n in nodes]
    if rows:
        page.section("Nodes", table(["Name", "Kind", "Briefings", "Links in the graph"], rows))
    # every name is repeated in the drawing's tooltips: keep the page out of search results
    return page.done(searchable=False, hide=("navigation", "toc"))
