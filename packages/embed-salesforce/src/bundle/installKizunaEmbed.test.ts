import { describe, expect, it } from 'vitest';
import { installKizunaEmbed } from './installKizunaEmbed';

describe('installKizunaEmbed', () => {
  it('puts one frozen API on the window it is given', () => {
    const target = {} as Window;
    const api = installKizunaEmbed(target);
    expect(target.KizunaEmbed).toBe(api);
    expect(Object.keys(target)).toEqual(['KizunaEmbed']);
    expect(api.version).toBe(1);
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => api.mount(null, {}, {})).toThrow(/needs the element/);
  });
});
