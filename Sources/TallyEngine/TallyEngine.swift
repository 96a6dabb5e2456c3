// TallyEngine: see README.md, Architecture.
