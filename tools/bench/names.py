"""Name pools for the benchmark corpus: tens of thousands of plausible people and organizations.

Real corpora have a few names that recur in many stories and a long tail seen once or twice;
:func:`draw` reproduces that shape (Zipf's law) so that entity pages grow the way they would. The pools are
built from fixed lists in a fixed order, so the same index is always the same name.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from functools import lru_cache


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words("""
Aaron Abigail Adrian Agnes Ahmed Aiko Alan Alejandro Alice Amara Amelia Ana Andrea Andrew Anika
Anna Antoine Arjun Astrid Beatriz Benjamin Bianca Boris Camille Carlos Carmen Caroline Catherine
Chen Chloe Christopher Clara Daniel Daniela David Deepak Diana Diego Dmitri Elena Elif Elijah
Elisa Emma Emeka Erik Esther Farah Fatima Felix Fernando Fiona Francesca Gabriel Grace Hana
Hannah Hassan Helena Henrik Hiroshi Ibrahim Ines Ingrid Isaac Isabel Ivan Jacob Jae-won James
Javier Jia Joanna Jonas Jorge Joseph Julia Julian Kamal Karen Karim Katarzyna Kenji Kevin Kim
Laura Leila Leon Liam Lina Lucas Lucia Luis Magnus Maria Marco Marek Margaret Mariam Marta
Matteo Mei Michael Miguel Min-jun Mira Mohammed Nadia Naomi Natalia Nikolai Nina Noah Olga Omar
Oscar Pablo Paolo Patricia Paul Pedro Peter Priya Rafael Rahul Rania Rebecca Ricardo Robert
Rosa Ruth Samuel Sara Sebastian Seo-yeon Sofia Soo-jin Stefan Susan Takeshi Tariq Teresa Thomas
Tomasz Valentina Victor Vikram Wei William Yara Yasmin Yusuf Zainab Zoe
""")

SURNAMES = _words("""
Abe Abbott Adeyemi Agarwal Ahn Alvarez Andersen Arslan Bakker Baptiste Barros Becker Bergstrom
Bianchi Blackwood Bose Brennan Calder Campos Carvalho Castillo Chang Chaudhry Cho Choi Clarke
Costa Dahl Dasgupta Delgado Demir Diaz Dubois Duarte Eriksen Evans Falk Farouk Ferreira Fischer
Fitzgerald Fontaine Fujita Gallo Garcia Ghosh Gomez Greco Gunnarsson Hadid Halvorsen Han Hartmann
Hayashi Herrera Hoffman Holm Horvat Huang Hwang Ibarra Ikeda Iyer Jansen Jeong Jovanovic Kang
Kapoor Karlsson Kato Keller Khan Kim Kowalski Kramer Kruger Kumar Kwon Lambert Larsen Laurent
Lee Lehmann Leone Lim Lindqvist Lopez Lund Maddox Mahmoud Marchetti Martens Mehta Mendes Mercer
Meyer Miller Molina Moreau Morales Moretti Mukherjee Murphy Nakamura Navarro Nguyen Nielsen Novak
Nowak Okafor Okonkwo Oliveira Olsen Ortiz Ozturk Park Patel Pereira Perez Petrov Pham Popescu
Quinn Rahman Ramirez Rao Reyes Richter Rinaldi Rivera Romano Rossi Russo Saito Salazar Sandberg
Santos Sato Schmidt Schneider Seo Shah Shin Silva Singh Sokolov Song Suarez Suzuki Tanaka
Thornton Torres Tran Ueda Valdez Varga Vasquez Vega Vogel Volkov Wagner Walsh Wang Weber
Whitfield Wiśniewski Wong Yamada Yilmaz Yoon Young Zhang Zhou Zielinski
""")

ORG_STEMS = _words("""
Alder Amber Apex Arbor Atlas Aurora Beacon Birch Bluewater Bridgeport Cardinal Cedar Clearwater
Cobalt Compass Crescent Crown Delta Eastgate Emerald Evergreen Falcon Fairhaven Frontier Garnet
Granite Harbor Highland Horizon Ironwood Juniper Keystone Lakeshore Landmark Liberty Lighthouse
Maple Meridian Midland Monarch Northbridge Northstar Oakridge Pacifica Pinnacle Prairie Quarry
Redwood Ridgeway Riverside Sapphire Sierra Silverline Southport Sterling Summit Tidewater
Trident Unity Vanguard Westbrook Willow Zenith
""")

ORG_FIELDS = _words("""
Analytics Batteries Biotech Capital Chemicals Communications Data Defense Devices Energy
Engineering Foods Genomics Health Insurance Logistics Materials Media Metals Mobility Networks
Pharma Photonics Power Robotics Semiconductors Shipping Software Solar Steel Systems Telecom
Textiles Transit Ventures Water
""")

ORG_KINDS = ["Group", "Corporation", "Holdings", "Institute", "Association", "Council", "Foundation",
             "Partners", "Industries", "Agency", "Alliance", "Labs", "Federation", "Bank", "Company"]

PUBLIC_BODIES = ["Ministry of", "Department of", "Office of", "Commission on", "Bureau of",
                 "National Agency for"]
PUBLIC_FIELDS = ["Trade", "Digital Affairs", "Industry", "Energy", "Science", "Health", "Transport",
                 "Maritime Affairs", "Labor", "Finance", "Agriculture", "Education", "Housing",
                 "Communications", "Environment", "Defense", "Culture", "Justice", "Water Resources",
                 "Competition", "Space Affairs", "Research", "Employment", "Statistics"]


@dataclass(frozen=True)
class Person:
    first: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Org:
    name: str

    @property
    def acronym(self) -> str:
        return "".join(w[0] for w in self.name.split() if w[0].isupper())


@lru_cache(maxsize=1)
def people() -> tuple[Person, ...]:
    """Every first name with every surname, shuffled once with a fixed seed (tens of thousands)."""
    pool = [Person(f, s) for f in FIRST_NAMES for s in SURNAMES]
    random.Random("briefbook-bench-people").shuffle(pool)
    return tuple(pool)


@lru_cache(maxsize=1)
def organizations() -> tuple[Org, ...]:
    """Companies and bodies (``Cedar Robotics Group``, ``Ministry of Trade``), shuffled once."""
    pool = [Org(f"{s} {f} {k}") for s in ORG_STEMS for f in ORG_FIELDS for k in ORG_KINDS]
    pool += [Org(f"{b} {f}") for b in PUBLIC_BODIES for f in PUBLIC_FIELDS]
    random.Random("briefbook-bench-orgs").shuffle(pool)
    return tuple(pool)


@lru_cache(maxsize=8)
def _cumulative(size: int, exponent: float) -> tuple[float, ...]:
    total, out = 0.0, []
    for rank in range(1, size + 1):
        total += rank**-exponent
        out.append(total)
    return tuple(x / total for x in out)


def draw(rng: random.Random, size: int, exponent: float = 1.1) -> int:
    """An index into a pool of ``size`` drawn by Zipf's law: rank r has weight 1 / r**exponent.

    News names follow it: a few officials recur in many stories, most people appear once or
    twice. Over the people pool (exponent 1.1), 100 / 1,000 / 10,000 stories of eight names
    each meet about 370 / 2,200 / 10,400 distinct people; organizations (1.2) recur more.
    """
    return min(size - 1, bisect.bisect_left(_cumulative(size, exponent), rng.random()))
