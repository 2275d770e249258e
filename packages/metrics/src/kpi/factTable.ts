/**
 * Columnar facts: categorical columns dictionary-encoded into Int32Array codes (−1 = missing),
 * numeric columns in Float64Array (NaN = missing). One table per fact source.
 */
export interface CategoricalColumn {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

export interface FactTable {
  readonly length: number;
  readonly categorical: Readonly<Record<string, CategoricalColumn>>;
  readonly numeric: Readonly<Record<string, Float64Array>>;
}

/** Builds a categorical column by interning values as they come. */
export class CategoricalBuilder {
  private readonly index = new Map<string, number>();
  private readonly dictionary: string[] = [];
  private codes: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.codes = new Int32Array(Math.max(capacity, 16));
  }

  push(value: string | undefined): void {
    if (this.size === this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    if (value === undefined) {
      this.codes[this.size++] = -1;
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dictionary.length;
      this.index.set(value, code);
      this.dictionary.push(value);
    }
    this.codes[this.size++] = code;
  }

  build(): CategoricalColumn {
    return { codes: this.codes.slice(0, this.size), dictionary: this.dictionary };
  }
}

export class NumericBuilder {
  private values: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(capacity, 16));
  }

  push(value: number | undefined): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value ?? Number.NaN;
  }

  build(): Float64Array {
    return this.values.slice(0, this.size);
  }
}

/** The value of a categorical column at a row, or undefined when missing. */
export function categoricalValue(column: CategoricalColumn, row: number): string | undefined {
  const code = column.codes[row] ?? -1;
  return code < 0 ? undefined : column.dictionary[code];
}
