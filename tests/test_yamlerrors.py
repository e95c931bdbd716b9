"""YAML mistakes in a hand-edited briefing or registry.yml: reported at the line where they start,
in words a contributor understands (issue 14, item 5)."""

from __future__ import annotations

import pytest

from briefbook import store
from briefbook.model import Briefing, Person, Source, empty_findings
from briefbook.registry import RegistryError, parse_registry


def briefing_text() -> list[str]:
    people = [Person(id="maria-lopez", name="Maria Lopez", role="port director", mentions=["Lopez"]),
              Person(id="tomas-ruiz", name="Tomas Ruiz", role="harbour pilot")]
    b = Briefing(title="Valencia port opens a second container terminal", date="2025-09-14",
                 location="Valencia", source=Source(file="seeds/valencia.txt"),
                 paragraphs=["VALENCIA, Sept. 14 -- The port opened a second container terminal on Sunday."],
                 **(empty_findings() | {"people": people}))
    return store.render(b).splitlines(keepends=True)


def problem(lines: list[str]) -> tuple[int, str]:
    with pytest.raises(store.BriefingError) as info:
        store.split("".join(lines), "briefings/valencia.md")
    return info.value.line, info.value.message


def find(lines: list[str], start: str) -> int:
    """1-based number of the first line that starts with ``start``."""
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_an_unclosed_quote_is_reported_on_its_own_line():
    lines = briefing_text()
    n = find(lines, "date:")
    assert n == 3
    lines[n - 1] = "date: '2025-09-14\n"
    line, message = problem(lines)
    assert line == 3 and "quote" in message and "never closed" in message
    lines = briefing_text()
    lines[1] = 'title: "Valencia port opens a second container terminal\n'
    assert problem(lines)[0] == 2


def test_a_field_pushed_to_column_0_is_an_indentation_problem_on_that_line():
    lines = briefing_text()
    n = find(lines, "  role: port director")
    lines[n - 1] = lines[n - 1].lstrip()
    line, message = problem(lines)
    assert line == n and message.startswith("frontmatter is not valid YAML: indentation:")


def test_a_field_pushed_right_is_an_indentation_problem_on_that_line():
    lines = briefing_text()
    n = find(lines, "  role: harbour pilot")
    lines[n - 1] = "   " + lines[n - 1].lstrip()
    line, message = problem(lines)
    assert line == n and "indentation" in message and "3 spaces" in message


def test_a_tab_and_an_indented_first_field_are_named():
    lines = briefing_text()
    n = find(lines, "  role: port director")
    lines[n - 1] = "\t" + lines[n - 1].lstrip()
    line, message = problem(lines)
    assert line == n and "tab" in message
    lines = briefing_text()
    lines[1] = "  " + lines[1]
    line, message = problem(lines)
    assert line == 2 and "indentation" in message


def test_a_colon_inside_a_value_says_to_quote_it():
    lines = briefing_text()
    n = find(lines, "location:")
    lines[n - 1] = "location: Valencia: the new terminal\n"
    line, message = problem(lines)
    assert line == n and "quotes" in message


def test_registry_mistakes_are_reported_where_they_start():
    text = ("entities:\n"
            "  - name: Maria Lopez\n"
            "    kind: person\n"
            "    description: 'Director of the port of Valencia.\n"
            "  - name: Tomas Ruiz\n"
            "    kind: person\n")
    with pytest.raises(RegistryError) as info:
        parse_registry(text, "registry.yml")
    assert info.value.line == 4 and "never closed" in info.value.message
    pushed = text.replace("'Director of the port of Valencia.", "Director of the port of Valencia.").replace(
        "    kind: person\n    description", "kind: person\n    description")
    with pytest.raises(RegistryError) as info:
        parse_registry(pushed, "registry.yml")
    assert info.value.line == 3 and "indentation" in info.value.message


def test_a_fix_file_mistake_is_reported_at_its_line(tmp_path):
    from briefbook.curation import ApplyError, parse_entries

    fix = tmp_path / "fix.yml"
    fix.write_text("entities:\n  - name: Harbour Research Institute\n    kind: organization\n"
                   "  aliases: [HRI]\n    description: A research institute.\n")
    with pytest.raises(ApplyError) as info:
        parse_entries(str(fix))
    assert str(info.value).startswith(f"{fix}:4: not valid YAML:") and "(indentation)" in str(info.value)
