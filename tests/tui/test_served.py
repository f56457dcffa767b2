"""A served board notices that the server feeding its standard input has gone."""

from __future__ import annotations

import os

from jobboard.tui.served import server_gone


def test_a_pipe_is_gone_once_its_writer_closes_and_not_before():
    reading, writing = os.pipe()
    try:
        assert not server_gone(reading)
        os.write(writing, b"keys not read yet")  # unread input is not a hang-up
        assert not server_gone(reading)
        os.close(writing)
        assert server_gone(reading)
        assert os.read(reading, 100) == b"keys not read yet"  # the check read nothing
    finally:
        os.close(reading)
