import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { issueMessage } from './index';

function messagesOf(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input, { error: issueMessage });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('issueMessage', () => {
  it('tells a missing value from one of the wrong type', () => {
    const schema = z.strictObject({ score: z.number(), label: z.string(), flag: z.boolean(), tags: z.array(z.string()) });
    expect(messagesOf(schema, { label: 7, flag: 'yes', tags: {} })).toEqual([
      'is required',
      'must be text, not a number',
      'must be true or false, not text',
      'must be a list, not an object',
    ]);
  });

  it('names the allowed values of an enum or a literal', () => {
    expect(messagesOf(z.enum(['red', 'amber', 'green']), 'blue')).toEqual(['must be one of: red, amber, green']);
    expect(messagesOf(z.literal(1), 2)).toEqual(['must be 1']);
  });

  it('words bounds by what they bound: characters, items or the value itself', () => {
    expect(messagesOf(z.string().check(z.maxLength(3)), 'abcd')).toEqual(['must have at most 3 characters']);
    expect(messagesOf(z.string().check(z.minLength(1)), '')).toEqual(['must not be empty']);
    expect(messagesOf(z.array(z.number()).check(z.minLength(2)), [1])).toEqual(['must have at least 2 items']);
    expect(messagesOf(z.array(z.number()).check(z.minLength(1)), [])).toEqual(['must have at least 1 item']);
    expect(messagesOf(z.number().check(z.maximum(1)), 2)).toEqual(['must be at most 1']);
    expect(messagesOf(z.number().check(z.positive()), 0)).toEqual(['must be more than 0']);
    expect(messagesOf(z.number().check(z.int()), 1.5)).toEqual(['must be a whole number']);
  });

  it('words formats, unknown fields and bad record keys', () => {
    expect(messagesOf(z.email(), 'aiko@')).toEqual(['must be an e-mail address']);
    expect(messagesOf(z.iso.date(), '2026-13-01')).toEqual(['must be a date YYYY-MM-DD']);
    expect(messagesOf(z.string().check(z.regex(/^[A-Z]{3}$/)), 'yen')).toEqual(['must match /^[A-Z]{3}$/']);
    expect(messagesOf(z.strictObject({ id: z.string() }), { id: 'a', colour: 'red' })).toEqual(['unknown field(s) colour']);
    expect(messagesOf(z.record(z.string().check(z.minLength(1)), z.number()), { '': 1 })).toEqual(['is not a valid key']);
  });

  it('leaves a message written on the schema as it is', () => {
    expect(messagesOf(z.number().check(z.maximum(10, 'must be at most 10')), 11)).toEqual(['must be at most 10']);
  });
});
