import { describe, expect, it } from 'vitest';
import { parseZohoConnection } from '../dataCentres';
import { createRestGateway } from '../restGateway';
import { answering, jsonResponse } from '../testing/fakeTransport';
import { fieldChunks, readAllRecords } from './readRecords';
import { flattenRecord } from './flattenRecord';

const connection = parseZohoConnection({ apiDomain: 'https://www.zohoapis.eu' });
const idOf = (n: number) => `60123450000004${String(n).padStart(5, '0')}`;
const info = (more: boolean, token: string | null) => ({ call: false, per_page: 200, next_page_token: token, count: 200, sort_by: 'id', page: 1, previous_page_token: null, page_token_expiry: null, sort_order: 'desc', email: false, more_records: more });

describe('reading records through the Records API', () => {
  it('pages by page to 2,000 records, then by page_token (never both), and stops on more_records', async () => {
    const { transport, requests } = answering((request) => {
      const params = new URL(request.url).searchParams;
      const page = params.get('page_token') === null ? Number(params.get('page')) : 10 + Number(params.get('page_token')?.slice(1));
      const rows = Array.from({ length: page === 12 ? 7 : 200 }, (_, index) => ({ id: idOf((page - 1) * 200 + index), Account_Name: `A${page}` }));
      return jsonResponse(200, { data: rows, info: info(page < 12, page < 12 ? `t${page - 9}` : null) });
    });
    const rows = await readAllRecords(createRestGateway(transport, connection), 'Accounts', ['Account_Name']);
    expect(rows).toHaveLength(11 * 200 + 7);
    const params = requests.map((request) => new URL(request.url).searchParams);
    expect(params.map((param) => [param.get('page'), param.get('page_token')])).toEqual([
      ...Array.from({ length: 10 }, (_, index) => [String(index + 1), null]),
      [null, 't1'],
      [null, 't2'],
    ]);
    expect(params.every((param) => param.get('per_page') === '200' && param.get('fields') === 'Account_Name')).toBe(true);
    expect(requests[0]?.url.startsWith('https://www.zohoapis.eu/crm/v8/Accounts?')).toBe(true);
  });

  it('splits more than 50 fields into calls of 50 and joins them on id', async () => {
    const fields = Array.from({ length: 60 }, (_, index) => `Field_${index}`);
    expect(fieldChunks(['id', ...fields]).map((chunk) => chunk.length)).toEqual([50, 10]);
    const { transport, requests } = answering((request) => {
      const asked = new URL(request.url).searchParams.get('fields')?.split(',') ?? [];
      return jsonResponse(200, { data: [{ id: idOf(1), ...Object.fromEntries(asked.map((field) => [field, field])) }], info: { more_records: false } });
    });
    const [row] = await readAllRecords(createRestGateway(transport, connection), 'Deals', fields);
    expect(requests).toHaveLength(2);
    expect(Object.keys(row ?? {})).toHaveLength(61);
  });

  it('reads 204 No Content as an empty module', async () => {
    const { transport } = answering(() => jsonResponse(204));
    expect(await readAllRecords(createRestGateway(transport, connection), 'Cases', ['Subject'])).toEqual([]);
  });

  it('keeps 19-digit ids as strings and reduces lookups, owners and zoned datetimes', () => {
    const text = '{"id":"6012345000000412001","Account_Name":{"name":"Zylker","id":"6012345000000399001"},"Owner":{"name":"Patricia Boyle","id":"6012345000000100001","email":"p.boyle@abc.com"},"Responded_At":"2025-06-30T17:41:09+09:00","Closing_Date":"2025-09-30","Drivers_Asked":["Email","Phone"],"Amount":18500000}';
    expect(flattenRecord(JSON.parse(text) as Record<string, unknown>)).toEqual({
      id: '6012345000000412001',
      Account_Name: '6012345000000399001',
      Owner: '6012345000000100001',
      Responded_At: '2025-06-30T08:41:09.000Z',
      Closing_Date: '2025-09-30',
      Drivers_Asked: ['Email', 'Phone'],
      Amount: 18500000,
    });
  });
});
