// Module CageotDocuments: see docs/ARCHITECTURE.md.
