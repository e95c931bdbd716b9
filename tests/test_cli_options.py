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


def test_out_is_only_the_pages_output_folder_in_help(capsys):
    for command in ("ingest", "check", "entities", "diff"):
        with pytest.raises(SystemExit):
            build_parser().parse_args([command, "--help"])
        assert "--out" not in capsys.readouterr().out, command
    with pytest.raises(SystemExit):
        build_parser().parse_args(["pages", "--help"])
    assert "--out" in capsys.readouterr().out


def test_every_file_ingest_leaves_out_is_named_with_the_reason(tmp_path, monkeypatch, capsys):
    from briefbook.cli import main

    monkeypatch.chdir(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (seeds / "photo.png").write_bytes(b"\x89PNG\r\n")
    (seeds / "notes").write_text("no extension\n")
    (seeds / ".gitkeep").write_text("")  # hidden: the folder's own business
    assert main(["ingest", "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "skipped: seeds/notes: a file without an extension is not an article file (ingest reads .txt, .text, "
        ".html, .htm, .md, .markdown): skipped",
        "skipped: seeds/photo.png: .png is not an article file (ingest reads .txt, .text, .html, .htm, .md, "
        ".markdown): skipped",
        "skipped: seeds/scan.pdf: .pdf is not an article file (ingest reads .txt, .text, .html, .htm, .md, "
        ".markdown): skipped",
    ]
    assert captured.out.strip() == "ingest: 0 new, 0 updated, 0 unchanged, 3 skipped, 0 failed"
