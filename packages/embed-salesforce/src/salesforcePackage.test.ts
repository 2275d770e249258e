// The offline checks of the Salesforce package, run with every other unit test: the component's
// Jest tests, Apex syntax (classes and triggers), SFDX → metadata conversion, the component's page-builder contract, and
// the built static resource (size, no eval, one global, mounts and unmounts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { dashboardRoles } from '@kizuna/widgets';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_SCRIPT, BUNDLE_STYLE, packageRoot } from './build/bundleConfig';
import { buildSalesforcePackage, STATIC_RESOURCE, type BuiltSalesforcePackage } from './build/buildSalesforcePackage';
import { apexSyntaxErrors, apexTriggerSyntaxErrors } from './checks/apexSyntax';
import { apiProperties, readLwcMeta } from './checks/lwcMeta';
import { hostSettingsSchema } from './bundle/hostSettings';
import { dashboardPeriods } from './bundle/periodAsOf';

const defaultDir = join(packageRoot, 'force-app', 'main', 'default');
const componentDir = join(defaultDir, 'lwc', 'kizunaDashboard');
/** Salesforce's cap on one static resource (the zip, as deployed). */
const STATIC_RESOURCE_CAP = 5 * 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'kizuna-sfdx-'));
let built: BuiltSalesforcePackage;

beforeAll(async () => {
  built = await buildSalesforcePackage({ outDir: join(work, 'project') });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the kizunaDashboard component', () => {
  it('passes its Jest tests (sfdx-lwc-jest, Apex mocked the official way)', () => {
    const require = createRequire(import.meta.url);
    const bin = join(require.resolve('@salesforce/sfdx-lwc-jest/package.json'), '..', 'bin', 'sfdx-lwc-jest');
    const report = join(work, 'jest.json');
    const run = spawnSync(process.execPath, [bin, '--', '--json', `--outputFile=${report}`, '--ci'], {
      cwd: packageRoot,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test' },
      timeout: 180_000,
    });
    expect(existsSync(report), run.stderr.slice(-4000)).toBe(true);
    const result = JSON.parse(readFileSync(report, 'utf8')) as { success: boolean; numPassedTests: number; numFailedTests: number };
    expect(result.numFailedTests, run.stderr.slice(-4000)).toBe(0);
    expect(result.numPassedTests).toBeGreaterThanOrEqual(10);
    expect(result.success).toBe(true);
    expect(run.status).toBe(0);
  }, 200_000);

  it('exposes exactly what Lightning App Builder needs, and every property is an @api property of the class', () => {
    const meta = readLwcMeta(readFileSync(join(componentDir, 'kizunaDashboard.js-meta.xml'), 'utf8'));
    const source = readFileSync(join(componentDir, 'kizunaDashboard.js'), 'utf8');
    const api = apiProperties(source);

    expect(meta.isExposed).toBe(true);
    expect([...meta.targets].sort()).toEqual(['lightning__AppPage', 'lightning__HomePage', 'lightning__RecordPage']);
    const configured = meta.targetConfigs.flatMap((config) => config.targets);
    expect([...configured].sort()).toEqual([...meta.targets].sort());
    const recordPage = meta.targetConfigs.find((config) => config.targets.includes('lightning__RecordPage'));
    expect(recordPage?.objects).toEqual(['Account']);
    expect(api).toEqual(expect.arrayContaining(['recordId', 'objectApiName', 'role', 'period', 'theme']));

    const accepted: Record<string, readonly string[]> = {
      role: dashboardRoles,
      period: dashboardPeriods,
      theme: hostSettingsSchema.shape.theme.options,
    };
    for (const config of meta.targetConfigs) {
      expect(config.properties.map((property) => property.name).sort()).toEqual(['period', 'role', 'theme']);
      for (const property of config.properties) {
        expect(api, `${property.name} is not an @api property`).toContain(property.name);
        // Property types must match the JS type; all three are text chosen from a list the bundle accepts.
        expect(property.type).toBe('String');
        expect([...property.datasource].sort()).toEqual([...(accepted[property.name] ?? [])].sort());
        expect(accepted[property.name]).toContain(property.defaultValue);
      }
    }
    // The class's own defaults are what the record page's defaults say.
    for (const property of recordPage?.properties ?? []) {
      expect(source).toContain(`_${property.name} = '${property.defaultValue ?? ''}'`);
    }
  });
});

describe('the Apex gateway', () => {
  const classesDir = join(defaultDir, 'classes');
  const classes = readdirSync(classesDir).filter((file) => file.endsWith('.cls'));

  it.each(classes)('%s parses with no syntax error and has its metadata file', (file) => {
    expect(apexSyntaxErrors(readFileSync(join(classesDir, file), 'utf8'))).toEqual([]);
    expect(existsSync(join(classesDir, `${file}-meta.xml`))).toBe(true);
  });

  it('finds syntax errors (a reserved word as a method name)', () => {
    expect(apexSyntaxErrors('public class Broken { public static void upsert() {} }').length).toBeGreaterThan(0);
  });

  const triggersDir = join(defaultDir, 'triggers');
  const triggers = readdirSync(triggersDir).filter((file) => file.endsWith('.trigger'));

  it.each(triggers)('trigger %s parses with no syntax error and has its metadata file', (file) => {
    expect(apexTriggerSyntaxErrors(readFileSync(join(triggersDir, file), 'utf8'))).toEqual([]);
    expect(existsSync(join(triggersDir, `${file}-meta.xml`))).toBe(true);
  });

  it('finds syntax errors in a trigger (no events)', () => {
    expect(apexTriggerSyntaxErrors('trigger Broken on Account { }').length).toBeGreaterThan(0);
  });

  it('keeps the score key of feedback with its score on every insert and update, in a class the tests cover', () => {
    const trigger = readFileSync(join(triggersDir, 'KizunaFeedbackScoreKey.trigger'), 'utf8');
    expect(trigger).toMatch(/trigger KizunaFeedbackScoreKey on Kizuna_Feedback__c \(before insert, before update\)/);
    expect(trigger).toContain('KizunaScoreKeys.fill(Trigger.new)');
    expect(readFileSync(join(classesDir, 'KizunaScoreKeys.cls'), 'utf8')).toContain('answer.Score_Key__c = keyOf(answer.Score__c)');
  });

  it('reads with a cacheable method and writes with a non-cacheable one, binding values in user mode', () => {
    const gateway = readFileSync(join(classesDir, 'KizunaGateway.cls'), 'utf8');
    expect(gateway).toMatch(/@AuraEnabled\(cacheable=true\)\s+public static String read\(String planJson\)/);
    expect(gateway).toMatch(/@AuraEnabled\s+public static String write\(String planJson\)/);
    const reader = readFileSync(join(classesDir, 'KizunaReader.cls'), 'utf8');
    expect(reader).toContain('Database.queryWithBinds(query.soql, query.binds, AccessLevel.USER_MODE)');
    expect(reader).not.toMatch(/Database\.query\(/);
    const writer = readFileSync(join(classesDir, 'KizunaWriter.cls'), 'utf8');
    expect(writer).toContain('Database.upsert(tasks, Task.Kizuna_Action_Key__c, false, AccessLevel.USER_MODE)');
  });

  it('has a test class for every class it runs', () => {
    const tested = ['KizunaGateway', 'KizunaQueryBuilder', 'KizunaBinds', 'KizunaScoreKeys'];
    for (const name of tested) expect(classes).toContain(`${name}Test.cls`);
    for (const test of classes.filter((file) => file.endsWith('Test.cls'))) {
      const source = readFileSync(join(classesDir, test), 'utf8');
      expect(source).toMatch(/^@IsTest/);
      expect(source.match(/System\.assert/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    }
  });
});

interface Converted {
  readonly components: string[];
  readonly packagePath: string;
}

/** scripts/convert-source.mjs: source → metadata format with source-deploy-retrieve, in its own process. */
function convert(forceApp: string, outputDirectory: string): Converted {
  const run = spawnSync(process.execPath, [join(packageRoot, 'scripts', 'convert-source.mjs'), forceApp, outputDirectory], { encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Converted;
}

/** Source files of the kinds this project holds that are not among the converted components. */
function unconverted(forceApp: string, components: readonly string[]): string[] {
  const root = join(forceApp, 'main', 'default');
  const names = (folder: string, suffix: string) =>
    existsSync(join(root, folder)) ? readdirSync(join(root, folder)).filter((file) => file.endsWith(suffix)).map((file) => file.slice(0, -suffix.length)) : [];
  const expected = [
    ...names('classes', '.cls').map((name) => `ApexClass:${name}`),
    ...names('triggers', '.trigger').map((name) => `ApexTrigger:${name}`),
    ...names('permissionsets', '.permissionset-meta.xml').map((name) => `PermissionSet:${name}`),
    ...readdirSync(join(root, 'lwc')).filter((name) => !name.startsWith('.')).map((name) => `LightningComponentBundle:${name}`),
    // A custom object carries its fields; fields added to a standard object are components of their own.
    ...readdirSync(join(root, 'objects')).flatMap((object) =>
      existsSync(join(root, 'objects', object, `${object}.object-meta.xml`))
        ? [`CustomObject:${object}`]
        : names(join('objects', object, 'fields'), '.field-meta.xml').map((field) => `CustomField:${object}.${field}`),
    ),
  ];
  return expected.filter((name) => !components.includes(name));
}

describe('the deployable project', () => {
  it('converts from source to metadata format without errors (source-deploy-retrieve, as sf project convert source)', () => {
    const forceApp = join(built.projectDir, 'force-app');
    const { components, packagePath } = convert(forceApp, join(work, 'mdapi'));
    expect(unconverted(forceApp, components)).toEqual([]);
    expect(components).toEqual(
      expect.arrayContaining([
        'LightningComponentBundle:kizunaDashboard',
        'ApexClass:KizunaGateway',
        'ApexClass:KizunaGatewayTest',
        'ApexTrigger:KizunaFeedbackScoreKey',
        'CustomObject:Kizuna_Feedback__c',
        'CustomObject:Kizuna_Employee_Pulse__c',
        'CustomField:Activity.Kizuna_Action_Key__c',
        'PermissionSet:Kizuna_Account_Manager',
        'PermissionSet:Kizuna_BU_Leader',
        'PermissionSet:Kizuna_CX_Leader',
        `StaticResource:${STATIC_RESOURCE}`,
      ]),
    );
    expect(readFileSync(join(packagePath, 'package.xml'), 'utf8')).toContain('<name>LightningComponentBundle</name>');
    const resource = join(packagePath, 'staticresources', `${STATIC_RESOURCE}.resource`);
    expect(readFileSync(resource).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(statSync(resource).size).toBeLessThanOrEqual(STATIC_RESOURCE_CAP);
  }, 130_000);

  it('notices a source file the conversion left out (a class without its metadata file is skipped silently)', () => {
    const broken = join(work, 'broken');
    cpSync(join(built.projectDir, 'force-app'), broken, { recursive: true });
    rmSync(join(broken, 'main', 'default', 'classes', 'KizunaGateway.cls-meta.xml'));
    const { components } = convert(broken, join(work, 'broken-mdapi'));
    expect(unconverted(broken, components)).toEqual(['ApexClass:KizunaGateway']);
  }, 130_000);

  it('ships no component tests as metadata', () => {
    expect(existsSync(join(built.projectDir, 'force-app', 'main', 'default', 'lwc', 'kizunaDashboard', '__tests__'))).toBe(false);
  });
});

describe('the widget bundle in the static resource', () => {
  const script = () => readFileSync(join(built.staticResourceDir, BUNDLE_SCRIPT), 'utf8');

  it('holds the script and the style, well under the cap', () => {
    expect(Object.keys(built.bundleFiles).sort()).toEqual([BUNDLE_SCRIPT, BUNDLE_STYLE].sort());
    expect(built.bundleFiles[BUNDLE_SCRIPT]).toBeLessThan(STATIC_RESOURCE_CAP);
  });

  it('contains no eval, no eval alias and no new Function; the one Function( is zod probing for eval, switched off by jitless', () => {
    const text = script();
    expect(text).not.toMatch(/\beval\s*\(/);
    // stdlib's utils-eval exports `eval` itself for its caller to run a string with.
    expect(text).not.toMatch(/=\s*eval(?=\s*[,;})\n])/);
    expect(text).not.toMatch(/new\s+Function\b/);
    const calls = [...text.matchAll(/\bFunction\s*\(/g)].map((match) => text.slice(Math.max(0, match.index - 60), match.index + 40));
    expect(calls.length).toBeLessThanOrEqual(1);
    for (const call of calls) expect(call).toMatch(/try\s*\{\s*return Function\(``\),!0\}catch/);
  });

  it('evaluates no string while it loads, mounts and checks its settings (each attempt is a violation under a CSP without unsafe-eval)', () => {
    const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { runScripts: 'outside-only' });
    const { window } = dom;
    Object.assign(window, { TextEncoder, TextDecoder });
    const context = dom.getInternalVMContext();
    // The page's eval and Function constructor, wrapped so that every use is recorded and then let through.
    const attempts = new Script(`(() => {
      const attempts = [];
      const watch = (target, name) => new Proxy(target, {
        apply(real, self, args) { attempts.push(name + '(' + String(args[args.length - 1] ?? '').slice(0, 80) + ')'); return Reflect.apply(real, self, args); },
        construct(real, args, newTarget) { attempts.push('new ' + name + '(' + String(args[args.length - 1] ?? '').slice(0, 80) + ')'); return Reflect.construct(real, args, newTarget); },
      });
      globalThis.Function = watch(Function, 'Function');
      globalThis.eval = watch(eval, 'eval');
      return attempts;
    })()`).runInContext(context) as string[];
    new Script(script()).runInContext(context);

    const embed = (window as unknown as { KizunaEmbed: { mount: (...args: unknown[]) => { unmount(): void } } }).KizunaEmbed;
    const root = window.document.getElementById('root');
    const gateway = { read: () => new Promise(() => undefined), write: () => new Promise(() => undefined) };
    const settings = { recordId: '001000000000001AAA', objectApiName: 'Account', role: 'bu-leader', period: 'current', theme: 'dark', locale: 'en-US', timeZone: 'UTC' };
    embed.mount(root, settings, gateway).unmount();
    expect(attempts).toEqual([]);
    window.close();
  });

  it('defines window.KizunaEmbed and nothing else, then mounts the dashboard into an element and unmounts it', () => {
    const dom = new JSDOM('<!doctype html><html><body><div id="root"></div></body></html>', { runScripts: 'outside-only' });
    const { window } = dom;
    // Browser APIs that jsdom lacks but every browser Lightning supports has.
    Object.assign(window, { TextEncoder, TextDecoder });
    const before = new Set(Object.getOwnPropertyNames(window));
    new Script(script()).runInContext(dom.getInternalVMContext());
    const added = Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    expect(added).toEqual(['KizunaEmbed']);

    const embed = (window as unknown as { KizunaEmbed: { version: number; mount: (...args: unknown[]) => { unmount(): void } } }).KizunaEmbed;
    expect(embed.version).toBe(1);
    const root = window.document.getElementById('root');
    const gateway = { read: () => new Promise(() => undefined), write: () => new Promise(() => undefined) };
    const settings = { recordId: '001000000000001AAA', objectApiName: 'Account', role: 'account-manager', period: 'current', theme: 'light', locale: 'ja-JP', timeZone: 'Asia/Tokyo' };
    expect(() => embed.mount(root, { ...settings, role: 'nobody' }, gateway)).toThrow(/misconfigured: role/);
    const handle = embed.mount(root, settings, gateway);
    expect(root?.querySelector('.kizuna-embed')).not.toBeNull();
    handle.unmount();
    expect(root?.childElementCount).toBe(0);
    window.close();
  });
});
