"""Benchmarks, run with `make bench` (`python -m bench`): each module measures one part and prints figures.

Speed is measured here, never in timed test asserts.
"""
