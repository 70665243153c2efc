# Cageot — the two commands: `make demo` (everything, on a bare Debian 12) and `make test`.
SHELL := /bin/bash
.PHONY: demo test faults fuzz bench build release bootstrap clean-db

build: bootstrap
	swift build

release: bootstrap
	swift build -c release

bootstrap:
	@scripts/bootstrap

## make demo: builds, starts (or reuses) a PostgreSQL under .cageot/, loads the CAMAP replica and
## a demo federation, and writes every document Cageot can make into output/.
## With DATABASE_URL set, uses that database and creates or drops nothing in it.
demo: bootstrap
	scripts/demo

## make test: starts a throwaway PostgreSQL, runs every test against it, stops it even on failure.
test: bootstrap
	scripts/test

## make faults: kill -9 mid-run, PostgreSQL stopped mid-run and under serve, bad credentials, a
## missing table, a read-only or full output folder (docs/reliability.md). make test runs it too.
faults: bootstrap
	scripts/faults

## make fuzz: the preset and cost-file parsers under libFuzzer, 10 min each with a random seed and a
## corpus that grows under .build/fuzz-corpus/ (make test runs a seeded, shorter check).
## FUZZ_SECONDS=N for another length.
fuzz:
	scripts/fuzz $${FUZZ_SECONDS:-600}

## make bench: release build, a throwaway PostgreSQL, a demo federation of 25 then 250 AMAPs × 80
## households × 52 weeks; times every job and the HTTP server (wrk), writes BENCHMARKS.md and
## benchmarks.json. Quick run: BENCH_SCALES=5 BENCH_RUNS=1 BENCH_WRK_SECONDS=3 make bench
bench: bootstrap
	scripts/bench

## Stops the demo PostgreSQL and removes its data.
clean-db:
	scripts/pg-stop .cageot/pg --remove
