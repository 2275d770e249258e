/**
 * What a component's `js-meta.xml` exposes and what its class declares, read from the files.
 * The XML is this package's own, one element a line; this is not a general XML parser.
 */
export interface MetaProperty {
  readonly name: string;
  readonly type: string;
  readonly datasource: readonly string[];
  readonly defaultValue: string | undefined;
}

export interface TargetConfig {
  readonly targets: readonly string[];
  readonly properties: readonly MetaProperty[];
  readonly objects: readonly string[];
}

export interface LwcMeta {
  readonly isExposed: boolean;
  readonly targets: readonly string[];
  readonly targetConfigs: readonly TargetConfig[];
}

const attribute = (element: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
const texts = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) => match[1] ?? '');

export function readLwcMeta(xml: string): LwcMeta {
  const configs = [...xml.matchAll(/<targetConfig\s+targets="([^"]*)"\s*>([\s\S]*?)<\/targetConfig>/g)].map((match): TargetConfig => {
    const body = match[2] ?? '';
    const properties = [...body.matchAll(/<property\b[^>]*\/>/g)].map(([element]): MetaProperty => ({
      name: attribute(element, 'name') ?? '',
      type: attribute(element, 'type') ?? '',
      datasource: (attribute(element, 'datasource') ?? '').split(',').map((value) => value.trim()).filter((value) => value !== ''),
      defaultValue: attribute(element, 'default'),
    }));
    return { targets: (match[1] ?? '').split(',').map((target) => target.trim()), properties, objects: texts(body, 'object') };
  });
  const targetsBlock = /<targets>([\s\S]*?)<\/targets>/.exec(xml)?.[1] ?? '';
  return { isExposed: texts(xml, 'isExposed')[0] === 'true', targets: texts(targetsBlock, 'target'), targetConfigs: configs };
}

/** The public properties of an LWC class: `@api name` fields and `@api get name()` accessors. */
export function apiProperties(source: string): string[] {
  return [...source.matchAll(/@api\s+(?:get\s+)?([A-Za-z_$][\w$]*)/g)].map((match) => match[1] ?? '');
}
