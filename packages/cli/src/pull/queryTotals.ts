import type { HttpTransport } from '@kizuna/crm-core';

const firstBatch = /\/services\/data\/v\d+\.\d\/(query|queryAll)\?q=/;

/**
 * Reports the `totalSize` of each query's first batch, read from the head of the body (Salesforce
 * puts it first). For the progress bar only: paging itself never counts, it follows `done`.
 */
export function withQueryTotals(transport: HttpTransport, onTotal: (rows: number) => void): HttpTransport {
  return async (request) => {
    const response = await transport(request);
    if (response.status === 200 && firstBatch.test(request.url)) {
      const match = /"totalSize"\s*:\s*(\d+)/.exec(response.text.slice(0, 256));
      if (match !== null) onTotal(Number(match[1]));
    }
    return response;
  };
}
