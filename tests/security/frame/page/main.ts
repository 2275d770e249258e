// First: zod must not compile parsers with `new Function` under the page's strict CSP.
import '../../../../packages/embed-web/src/cspSafeZod';
import { createDatasetDataSource } from '@kizuna/metrics';
import { generateOrganisation } from '@kizuna/sample-data';
import { createFrameHost, originSchema, registerDataSourceFactory, startFramedDashboard, type Rejection } from '../../../../packages/embed-web/src/index';

/**
 * One bundle, three pages, told apart by `?as=`:
 * - `frame`: Kizuna's frame page; the host origins it allows come from its own origin's
 *   `/frame-config.json` (never from its URL, which anyone can write);
 * - `host`: a CRM page framing it with `createFrameHost`, and a sibling iframe from a foreign origin;
 * - `attacker`: a page of a foreign origin that forges protocol messages to every window it can reach.
 * Each records what it saw on `window.__embedLog` for the test to read.
 */
interface EmbedLog {
  rejections: Rejection[];
  resizes: number[];
  accepted: string[];
  errors: string[];
  sent: number;
}

declare global {
  interface Window {
    __embedLog?: EmbedLog;
  }
}

const log: EmbedLog = { rejections: [], resizes: [], accepted: [], errors: [], sent: 0 };
window.__embedLog = log;
const params = new URLSearchParams(window.location.search);
const as = params.get('as');
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root.');
const asOf = '2026-10-01T00:00:00.000Z';
const settings = { role: 'bu-leader', locale: 'en', theme: 'neutral', colourScheme: 'light', asOf } as const;

function origin(name: string): string {
  return originSchema.parse(params.get(name));
}

async function startFrame(): Promise<void> {
  const config: unknown = await (await fetch('/frame-config.json')).json();
  const hostOrigins = typeof config === 'object' && config !== null && 'hostOrigins' in config && Array.isArray(config.hostOrigins) ? config.hostOrigins.map((value) => originSchema.parse(value)) : [];
  registerDataSourceFactory('sim', () =>
    createDatasetDataSource(generateOrganisation({ seed: 3, accounts: 20, asOf }), { user: { id: 'u-frame', name: 'Leader', locale: 'en-US' } }),
  );
  startFramedDashboard({ container: root ?? document.body, hostOrigins, onRejected: (rejection) => log.rejections.push(rejection) });
}

function startHost(): void {
  const frameOrigin = origin('frame');
  const iframe = document.createElement('iframe');
  iframe.title = 'Kizuna';
  iframe.src = `${frameOrigin}/?as=frame`;
  iframe.style.width = '1200px';
  root?.append(iframe);
  createFrameHost({
    iframe,
    frameOrigin,
    crm: 'sim',
    settings,
    onResize: ({ height }) => log.resizes.push(height),
    onActionAccepted: (action) => log.accepted.push(action.idempotencyKey),
    onFrameError: (error) => log.errors.push(error.code),
    onRejected: (rejection) => log.rejections.push(rejection),
  });
  const attacker = params.get('attacker');
  if (attacker !== null) {
    const sibling = document.createElement('iframe');
    sibling.title = 'advert';
    sibling.src = `${originSchema.parse(attacker)}/?as=attacker`;
    root?.append(sibling);
  }
}

/** Forged messages of every type, to the parent (posing as the frame) and to every frame (posing as the host). */
function attack(): void {
  const envelope = { protocol: 'kizuna', version: 1 } as const;
  const toFrame = [
    { ...envelope, type: 'init', crm: 'sim', settings: { ...settings, role: 'cx-leader' } },
    { ...envelope, type: 'settings', settings: { ...settings, role: 'cx-leader' } },
  ];
  const toHost = [
    { ...envelope, type: 'resize', height: 7 },
    { ...envelope, type: 'action-accepted', idempotencyKey: 'forged-action-1', accountId: 'acc-000001', crmTaskId: '00T000000000001', created: true },
    { ...envelope, type: 'error', code: 'data-source-failed', message: 'forged' },
  ];
  const targets: Window[] = [];
  if (window.parent !== window) targets.push(window.parent);
  for (let index = 0; index < window.parent.frames.length; index += 1) {
    const frame = window.parent.frames[index];
    if (frame !== undefined && frame !== window) targets.push(frame);
  }
  for (let index = 0; index < window.frames.length; index += 1) {
    const frame = window.frames[index];
    if (frame !== undefined) targets.push(frame);
  }
  for (const target of targets) {
    for (const message of [...toFrame, ...toHost]) {
      target.postMessage(message, '*');
      log.sent += 1;
    }
  }
}

if (as === 'frame') void startFrame();
else if (as === 'host') startHost();
else if (as === 'attacker') {
  // A top-level attacker frames Kizuna itself first, then forges messages once it has loaded.
  const frameParam = params.get('frame');
  if (frameParam !== null) {
    const iframe = document.createElement('iframe');
    iframe.src = `${originSchema.parse(frameParam)}/?as=frame`;
    iframe.style.width = '1200px';
    root.append(iframe);
  }
  let rounds = 0;
  const timer = setInterval(() => {
    attack();
    rounds += 1;
    if (rounds >= 10) clearInterval(timer);
  }, 300);
}
