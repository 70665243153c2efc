# Cageot — the two commands: `make demo` (everything, on a bare Debian 12) and `make test`.
SHELL := /bin/bash
.PHONY: demo test build release bootstrap clean-db

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

## Stops the demo PostgreSQL and removes its data.
clean-db:
	scripts/pg-stop .cageot/pg --remove
