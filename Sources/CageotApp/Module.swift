// Module CageotApp: see docs/ARCHITECTURE.md.
