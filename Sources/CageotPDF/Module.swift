// Module CageotPDF: see docs/ARCHITECTURE.md.
