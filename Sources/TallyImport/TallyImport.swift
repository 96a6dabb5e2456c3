// TallyImport: see README.md, Architecture.
