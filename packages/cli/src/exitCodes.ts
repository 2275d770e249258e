/**
 * Process exit codes, after BSD sysexits(3) where one fits. Scripts may rely on them:
 * they are part of the command line's contract (see the package README).
 */
export const exitCodes = {
  /** The command did what it was asked (rejected rows, if any, were reported). */
  ok: 0,
  /** The command line was wrong: unknown option, dimension or KPI, missing --data, bad mapping file … */
  usage: 2,
  /**
   * EX_DATAERR: `analyze` read the data but nothing usable came out of it (no valid account);
   * `pull`/`doctor`: the CRM answered with something malformed.
   */
  dataError: 65,
  /** EX_NOINPUT: the data directory, or its accounts file, does not exist or cannot be read. */
  noInput: 66,
  /** EX_UNAVAILABLE: the CRM could not be reached, or did not answer in time. */
  unavailable: 69,
  /** EX_SOFTWARE: an analysis section failed (the other sections were still printed), or an internal error. */
  software: 70,
  /** EX_CANTCREAT: `pull` cannot write its output directory. */
  cantCreate: 73,
  /** EX_TEMPFAIL: the CRM's rate or daily API limit; try again later (`pull` resumes). */
  tempFail: 75,
  /** EX_NOPERM: authentication failed, or the user may not read what the mapping names. */
  noPermission: 77,
  /** 128 + SIGINT: interrupted (Ctrl-C); `pull` resumes where it stopped. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
