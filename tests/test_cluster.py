"""`--scheduler ADDRESS`: the per-document work on a Dask distributed cluster (the optional
extra teiedition[cluster]; `distributed` is in the dev group, so CI has it)."""

from __future__ import annotations

from distributed import LocalCluster

from conftest import TEI
from teiedition import parallel
from teiedition.build import build
from teiedition.cli import main
from test_jobs import tree


def test_a_build_on_a_cluster_of_two_workers_writes_the_bytes_of_a_local_build(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.setattr(parallel, "CHUNK", 1)  # five documents are enough to share among the workers
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        build(TEI, tmp_path / "cluster", pdf=False, scheduler=cluster.scheduler_address)
    build(TEI, tmp_path / "local", pdf=False, jobs=1)
    there, here = tree(tmp_path / "cluster"), tree(tmp_path / "local")
    assert set(there) == set(here)
    assert [name for name in here if here[name] != there[name]] == []


def test_a_scheduler_that_does_not_answer_is_an_environment_error_not_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 1)
    assert main(["build", "--tei", str(TEI), "--out", str(tmp_path / "out"), "--no-pdf", "--scheduler", "tcp://127.0.0.1:9"]) == 3
    err = capsys.readouterr().err
    assert "no Dask scheduler answers at tcp://127.0.0.1:9" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "html").exists()
