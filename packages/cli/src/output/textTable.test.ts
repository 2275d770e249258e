import { describe, expect, it } from 'vitest';
import { renderTable } from './textTable';

describe('renderTable', () => {
  it('aligns by terminal columns, so Japanese names line up with Latin ones', () => {
    const text = renderTable(
      [{ header: 'account', align: 'left' }, { header: 'value', align: 'right' }],
      [['株式会社さくら', '+12.0'], ['Acme', '-3.5']],
    );
    expect(text.split('\n')).toEqual([
      '  account         value',
      '  株式会社さくら  +12.0',
      '  Acme             -3.5',
    ]);
  });
});
