// TallyEvaluation: see README.md, Architecture.
