"""A worker's job done beside it by a forked copy (forked.Beside): its result or its error comes
back, the copy never outlives the context, and where no copy can be made the job is done in turn."""

from __future__ import annotations

import os
import signal
import time

import pytest

from teiedition import forked


@pytest.fixture
def copies(monkeypatch):
    """Copies may be made here, as in a worker (the test process holds pytest's threads)."""
    monkeypatch.setattr(forked, "may_fork", lambda: True)


def test_a_job_beside_is_made_by_another_process_and_its_large_result_comes_back(copies):
    with forked.Beside(lambda: (os.getpid(), b"x" * 5_000_000)) as other:
        pid, data = other.result()
    assert pid != os.getpid() and data == b"x" * 5_000_000


def test_an_error_of_the_job_is_raised_here(copies):
    def fails():
        raise ValueError("no such page")

    with pytest.raises(ValueError, match="no such page"), forked.Beside(fails) as other:
        other.result()


def test_an_error_that_cannot_travel_comes_back_as_its_traceback(copies):
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fails():
        raise Local("held back")

    with pytest.raises(RuntimeError, match="held back"), forked.Beside(fails) as other:
        other.result()


def test_a_copy_killed_before_its_result_says_how_it_ended(copies):
    with pytest.raises(RuntimeError, match="killed by signal 9"), forked.Beside(lambda: os.kill(os.getpid(), signal.SIGKILL)) as other:
        other.result()


def test_leaving_the_context_early_stops_the_copy(copies):
    with pytest.raises(KeyError), forked.Beside(lambda: time.sleep(60)) as other:
        pid = other.pid
        raise KeyError("the screen book failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # ended and reaped


def test_where_no_copy_can_be_made_the_job_is_done_here(copies, monkeypatch):
    def no_fork():
        raise OSError(12, "Cannot allocate memory")

    monkeypatch.setattr(os, "fork", no_fork)
    with forked.Beside(os.getpid) as other:
        assert other.result() == os.getpid()


def test_the_build_process_makes_no_copy():
    # it holds Saxon's threads; only a worker (workers.set_up_worker) may fork
    assert not forked.may_fork()
