// Module CageotDemoData: see docs/ARCHITECTURE.md.
