"""The network of people, organizations and initiatives, drawn at build time as an SVG.

Nodes are the entities that appear in most briefings, edges join entities seen in the same
briefing. The layout is a deterministic force-directed one (Fruchterman-Reingold) in plain
Python: no script runs in the reader's browser, and the same corpus always gives the same
picture. Node count is capped so the layout stays cheap whatever the corpus size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..corpus import NETWORK_KINDS, Corpus, Entity, Ref
from . import paths
from .html import PageWriter, SitePage, p, table
from .text import h

MAX_NODES = 40
NARROW_NODES = 18  # the phone drawing: fewer nodes, so that their labels can be read
MAX_EDGES = 160
WIDTH, HEIGHT = 1000, 640
NARROW_WIDTH, NARROW_HEIGHT = 400, 560
MARGIN = 30
FONT = 14  # px in the drawing's own units
LABEL_CHARS = 24
COLORS = {"person": "#3f51b5", "organization": "#00897b", "initiative": "#e65100"}
LABELS = {"person": "Person", "organization": "Organization", "initiative": "Initiative"}
# Fewer entities than this seen in two briefings or more: draw the single mentions too.
MIN_REPEATED = 6
LABEL_OVER_NODES = 12  # this many of the biggest nodes may have a label over other nodes
GRAVITY = 0.6  # the pull to the centre that keeps separate groups close together


@dataclass
class Node:
    ent: Entity
    x: float = 0.0
    y: float = 0.0
    label: str = ""
    label_shown: bool = True
    lx: float = 0.0  # where the label's text is anchored (its middle, at the baseline)
    ly: float = 0.0

    @property
    def ref(self) -> Ref:
        return self.ent.ref

    @property
    def radius(self) -> float:
        return 6 + 2.2 * math.sqrt(len(self.ent.briefings))


def select(corpus: Corpus, max_nodes: int = MAX_NODES) -> tuple[list[Node], list[tuple[int, int, int]]]:
    """The best-connected entities and the strongest co-appearance edges between them.

    Entities seen in a single briefing stay out (every entity of a briefing is joined to all the
    others, so they would crowd the drawing), unless the corpus has too few others. Nodes left
    without an edge are dropped: alone at the edges they say nothing about the network.
    """
    ents = [e for k in NETWORK_KINDS for e in corpus.entities[k].values()]
    repeated = [e for e in ents if len(e.briefings) >= 2]
    if len(repeated) >= MIN_REPEATED:
        ents = repeated
    keep = {e.ref for e in ents}

    def strength(e: Entity) -> int:
        return sum(n for r, n in e.connections.items() if r in keep)

    ents.sort(key=lambda e: (-len(e.briefings), -strength(e), e.kind, e.rank))
    nodes = [Node(e) for e in ents[:max_nodes]]
    index = {n.ref: i for i, n in enumerate(nodes)}
    edges = []
    for i, n in enumerate(nodes):
        for ref, count in n.ent.connections.items():
            j = index.get(ref)
            if j is not None and i < j:
                edges.append((i, j, count))
    edges.sort(key=lambda e: (-e[2], e[0], e[1]))
    edges = edges[:MAX_EDGES]
    linked = {i for i, j, _ in edges} | {j for i, j, _ in edges}
    if len(nodes) > 1:
        renumber = {old: new for new, old in enumerate(i for i in range(len(nodes)) if i in linked)}
        nodes = [n for i, n in enumerate(nodes) if i in linked]
        edges = [(renumber[i], renumber[j], w) for i, j, w in edges]
    set_labels(nodes)
    return nodes, edges


def set_labels(nodes: list[Node], chars: int = LABEL_CHARS) -> None:
    """Short labels, no two alike: a name cut to fit, longer or with its kind where cuts collide."""
    def cut(name: str, size: int) -> str:
        return name if len(name) <= size else name[: size - 1].rstrip() + "…"

    def cut_middle(name: str, size: int) -> str:  # the ends of a name tell apart the ones that share a start
        return name if len(name) <= size else name[: size // 2].rstrip() + "…" + name[-(size // 2 - 1):].lstrip()

    for node in nodes:
        node.label = cut(node.ent.name, chars)
    for shorten in (cut_middle, lambda name, size: name):
        seen: dict[str, int] = {}
        for node in nodes:
            seen[node.label] = seen.get(node.label, 0) + 1
        for node in nodes:
            if seen[node.label] > 1:
                node.label = shorten(node.ent.name, chars)
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node.label] = counts.get(node.label, 0) + 1
    for node in nodes:  # the same name twice: say which is which
        if counts[node.label] > 1:
            node.label = f"{node.label} ({LABELS[node.ref.kind].lower()})"


def text_box(x: float, y: float, label: str, font: float = FONT) -> tuple[float, float, float, float]:
    """A generous box around a label anchored at its middle and baseline (no font metrics here)."""
    width = 0.6 * font * len(label) + 4
    return (x - width / 2, y - font, x + width / 2, y + 0.35 * font)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(nodes: list[Node], width: float, height: float, font: float = FONT) -> None:
    """Labels where they overlap no other label and no node, biggest nodes first; the rest are
    shown on hover or focus only. Each label tries below, above, right and left of its node."""
    placed: list[tuple[float, float, float, float]] = []
    circles = [(n.x - n.radius, n.y - n.radius, n.x + n.radius, n.y + n.radius) for n in nodes]
    order = sorted(nodes, key=lambda n: (-len(n.ent.briefings), n.ent.rank))
    for node in order:
        node.label_shown = False
        node.lx, node.ly = node.x, node.y + node.radius + font + 1
    # first clear of every node; then the biggest nodes' labels may cover a node, never a label
    for pass_, candidates in enumerate((order, order[:LABEL_OVER_NODES])):
        for node in candidates:
            if node.label_shown:
                continue
            for x, y in _spots(node, font):
                box = text_box(x, y, node.label, font)
                if box[0] < 0 or box[2] > width or box[1] < 0 or box[3] > height:
                    continue
                if any(_overlap(box, other) for other in placed):
                    continue
                if pass_ == 0 and any(_overlap(box, c) for c in circles):
                    continue
                node.lx, node.ly, node.label_shown = x, y, True
                placed.append(box)
                break


def _spots(node: Node, font: float) -> list[tuple[float, float]]:
    """Where a label may go: below, above, right and left of its node, then a little further."""
    r = node.radius
    half = 0.3 * font * len(node.label) + 2
    spots = []
    for gap in (1.0, font):
        spots += [(node.x, node.y + r + font + gap), (node.x, node.y - r - 4 - gap),
                  (node.x + r + 4 + gap + half, node.y + font * 0.35),
                  (node.x - r - 4 - gap - half, node.y + font * 0.35)]
    return spots


def layout(nodes: list[Node], edges: list[tuple[int, int, int]], iterations: int = 200,
           width: float = WIDTH, height: float = HEIGHT) -> None:
    """Fruchterman-Reingold from a circle; positions end up inside the drawing area."""
    n = len(nodes)
    if n == 0:
        return
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / n
        node.x, node.y = math.cos(angle) * width / height, math.sin(angle)
    if n > 1:
        k = math.sqrt(4.0 / n)
        temp = 0.2
        aspect = width / height  # a tall drawing pulls harder sideways
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
                # a pull to the centre keeps separate groups close together
                dist = math.sqrt(node.x * node.x + node.y * node.y) or 1e-9
                dx[i] -= node.x * GRAVITY * dist / k
                dy[i] -= node.y * GRAVITY * dist / k * aspect
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
        if n == 1:
            node.x, node.y = width / 2, height / 2
            continue
        node.x = MARGIN + 40 + (node.x - min(xs)) / span_x * (width - 2 * MARGIN - 80)
        node.y = MARGIN + (node.y - min(ys)) / span_y * (height - 2 * MARGIN - 20)


def svg(nodes: list[Node], edges: list[tuple[int, int, int]], here: str, directory_urls: bool = True, *,
        width: float = WIDTH, height: float = HEIGHT, cls: str = "", title: str = "") -> str:
    """The drawing as one line-per-element SVG with a link on every node (no blank lines).

    Labels that would overlap another are drawn hidden (``bb-hl``) and shown on hover or focus.
    """
    title = title or "Network of people, organizations and initiatives"
    classes = " ".join(x for x in ("bb-graph", cls) if x)
    out = [f'<svg class="{classes}" viewBox="0 0 {width:g} {height:g}" role="img" '
           f'aria-label="{h(title)}" xmlns="http://www.w3.org/2000/svg">',
           '<g class="bb-edges">']
    for i, j, w in edges:
        a, b = nodes[i], nodes[j]
        out.append(f'<line x1="{a.x:.1f}" y1="{a.y:.1f}" x2="{b.x:.1f}" y2="{b.y:.1f}" '
                   f'stroke-width="{min(1 + w / 2, 6):.1f}"><title>{h(a.ent.name)} and {h(b.ent.name)}: '
                   f'{w} shared briefing{"s" if w != 1 else ""}</title></line>')
    out.append('</g><g class="bb-nodes">')
    for node in nodes:
        href = paths.rel_url(here, paths.entity(node.ref), directory_urls)
        hidden = "" if node.label_shown else ' class="bb-hl"'
        out.append(f'<a href="{h(href)}" class="bb-node bb-{node.ref.kind}">'
                   f'<title>{h(node.ent.name)} ({LABELS[node.ref.kind]}, {len(node.ent.briefings)} '
                   f'briefing{"s" if len(node.ent.briefings) != 1 else ""})</title>'
                   f'<circle cx="{node.x:.1f}" cy="{node.y:.1f}" r="{node.radius:.1f}" '
                   f'fill="{COLORS[node.ref.kind]}"/>'
                   f'<text x="{node.lx:.1f}" y="{node.ly:.1f}" text-anchor="middle"{hidden}>'
                   f'{h(node.label)}</text></a>')
    out.append("</g></svg>")
    return "\n".join(out)


def drawing(corpus: Corpus, here: str, directory_urls: bool, max_nodes: int, width: float,
            height: float, cls: str) -> tuple[list[Node], list[tuple[int, int, int]], str]:
    nodes, edges = select(corpus, max_nodes)
    layout(nodes, edges, width=width, height=height)
    place_labels(nodes, width, height)
    return nodes, edges, svg(nodes, edges, here, directory_urls, width=width, height=height, cls=cls)


EGO_WIDTH, EGO_HEIGHT = 480, 300
EGO_NODES = 8
EGO_CENTRE_CHARS = 34  # 0.6 × 14 px a character: about 290 of the drawing's 480


def ego_svg(corpus: Corpus, ent: Entity, here: str, directory_urls: bool = True) -> str:
    """A small drawing of an entity and its strongest connections (seen in two briefings or more),
    around it on an ellipse; empty when there are fewer than two, or when the entity itself is
    seen in one briefing (everyone of that briefing would be joined to it alike)."""
    if len(ent.briefings) < 2:
        return ""
    conns = []
    for ref, n in ent.connections.items():
        other = corpus.entity(ref) if ref.kind in NETWORK_KINDS else None
        if other is not None and len(other.briefings) >= 2:
            conns.append((n, other))
    conns.sort(key=lambda ne: (-ne[0], ne[1].rank))
    conns = conns[:EGO_NODES]
    if len(conns) < 2:
        return ""
    centre = Node(ent, EGO_WIDTH / 2, EGO_HEIGHT / 2)
    nodes = [centre]
    for i, (_, other) in enumerate(conns):
        angle = -math.pi / 2 + 2 * math.pi * i / len(conns) + 0.3
        nodes.append(Node(other, EGO_WIDTH / 2 + 165 * math.cos(angle), EGO_HEIGHT / 2 + 95 * math.sin(angle)))
    set_labels(nodes, 18)
    # the page's own entity, in the middle, has the room to be named whole ("Affordable Care A…")
    if len(ent.name) <= EGO_CENTRE_CHARS:
        centre.label = ent.name
    place_labels(nodes, EGO_WIDTH, EGO_HEIGHT)
    edges = [(0, i + 1, n) for i, (n, _) in enumerate(conns)]
    drawn = svg(nodes, edges, here, directory_urls, width=EGO_WIDTH, height=EGO_HEIGHT, cls="bb-ego",
                title=f"{ent.name} and the entities seen most often with them")
    kinds = [k for k in NETWORK_KINDS if any(n.ref.kind == k for n in nodes)]
    legend = " · ".join(f'<span class="bb-key bb-{k}">{LABELS[k]}</span>' for k in kinds)
    return f'<p class="bb-legend">{legend}</p>\n{drawn}'


def graph_page(corpus: Corpus, here: str, *, directory_urls: bool = True) -> SitePage:
    nodes, edges, wide = drawing(corpus, here, directory_urls, MAX_NODES, WIDTH, HEIGHT, "bb-graph-wide")
    narrow = drawing(corpus, here, directory_urls, NARROW_NODES, NARROW_WIDTH, NARROW_HEIGHT,
                     "bb-graph-narrow")[2]
    total = sum(len(corpus.entities[k]) for k in NETWORK_KINDS)
    page = PageWriter("Graph")
    page.add(p("People, organizations and initiatives, joined when they appear in the same briefing "
               "(thicker lines: more shared briefings). Click a node to open its page."))
    if total > len(nodes):
        page.add(p(f"The {len(nodes)} most covered of {total} entities, seen in two briefings or more (on a phone, the first "
                   f"{min(len(nodes), NARROW_NODES)}); names that would cover another show when you point "
                   "at or focus their node."))
    legend = " · ".join(f'<span class="bb-key bb-{k}">{LABELS[k]}</span>' for k in NETWORK_KINDS)
    if nodes:
        page.add(f'<div class="bb-graph-wrap">\n<p class="bb-legend">{legend}</p>\n'
                 + wide + "\n" + narrow + "\n</div>")
    else:
        page.add(p("No entities yet."))
    rows = [[f'<a href="{h(paths.rel_url(here, paths.entity(n.ref), directory_urls))}">{h(n.ent.name)}</a>',
             LABELS[n.ref.kind], str(len(n.ent.briefings)),
             str(sum(1 for i, j, _ in edges if nodes[i] is n or nodes[j] is n))] for n in nodes]
    if rows:
        page.section("Nodes", table(["Name", "Kind", "Briefings", "Links in the graph"], rows))
    # every name is repeated in the drawing's tooltips: keep the page out of search results
    return page.done(searchable=False, hide=("navigation", "toc"))
