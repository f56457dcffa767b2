"""on_two_cores: the same answer as one process, the second half really worked out in a child,
and every way the child can fail ends with the answer anyway (or the parent's own error)."""

from __future__ import annotations

import os
import signal

import pytest

from jobboard import cores

BIG = cores.WORTH_A_FORK + 11  # odd, so the halves differ in length

needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="needs fork and two cores")


def squares_with_pid(part):
    return [(n * n, os.getpid()) for n in part]


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@needs_fork
def test_a_long_list_is_split_between_two_processes_and_joined_in_order():
    results = cores.on_two_cores(squares_with_pid, range(BIG))
    assert [square for square, _ in results] == [n * n for n in range(BIG)]
    half = BIG // 2
    assert {pid for _, pid in results[:half]} == {os.getpid()}
    child = {pid for _, pid in results[half:]}
    assert len(child) == 1 and os.getpid() not in child
    assert no_children_left()


def test_a_short_list_stays_in_this_process():
    results = cores.on_two_cores(squares_with_pid, range(cores.WORTH_A_FORK - 1))
    assert {pid for _, pid in results} == {os.getpid()}


def test_one_core_means_one_process(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    results = cores.on_two_cores(squares_with_pid, range(BIG))
    assert {pid for _, pid in results} == {os.getpid()}


def test_no_fork_to_spare_means_one_process(monkeypatch):
    def refused():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    results = cores.on_two_cores(squares_with_pid, range(BIG))
    assert [square for square, _ in results] == [n * n for n in range(BIG)]
    assert {pid for _, pid in results} == {os.getpid()}


@needs_fork
@pytest.mark.parametrize("how", ["raises", "killed", "exits early", "too few"])
def test_a_child_that_fails_leaves_its_half_to_the_parent(how):
    parent = os.getpid()

    def work(part):
        if os.getpid() != parent:
            if how == "raises":
                raise ValueError("an entry this process cannot read")
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)
            if how == "exits early":
                os._exit(0)  # status 0, but nothing sent
            return squares_with_pid(part)[:-1]
        return squares_with_pid(part)

    results = cores.on_two_cores(work, range(BIG))
    assert [square for square, _ in results] == [n * n for n in range(BIG)]
    assert {pid for _, pid in results} == {parent}
    assert no_children_left()


@needs_fork
def test_the_parents_own_error_is_raised_and_the_child_is_reaped():
    parent = os.getpid()

    def work(part):
        if os.getpid() == parent:
            raise ValueError("entry 7 cannot be read")
        return squares_with_pid(part)

    with pytest.raises(ValueError, match="entry 7"):
        cores.on_two_cores(work, range(BIG))
    assert no_children_left()
