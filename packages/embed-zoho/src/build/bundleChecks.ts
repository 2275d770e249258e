interface Construct {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Constructs a strict CSP (no 'unsafe-eval') blocks: the build fails on any of them. */
const forbidden: readonly Construct[] = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/g },
  { name: 'eval aliased', pattern: /=\s*eval(?=\s*[,;})\n])/g },
  { name: 'new Function', pattern: /\bnew\s+Function\b/g },
  { name: 'setTimeout/setInterval with a string', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
];

/**
 * The Function constructor reached some other way (aliased, called without `new`). Libraries keep
 * such code behind feature switches (zod's JIT, off under `z.config({ jitless: true })`; stdlib's
 * `evalpoly.factory`, never called): listed by the build for review, not failed on.
 */
const audited: readonly Construct[] = [
  { name: 'Function(…) called on a string', pattern: /(?<![\w$.])Function\s*\(\s*["'`]/g },
  { name: 'the Function constructor aliased', pattern: /=\s*Function(?=\s*[,;})\n])/g },
];

export interface ScriptFindings {
  /** Blocked under the widget's CSP: the build fails. */
  readonly forbidden: string[];
  /** Dormant references to the Function constructor, for review. */
  readonly audited: string[];
}

function find(fileName: string, code: string, constructs: readonly Construct[]): string[] {
  return constructs.flatMap(({ name, pattern }) =>
    [...code.matchAll(pattern)].map((match) => {
      const start = Math.max(0, match.index - 50);
      return `${fileName}: ${name} at ${match.index}: …${code.slice(start, match.index + 50).replace(/\s+/g, ' ')}…`;
    }),
  );
}

/** What a script contains that a CSP without 'unsafe-eval' would block, or that reaches for the Function constructor. */
export function scriptFindings(fileName: string, code: string): ScriptFindings {
  return { forbidden: find(fileName, code, forbidden), audited: find(fileName, code, audited) };
}

/** Inline scripts and inline event handlers in an HTML page (a CSP without 'unsafe-inline' blocks them). */
export function inlineScriptFindings(fileName: string, html: string): string[] {
  const findings: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (!/\bsrc\s*=/.test(attributes) || body.trim() !== '') findings.push(`${fileName}: inline <script> at ${match.index}`);
  }
  for (const match of html.matchAll(/\son[a-z]+\s*=/gi)) findings.push(`${fileName}: inline event handler "${match[0].trim()}" at ${match.index}`);
  if (/javascript:/i.test(html)) findings.push(`${fileName}: a javascript: URL`);
  return findings;
}
