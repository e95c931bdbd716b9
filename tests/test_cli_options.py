"""Every command names the briefings folder `--briefings DIR`; the old spellings still work."""

from __future__ import annotations

import pytest

from briefbook.cli import build_parser


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", "--briefings", "b"],
        ["ingest", "--out", "b"],  # the old name
        ["check", "--briefings", "b"],
        ["entities", "--briefings", "b"],
        ["pages", "--out", "site", "--briefings", "b"],
    ],
)
def test_briefings_folder_has_one_name(argv):
    assert build_parser().parse_args(argv).briefings == "b"


def test_old_positional_spellings_still_work():
    args = build_parser().parse_args(["entities", "b"])
    assert (args.folder, args.briefings) == ("b", "briefings")  # run() takes the positional first
    assert build_parser().parse_args(["check", "b"]).paths == ["b"]
