// libTallyOpenLog.so is preloaded (LD_PRELOAD) into a notebook's program; it has no API of its own.
// Each file the program opens for reading is appended, one path per line, to the file named by the
// environment variable TALLY_OPEN_LOG, so that `tally` can key the program's cached results on them.
