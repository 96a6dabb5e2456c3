// TallyHTML: see README.md, Architecture.
