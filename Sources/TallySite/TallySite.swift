// TallySite: see README.md, Architecture.
