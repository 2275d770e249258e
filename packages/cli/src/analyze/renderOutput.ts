import stringWidth from 'string-width';
import type { LoadReport } from '../load/loadDataset';
import { inputsJson, inputsText } from '../output/inputsReport';
import type { JsonValue, Section } from '../sections/section';
import type { AnalyzeOptions } from './analyzeOptions';

function heading(title: string): string {
  return `${title}\n${'─'.repeat(stringWidth(title))}`;
}

/** The readable output: the inputs summary, then every section under its heading. */
export function textOutput(report: LoadReport, sections: readonly Section[]): string {
  const parts = [
    `Kizuna analysis of ${report.dir}`,
    `${heading('Inputs')}\n${inputsText(report)}`,
    ...sections.map((section) => `${heading(section.title)}\n${section.toText()}`),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** The `--json` document: what was asked, what was read (with rejected rows), and every section by id. */
export function jsonOutput(options: AnalyzeOptions, report: LoadReport, sections: readonly Section[], failed: readonly string[]): string {
  const document: JsonValue = {
    command: 'analyze',
    request: {
      data: options.dataArg,
      groupBy: [...options.groupBy],
      kpis: [...options.kpis],
      window: options.window === undefined ? null : { from: options.window.from, to: options.window.to },
    },
    inputs: inputsJson(report),
    sections: Object.fromEntries(sections.map((section) => [section.id, section.toJson()])),
    failedSections: [...failed],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
