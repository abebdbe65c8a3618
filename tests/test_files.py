"""Does an atomic write leave either the old file or the new one, never half of either?"""

from __future__ import annotations

import pytest

from gencourse.files import atomic_write


def test_does_an_atomic_write_leave_the_old_file_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "gradebook.csv"
    atomic_write(target, "old\n")
    atomic_write(target, "new\n")
    assert target.read_text() == "new\n"

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        atomic_write(target, "half")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gradebook.csv"]


def test_does_an_atomic_write_make_its_folders_and_take_bytes_or_text(tmp_path):
    atomic_write(tmp_path / "a" / "b" / "log.bin", b"\x00\xff")
    atomic_write(tmp_path / "a" / "note.md", "한국어\n")
    assert (tmp_path / "a" / "b" / "log.bin").read_bytes() == b"\x00\xff"
    assert (tmp_path / "a" / "note.md").read_text(encoding="utf-8") == "한국어\n"
