/**
 * Process exit codes, after BSD sysexits(3) where one fits. Scripts may rely on them:
 * they are part of the command line's contract (see the package README).
 */
export const exitCodes = {
  /** The analysis ran and was printed (rejected rows, if any, were reported). */
  ok: 0,
  /** The command line was wrong: unknown option, dimension or KPI, missing --data … */
  usage: 2,
  /** EX_DATAERR: the data was read but nothing usable came out of it (no valid account). */
  dataError: 65,
  /** EX_NOINPUT: the data directory, or its accounts file, does not exist or cannot be read. */
  noInput: 66,
  /** EX_SOFTWARE: an analysis section failed; the other sections were still printed. */
  software: 70,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
