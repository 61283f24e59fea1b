"""Benchmarks with generated data; run with ``make bench``."""
