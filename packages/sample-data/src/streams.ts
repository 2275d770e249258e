/**
 * Numbers of the independent random streams. Each concern of each account draws from its own
 * stream (lane = account index), so the control organisation (`effects: 'none'`) has the same
 * accounts, contacts, cases and touchpoints as the planted one: only the planted parts differ.
 */
export const streams = {
  structure: 0,
  profile: 1,
  contacts: 2,
  cases: 3,
  touchpoints: 4,
  surveys: 5,
  opportunities: 6,
  pulses: 7,
  surveyAnswers: 8,
} as const;
