// The pooltop command line: parse, run, and map errors to exit codes (2 for bad arguments).
Entry.main()
