import { describe, expect, it } from 'vitest';
import { apiProperties, readLwcMeta } from './lwcMeta';

describe('readLwcMeta', () => {
  it('reads targets, per-target properties and objects', () => {
    const meta = readLwcMeta(`<LightningComponentBundle>
    <isExposed>true</isExposed>
    <targets><target>lightning__RecordPage</target><target>lightning__AppPage</target></targets>
    <targetConfigs>
        <targetConfig targets="lightning__RecordPage">
            <property name="role" type="String" datasource="a,b" default="a"/>
            <objects><object>Account</object></objects>
        </targetConfig>
        <targetConfig targets="lightning__AppPage, lightning__HomePage">
            <property name="size" type="Integer" default="3"/>
        </targetConfig>
    </targetConfigs>
</LightningComponentBundle>`);
    expect(meta.isExposed).toBe(true);
    expect(meta.targets).toEqual(['lightning__RecordPage', 'lightning__AppPage']);
    expect(meta.targetConfigs[0]).toEqual({
      targets: ['lightning__RecordPage'],
      properties: [{ name: 'role', type: 'String', datasource: ['a', 'b'], defaultValue: 'a' }],
      objects: ['Account'],
    });
    expect(meta.targetConfigs[1]?.targets).toEqual(['lightning__AppPage', 'lightning__HomePage']);
    expect(meta.targetConfigs[1]?.properties[0]).toMatchObject({ name: 'size', type: 'Integer', datasource: [] });
  });
});

describe('apiProperties', () => {
  it('finds decorated fields and accessors, not other members', () => {
    const source = `class X { @api recordId; @api\n get role() { return 1; } set role(v) {} other = 1; @track hidden; }`;
    expect(apiProperties(source)).toEqual(['recordId', 'role']);
  });
});
