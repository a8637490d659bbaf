"""Benchmarks of teiedition (issue 7): `python -m benchmarks` measures, `benchmarks.corpus` writes
synthetic editions. See benchmarks/README.md."""
