// Module CageotXLSX: see docs/ARCHITECTURE.md.
