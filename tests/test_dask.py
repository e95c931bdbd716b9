"""`briefbook ingest --executor dask://HOST:PORT` writes the briefings of a local run, byte for byte.

A `distributed.LocalCluster` on 127.0.0.1 (one worker of two threads in this process, no dashboard)
stands in for a cluster; the workers are sent the articles' bytes, never a path to read.
"""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefbook import executors, pipeline, reading
from briefbook.cli import main

ARTICLES = {
    "port.txt": "Busan port workers end strike\n\nMarch 3, 2025\n\n"
    "Dock workers at the port of Busan ended a four-day strike on Monday after the Korea Port Workers' "
    "Union reached a pay agreement with terminal operators, the union said.\n\n"
    '"We have secured a fair raise for every member," said Park Ji-hoon, the union\'s chairman. '
    "The Ministry of Oceans and Fisheries welcomed the deal and said cargo would move normally by Wednesday.",
    "chips.txt": "Seoul and Washington agree on chip supply talks\n\nApril 14, 2025\n\n"
    "South Korea and the United States agreed on Monday to hold regular talks on semiconductor supply "
    "chains, the Ministry of Trade, Industry and Energy said in a statement.\n\n"
    "Trade Minister Ahn Duk-geun met Commerce Secretary Howard Lutnick in Washington. "
    '"Supply chains are a shared concern," Ahn told reporters after the meeting.',
    "floods.txt": "Heavy rain floods roads in Gwangju\n\nJuly 17, 2025\n\n"
    "Heavy rain flooded roads and homes in Gwangju on Thursday, and the Korea Meteorological Administration "
    "warned of more rain through the weekend.\n\n"
    "Mayor Kang Gi-jung said the city had opened shelters for 300 residents. "
    '"Our first task is to keep people safe," Kang said.',
    "budget.md": "# Parliament passes the 2026 budget\n\nDecember 2, 2025\n\n"
    "The National Assembly passed a budget of 728 trillion won for 2026 on Tuesday, after the Democratic "
    "Party and the People Power Party agreed on cuts to reserve funds.\n\n"
    "Finance Minister Koo Yun-cheol said the budget would support growth and welfare.",
    "bank.txt": "Central bank holds rates steady\n\nOctober 23, 2025\n\n"
    "The Bank of Korea kept its base rate at 2.5 percent on Thursday, citing rising house prices in Seoul.\n\n"
    'Governor Rhee Chang-yong said the board would watch household debt closely. "Housing is the risk we '
    'watch most," he told a news conference.',
}
PAGE = ("<html><head><title>Rail link opens</title></head><body><article><h1>Rail link opens</h1>"
        "<p>November 5, 2025</p><p>A new rail link between Incheon Airport and Seoul Station opened on "
        "Wednesday, Korail said, cutting the trip to 40 minutes.</p><p>Transport Minister Kim Yoon-duk "
        "said the line would carry 60,000 passengers a day.</p></article></body></html>")
URL = "https://news.example.org/rail-link-opens"


def _write_articles(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    page = folder / "rail.html"
    page.write_text(PAGE, encoding="utf-8")
    record = {"url": URL, "final_url": URL, "fetched_at": "2025-11-05T09:00:00Z",
              "sha256": hashlib.sha256(page.read_bytes()).hexdigest()}
    (folder / "rail.html.fetch.json").write_text(json.dumps(record), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'briefbook[dask]')")
    with distributed.LocalCluster(host="127.0.0.1", protocol="tcp", n_workers=1, threads_per_worker=2,
                                  processes=False, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster:
        yield "dask://" + cluster.scheduler_address.removeprefix("tcp://")


def _ingest(src: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["ingest", str(src), "--out", str(out), "--no-registry", "--no-cache", "-q", *extra])
    return code, capsys.readouterr().err.splitlines()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def test_a_dask_ingest_writes_the_briefings_of_a_local_ingest(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "articles"
    _write_articles(src)
    local_code, local_err = _ingest(src, tmp_path / "local", capsys)

    real = pipeline.read_article

    def shipped_only(path, max_bytes=reading.MAX_BYTES, data=None):  # type: ignore[no-untyped-def]
        assert data is not None, f"a worker read {path} from the disk"
        return real(path, max_bytes, data)

    monkeypatch.setattr(pipeline, "read_article", shipped_only)
    dask_code, dask_err = _ingest(src, tmp_path / "dask", capsys, "--executor", address)

    local, remote = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert len(local) == len(ARTICLES) + 1
    assert remote == local
    assert any(f"url: {URL}" in text.decode() for text in remote.values())  # the fetch record went along
    assert local_code == dask_code == 1  # two articles failed
    assert dask_err == local_err
    assert [line for line in dask_err if line.startswith("error:")] == [f"error: {src / 'binary.txt'}: binary file (contains NUL bytes), not text",
                        f"error: {src / 'empty.txt'}: file is empty"]


def test_the_time_limit_holds_in_a_dask_worker_thread(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dask runs tasks in threads, where SIGALRM cannot reach: the limit is raised in the thread."""
    from briefbook.extract import article

    real = article.build_briefing

    def build(clean, source, *rest):  # type: ignore[no-untyped-def]
        while "bank" in source.file:  # an article that never finishes
            sum(range(1000))
        return real(clean, source, *rest)

    monkeypatch.setattr(article, "build_briefing", build)
    src = tmp_path / "articles"
    src.mkdir()
    for name in ("bank.txt", "floods.txt"):
        (src / name).write_text(ARTICLES[name], encoding="utf-8")
    code, err = _ingest(src, tmp_path / "out", capsys, "--executor", address, "--time-limit", "1")
    assert code == 1
    assert [line for line in err if "bank.txt" in line] == [
        f"error: {src / 'bank.txt'}: gave up after 1 s, the time limit per article (an article built to be "
        "slow, or raise --time-limit)"]
    assert len(_files(tmp_path / "out")) == 1


def test_a_worker_failure_fails_that_article_alone(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline._extract_many

    def crash(jobs, seconds):  # type: ignore[no-untyped-def]
        if any("port" in job.path for job in jobs):
            raise MemoryError("the worker ran out of memory")
        return real(jobs, seconds)

    monkeypatch.setattr(pipeline, "_extract_many", crash)
    src = tmp_path / "articles"
    src.mkdir()
    for name in ("port.txt", "chips.txt", "floods.txt"):
        (src / name).write_text(ARTICLES[name], encoding="utf-8")
    code, err = _ingest(src, tmp_path / "out", capsys, "--executor", address)
    assert code == 1
    assert err == [f"error: {src / 'port.txt'}: the worker failed on it (MemoryError: the worker ran out of memory)"]
    assert len(_files(tmp_path / "out")) == 2


def test_a_worker_with_other_extraction_code_refuses_the_articles(
    address: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its briefings would differ from a local run's (and record another `generator.code`)."""
    here = pipeline._code()
    calls = iter(range(1_000))
    # the first call is the client's (what it sends), the next ones the worker's
    monkeypatch.setattr(pipeline, "_code", lambda: here if next(calls) == 0 else "briefbook 0.0.9, code 0")
    src = tmp_path / "articles"
    src.mkdir()
    (src / "port.txt").write_text(ARTICLES["port.txt"], encoding="utf-8")
    code, err = _ingest(src, tmp_path / "out", capsys, "--executor", address)
    assert code == 1
    assert err == [f"error: {src / 'port.txt'}: the Dask worker runs briefbook 0.0.9, code 0, this machine {here}: "
                   "install the same briefbook on the workers"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed", reason="Dask is not installed (pip install 'briefbook[dask]')")
    monkeypatch.setattr(executors, "CONNECT_SECONDS", 0.5)
    spec = f"dask://127.0.0.1:{_free_port()}"
    code, err = _ingest(tmp_path, tmp_path / "out", capsys, "--executor", spec)
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"briefbook: {spec}: cannot connect (")
    assert not (tmp_path / "out").exists()  # nothing was read or written


def test_without_dask_installed_ingest_says_how_to_install_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # `import distributed` fails
    code, err = _ingest(tmp_path, tmp_path / "out", capsys, "--executor", "dask://127.0.0.1:8786")
    assert code == 2
    assert err == ["briefbook: dask://127.0.0.1:8786: Dask is not installed here: pip install 'briefbook[dask]'"]


def test_an_executor_that_is_not_dask_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _ingest(tmp_path, tmp_path / "out", capsys, "--executor", "ray://127.0.0.1:10001")
    assert code == 2
    assert err == ["briefbook: ray://127.0.0.1:10001: not an executor this version knows (expected dask://HOST:PORT)"]
