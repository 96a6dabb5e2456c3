// TallyAnki: see README.md, Architecture.
