import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnalyzeArgs, parseDoctorArgs, parsePullArgs } from '@kizuna/cli';
import { crmErrorCodes, isCrmError, mapRecord, type HttpResponse } from '@kizuna/crm-core';
import { parseSalesforceMappingFile, salesforceDefaultMapping, salesforceErrorFrom } from '@kizuna/crm-salesforce';
import { flattenRecord, parsePageLoad, parseZohoMappingFile, zohoDefaultMapping, zohoErrorFrom } from '@kizuna/crm-zoho';
import type { EntityName } from '@kizuna/model';
import { filtersFromParams } from '@kizuna/widgets';
import fc from 'fast-check';
import { parseRoute } from '../../../apps/demo/src/routes';
import { CsvFileProblem } from '../../../packages/cli/src/load/csvRecord';
import { readCsv } from '../../../packages/cli/src/load/readCsv';
import { readJsonl } from '../../../packages/cli/src/load/readJsonl';
import { parseElementAttributes } from '../../../packages/embed-web/src/element/elementSettings';
import { createMessageGate } from '../../../packages/embed-web/src/frame/messageGate';
import { createOriginAllowlist } from '../../../packages/embed-web/src/frame/originAllowlist';
import { frameToHostMessageSchema, hostToFrameMessageSchema } from '../../../packages/embed-web/src/frame/protocol';
import { mutateJson, mutation, nastyJson, type FuzzTarget, type Verdict } from './fuzzTarget';

const knownCodes: ReadonlySet<string> = new Set(crmErrorCodes);
const isInvalidInput = (error: unknown) => isCrmError(error) && error.code === 'INVALID_INPUT';

/** Text that looks like what each parser reads, mixed with anything at all. */
const oddText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('', ' ', '..', '%', '%00', '\u0000', '\n', 'null', 'undefined', '0', '-1', '1e309', '2026-13-45', '2026-10-01T00:00:00Z', '<script>alert(1)</script>'));

// ---- CRM error bodies -------------------------------------------------------------------------

const errorBodies = fc.oneof(
  oddText,
  nastyJson.map((value) => JSON.stringify(value) ?? ''),
  fc.record({ errorCode: oddText, message: oddText, fields: fc.option(fc.array(oddText, { maxLength: 3 }), { nil: undefined }) }).map((error) => JSON.stringify([error])),
  fc.record({ code: oddText, message: oddText, status: fc.constantFrom('error', 'success', ''), details: nastyJson }).map((error) => JSON.stringify(error)),
);
const errorResponse = fc.record({ status: fc.integer({ min: 100, max: 599 }), text: errorBodies }).map(({ status, text }): HttpResponse => ({ status, headers: new Headers(), text }));

function errorMapper(name: string, from: (response: HttpResponse) => unknown, runs: number): FuzzTarget<HttpResponse> {
  return {
    name,
    inputs: errorResponse,
    runs,
    feed: (response) => {
      const error = from(response);
      if (!isCrmError(error) || !knownCodes.has(error.code)) throw new Error(`not a CrmError with a known code: ${String(error)}`);
      return error.code === 'UNKNOWN' || error.code === 'MALFORMED_RESPONSE' ? 'rejected' : 'accepted';
    },
  };
}
export const salesforceErrorTarget = (runs: number) => errorMapper('Salesforce error bodies (salesforceErrorFrom)', salesforceErrorFrom, runs);
export const zohoErrorTarget = (runs: number) => errorMapper('Zoho error bodies (zohoErrorFrom)', zohoErrorFrom, runs);

// ---- Record mappers ---------------------------------------------------------------------------

const fieldValue = fc.oneof(oddText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), nastyJson);
const mappedEntities = ['account', 'contact', 'touchpoint', 'feedback', 'supportCase', 'opportunity', 'action'] as const satisfies readonly EntityName[];

function sourcesOf(mapping: Readonly<Record<string, { readonly fields: Readonly<Record<string, unknown>> }>>): string[] {
  const names = new Set<string>();
  for (const object of Object.values(mapping)) {
    for (const source of Object.values(object.fields)) for (const name of [source].flat()) if (typeof name === 'string') names.add(name);
  }
  return [...names];
}

function recordMapper(name: string, mapping: Readonly<Record<string, { readonly fields: Readonly<Record<string, unknown>> }>>, flatten: (record: Record<string, unknown>) => Record<string, unknown>, runs: number) {
  const sources = sourcesOf(mapping);
  const record = fc.dictionary(fc.constantFrom(...sources, 'id', 'Id', 'attributes', '__proto__'), fieldValue, { maxKeys: 30 });
  return {
    name,
    inputs: fc.record({ entity: fc.constantFrom(...mappedEntities), record }),
    runs,
    feed: ({ entity, record: raw }: { entity: (typeof mappedEntities)[number]; record: Record<string, unknown> }): Verdict => {
      const objectMapping = (mapping as Record<string, Parameters<typeof mapRecord>[1]>)[entity === 'touchpoint' ? 'task' : entity];
      if (objectMapping === undefined) throw new Error(`no mapping for ${entity}`);
      return mapRecord(entity, objectMapping, flatten(raw)).ok ? 'accepted' : 'rejected';
    },
  } satisfies FuzzTarget<{ entity: (typeof mappedEntities)[number]; record: Record<string, unknown> }>;
}
export const salesforceMapperTarget = (runs: number) => recordMapper('Salesforce record mapping (mapRecord, default mapping)', salesforceDefaultMapping, (record) => record, runs);
export const zohoMapperTarget = (runs: number) => recordMapper('Zoho record flattening and mapping (flattenRecord + mapRecord)', zohoDefaultMapping, (record) => flattenRecord(record), runs);

// ---- Mapping files ----------------------------------------------------------------------------

const validMappingFile = {
  version: 1,
  objects: {
    feedback: { object: 'Survey_Answer__c', fields: { score: 'Rating__c', comment: null } },
    contact: { values: { role: { 'Decision Maker': 'decision_maker', '': 'user' } } },
    account: { constants: { currency: 'JPY' } },
  },
};
const mappingFiles = fc.oneof(
  { weight: 3, arbitrary: mutation.map((change) => mutateJson(validMappingFile, change.at % 24, change.replacement, change.mode)) },
  { weight: 1, arbitrary: nastyJson },
  { weight: 1, arbitrary: fc.record({ version: fc.constantFrom<unknown>(1, 2, '1', null), objects: fc.dictionary(oddText, nastyJson, { maxKeys: 3 }) }) },
);
function mappingFileTarget(name: string, parse: (input: unknown) => unknown, runs: number): FuzzTarget<unknown> {
  return {
    name,
    inputs: mappingFiles,
    runs,
    isTypedError: isInvalidInput,
    feed: (input) => {
      parse(input);
      return 'accepted';
    },
  };
}
export const salesforceMappingFileTarget = (runs: number) => mappingFileTarget('Salesforce mapping files (parseSalesforceMappingFile)', parseSalesforceMappingFile, runs);
export const zohoMappingFileTarget = (runs: number) => mappingFileTarget('Zoho mapping files (parseZohoMappingFile)', parseZohoMappingFile, runs);

// ---- CLI arguments ----------------------------------------------------------------------------

const flags = ['--data', '--by', '--kpi', '--json', '--from', '--to', '--help', '-h', '--crm', '--mapping', '--out', '--restart', '--instance-url', '--api-version', '--access-token', '--refresh-token', '--client-id', '--client-secret', '--login-url', '--batch-size', '--', '-'];
const argValue = fc.oneof(oddText, fc.constantFrom('salesforce', 'zoho', 'nps', 'csat', 'businessUnitId', '2026-01-01', 'https://acme.my.salesforce.com', 'http://localhost:9999', 'v66.0', '200', './data'));
const argv = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...flags) }, { weight: 3, arbitrary: argValue }, { weight: 1, arbitrary: fc.constantFrom(...flags).chain((flag) => argValue.map((value) => `${flag}=${value}`)) }), { maxLength: 10 });
const env = fc.dictionary(fc.constantFrom('KIZUNA_SF_INSTANCE_URL', 'KIZUNA_SF_ACCESS_TOKEN', 'KIZUNA_SF_REFRESH_TOKEN', 'KIZUNA_SF_CLIENT_ID', 'HOME'), argValue, { maxKeys: 3 });

function argsTarget(name: string, parse: (args: readonly string[], environment: Record<string, string>) => { readonly kind: string }, runs: number): FuzzTarget<{ args: string[]; environment: Record<string, string> }> {
  return {
    name,
    inputs: fc.record({ args: argv, environment: env }),
    runs,
    feed: ({ args, environment }) => {
      const parsed = parse(args, environment);
      if (!['options', 'help', 'usageError'].includes(parsed.kind)) throw new Error(`unexpected result kind ${parsed.kind}`);
      return parsed.kind === 'usageError' ? 'rejected' : 'accepted';
    },
  };
}
export const analyzeArgsTarget = (runs: number) => argsTarget('CLI `kizuna analyze` arguments', (args) => parseAnalyzeArgs(args, '/tmp/kizuna-fuzz'), runs);
export const pullArgsTarget = (runs: number) => argsTarget('CLI `kizuna pull` arguments and environment', (args, environment) => parsePullArgs(args, { cwd: '/tmp/kizuna-fuzz', env: environment }), runs);
export const doctorArgsTarget = (runs: number) => argsTarget('CLI `kizuna doctor` arguments and environment', (args, environment) => parseDoctorArgs(args, { cwd: '/tmp/kizuna-fuzz', env: environment }), runs);

// ---- CLI file readers -------------------------------------------------------------------------

const jsonlLine = fc.oneof(nastyJson.map((value) => JSON.stringify(value) ?? ''), oddText, fc.constant('{"id": "c-1", "name": "Sato'));
const csvCell = fc.oneof(oddText, fc.constantFrom('"', '""', '"a,b"', 'a\nb', '\r\n', ';', ','));
const csvHeader = fc.array(fc.oneof(fc.constantFrom('id', 'accountId', 'name', 'role', 'email', 'score', 'respondedAt', 'kind', 'scale', 'driverScores'), oddText), { minLength: 0, maxLength: 6 });

function readerTarget(
  name: string,
  read: (path: string) => AsyncGenerator<unknown>,
  content: fc.Arbitrary<string>,
  runs: number,
  isTypedError?: (error: unknown) => boolean,
): FuzzTarget<string> & { cleanup(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'kizuna-fuzz-'));
  mkdirSync(directory, { recursive: true });
  let file = 0;
  return {
    name,
    inputs: content,
    runs,
    ...(isTypedError === undefined ? {} : { isTypedError }),
    feed: async (text) => {
      file += 1;
      const path = join(directory, `input-${file}`);
      writeFileSync(path, text);
      let rows = 0;
      try {
        for await (const row of read(path)) {
          if (typeof row !== 'object' || row === null) throw new Error('a reader yielded something that is not a row');
          rows += 1;
        }
      } finally {
        rmSync(path);
      }
      return rows > 0 ? 'accepted' : 'rejected';
    },
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}
export const jsonlReaderTarget = (runs: number) =>
  readerTarget('CLI JSONL reader (readJsonl)', (path) => readJsonl(path, 'feedback'), fc.array(jsonlLine, { maxLength: 6 }).map((lines) => lines.join('\n')), runs);
export const csvReaderTarget = (runs: number) =>
  readerTarget(
    'CLI CSV reader (readCsv)',
    (path) => readCsv(path, 'contact'),
    fc.tuple(csvHeader, fc.array(fc.array(csvCell, { maxLength: 7 }), { maxLength: 5 }), fc.boolean()).map(([header, rows, bom]) => `${bom ? '\uFEFF' : ''}${[header, ...rows].map((cells) => cells.join(',')).join('\n')}`),
    runs,
    // A header the reader cannot use is the file's problem, said as such (the CLI reports it per file).
    (error) => error instanceof CsvFileProblem,
  );

// ---- postMessage bridge -----------------------------------------------------------------------

const allowed = 'https://crm.example.com';
const validSettings = { role: 'account-manager', accountId: '0015g00000AbCdEAAV', locale: 'ja', theme: 'salesforce', colourScheme: 'light', asOf: '2026-10-01T00:00:00Z' };
const hostMessages = [
  { protocol: 'kizuna', version: 1, type: 'init', crm: 'salesforce', settings: validSettings },
  { protocol: 'kizuna', version: 1, type: 'settings', settings: validSettings },
];
const frameMessages = [
  { protocol: 'kizuna', version: 1, type: 'ready' },
  { protocol: 'kizuna', version: 1, type: 'resize', height: 640, width: 320 },
  { protocol: 'kizuna', version: 1, type: 'action-accepted', idempotencyKey: 'nba-000123', accountId: '001', crmTaskId: '00T', created: true },
  { protocol: 'kizuna', version: 1, type: 'error', code: 'no-data-source', message: 'x' },
];
function messageTarget(name: string, schema: typeof hostToFrameMessageSchema | typeof frameToHostMessageSchema, valid: readonly unknown[], runs: number) {
  const gate = createMessageGate<unknown>({ allowlist: createOriginAllowlist([allowed]), schema });
  const data = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...valid), mutation).map(([message, change]) => mutateJson(message, change.at % 16, change.replacement, change.mode)) },
    { weight: 1, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: nastyJson },
  );
  return {
    name,
    inputs: fc.record({ origin: fc.oneof(fc.constant(allowed), fc.constantFrom('https://evil.example', 'null', '', 'https://crm.example.com.evil.example', 'https://CRM.example.com'), oddText), data }),
    runs,
    feed: ({ origin, data: payload }: { origin: string; data: unknown }): Verdict => {
      const event = new MessageEvent('message', { origin, data: payload });
      return gate.admit(event) === undefined ? 'rejected' : 'accepted';
    },
  } satisfies FuzzTarget<{ origin: string; data: unknown }>;
}
export const hostMessageTarget = (runs: number) => messageTarget('postMessage host → frame (message gate)', hostToFrameMessageSchema, hostMessages, runs);
export const frameMessageTarget = (runs: number) => messageTarget('postMessage frame → host (message gate)', frameToHostMessageSchema, frameMessages, runs);

// ---- URL parameters and embed settings --------------------------------------------------------

const paramValue = fc.oneof(oddText, fc.constantFrom('account-manager', 'bu-leader', 'cx-leader', 'ja', 'en', 'light', 'dark', 'last_year', 'last_quarter', 'bu-1', 'enterprise'));
const search = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom('role', 'lang', 'theme', 'kz_period', 'kz_bu', 'kz_segment'), oddText), paramValue), { maxLength: 6 })
  .map((pairs) => `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`);
const pathname = fc.oneof(
  fc.tuple(fc.constantFrom('salesforce', 'zoho', 'web', 'other', ''), fc.constantFrom('home', 'account', 'account/'), oddText).map(([host, page, id]) => `/${host}/${page}${page === 'account' ? `/${encodeURIComponent(id)}` : ''}`),
  fc.constantFrom('/', '//', '/salesforce/account/001000000000000AAA', '/zoho/account/6012345000000399001', '/web/account/acc-1'),
  oddText.map((text) => `/${text}`),
);
export const routeTarget = (runs: number): FuzzTarget<{ path: string; query: string }> => ({
  name: 'demo URL routes (parseRoute)',
  inputs: fc.record({ path: pathname, query: search }),
  runs,
  feed: ({ path, query }) => (parseRoute(path, query).route.page === 'not-found' ? 'rejected' : 'accepted'),
});
export const filterParamsTarget = (runs: number): FuzzTarget<string> => ({
  name: 'dashboard filter URL parameters (filtersFromParams)',
  inputs: search,
  runs,
  feed: (query) => (filtersFromParams(new URLSearchParams(query)).issues.length > 0 ? 'rejected' : 'accepted'),
});
const attributeValue = fc.option(fc.oneof(paramValue, fc.constantFrom('salesforce', 'zoho', 'neutral', '001000000000000AAA', '2026-10-01T00:00:00Z')), { nil: null });
export const elementAttributesTarget = (runs: number) => ({
  name: 'custom element attributes (parseElementAttributes)',
  inputs: fc.record({ role: attributeValue, crm: attributeValue, account: attributeValue, locale: attributeValue, theme: attributeValue, 'colour-scheme': attributeValue, 'as-of': attributeValue }),
  runs,
  feed: (attributes: Parameters<typeof parseElementAttributes>[0]): Verdict => (parseElementAttributes(attributes, { asOf: '2026-10-01T00:00:00Z', pageLanguage: 'ja' }).ok ? 'accepted' : 'rejected'),
});
export const pageLoadTarget = (runs: number): FuzzTarget<unknown> => ({
  name: 'Zoho widget PageLoad data (parsePageLoad)',
  inputs: fc.oneof(
    fc.record({ Entity: fc.oneof(fc.constantFrom('Accounts', 'Contacts'), oddText), EntityId: fc.oneof(fc.constantFrom('6012345000000399001'), oddText, fc.array(fc.oneof(oddText, fc.double(), fc.integer()), { maxLength: 3 }), fc.double(), fc.integer()) }),
    nastyJson,
  ),
  runs,
  isTypedError: isInvalidInput,
  feed: (data) => {
    parsePageLoad(data);
    return 'accepted';
  },
});
