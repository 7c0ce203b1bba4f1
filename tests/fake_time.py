"""Kept for the folders that still import `fake_time` at the top level: the fake clock is `support.fake_time`."""

from support.fake_time import FakeTime

__all__ = ["FakeTime"]
