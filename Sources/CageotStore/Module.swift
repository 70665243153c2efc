// Module CageotStore: see docs/ARCHITECTURE.md.
