// TallyDocument: see README.md, Architecture.
