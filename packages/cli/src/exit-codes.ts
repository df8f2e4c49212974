/** The shell contract, documented in `--help`. */
export const EXIT = {
  /** No Key Vault error found in any input. */
  clean: 0,
  /** At least one finding reported. */
  findings: 1,
  /** Bad usage, an input that could not be read or output that could not be written (this wins over findings: the run is incomplete). */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  no Key Vault error found
  1  findings reported
  2  usage or input error (an unreadable input makes the whole run exit 2, even with findings elsewhere),
     or the output could not be written (a reader that stops early, as | head does, is not an error)`;
