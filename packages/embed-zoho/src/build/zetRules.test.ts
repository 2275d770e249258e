import { describe, expect, it } from 'vitest';
import { ZET_LIMITS, zetProblems } from './zetRules';

describe('zetProblems (what zet validate and zet pack check for a CRM widget)', () => {
  it('passes a widget laid out as zet expects', () => {
    expect(zetProblems([
      { path: 'app/widget.html', bytes: 700 },
      { path: 'app/js/kizuna-zoho.js', bytes: 700_000 },
      { path: 'app/css/kizuna-zoho.css', bytes: 2_000 },
      { path: 'app/translations/en.json', bytes: 100 },
    ])).toEqual([]);
  });

  it('refuses what zet refuses: dotted folders, odd names, dot files, big files, files outside app/', () => {
    expect(zetProblems([
      { path: 'app/assets.v2/logo.png', bytes: 10 },
      { path: 'app/js/kizuna zoho.js', bytes: 10 },
      { path: 'app/.env', bytes: 10 },
      { path: 'app/js/huge.js', bytes: ZET_LIMITS.maxFileBytes + 1 },
      { path: 'widget.html', bytes: 10 },
    ])).toEqual([
      'app/assets.v2/logo.png: folder "assets.v2" may hold only A-Z a-z 0-9 _ $ -',
      'app/js/kizuna zoho.js: file names may hold only A-Z a-z 0-9 _ . $ -',
      'app/.env: names starting with "." are refused',
      'app/.env: zet does not pack ".env" files (it would leave this one out)',
      `app/js/huge.js: ${ZET_LIMITS.maxFileBytes + 1} bytes, over zet's 5000000 per file`,
      'widget.html: files must sit under app/',
    ]);
  });

  it('refuses files zet would silently leave out of the zip, such as source maps', () => {
    expect(zetProblems([{ path: 'app/js/kizuna-zoho.js.map', bytes: 10 }, { path: 'app/favicon.ico', bytes: 10 }])).toEqual([
      'app/js/kizuna-zoho.js.map: zet does not pack ".map" files (it would leave this one out)',
      'app/favicon.ico: zet does not pack ".ico" files (it would leave this one out)',
    ]);
  });

  it('counts files: 250 pass, 251 do not', () => {
    const files = (count: number) => Array.from({ length: count }, (_, index) => ({ path: `app/js/part${index}.js`, bytes: 1 }));
    expect(zetProblems(files(250))).toEqual([]);
    expect(zetProblems(files(251))).toEqual(['251 files: zet allows at most 250']);
    expect(zetProblems([])).toEqual(['app/ is empty']);
  });
});
