"""Benchmarks, not part of `make test`: `python -m tools.bench` (make bench). The long schemathesis run of `make fuzz`
is not a benchmark: it is `tools.fuzz`.

Every speed figure is a ratio against a baseline measured in the same run, on the same machine, alternating the
two (A, B, A, B) so that a busy neighbour slows both alike. Results land in `build/bench/results.json` and
`build/bench/results.md`; `BENCHMARKS.md` records the latest figures with the machine they were measured on.

| module | what it measures |
|---|---|
| `http.py` | the mock against Prism: requests/s, p50/p99, with wrk on loopback |
| `client.py` | the generated client's cancel call against the same request in raw httpx |
| `regen.py` | `make generate` against the bare generator on the same file |
| `contract.py` | schemathesis cases per second, in-process and over loopback; `make contract` wall time |
| `overlay.py` | the overlay applier on a 2 MB JSON (200 actions) and a 10 MB YAML spec against `json` load + dump |
| `history.py` | the mock's service with a long history of finished operations against a fresh one |
"""
