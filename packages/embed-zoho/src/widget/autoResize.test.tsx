import { describe, expect, it } from 'vitest';
import { autoResize, MIN_WIDGET_HEIGHT } from './autoResize';

function elementOfHeight(height: { value: number }): HTMLElement {
  const element = document.createElement('div');
  element.getBoundingClientRect = () => ({ height: height.value, width: 640, x: 0, y: 0, top: 0, left: 0, right: 640, bottom: height.value, toJSON: () => ({}) });
  return element;
}

describe('autoResize', () => {
  it('asks for the content height, rounded up, only when it changes, never below the minimum', async () => {
    const height = { value: 10 };
    const asked: Array<{ height: number; width: number }> = [];
    const resizer = autoResize(elementOfHeight(height), { resize: (size) => Promise.resolve(asked.push(size)) });
    resizer.measure();
    height.value = 480.2;
    resizer.measure();
    resizer.measure();
    height.value = 480.9;
    resizer.measure();
    expect(asked).toEqual([
      { height: MIN_WIDGET_HEIGHT, width: 640 },
      { height: 481, width: 640 },
    ]);
    resizer.stop();
  });

  it('asks again after a refused resize', async () => {
    const height = { value: 300 };
    let calls = 0;
    const resizer = autoResize(elementOfHeight(height), {
      resize: () => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('not in a widget yet')) : Promise.resolve(true);
      },
    });
    resizer.measure();
    await Promise.resolve();
    await Promise.resolve();
    resizer.measure();
    expect(calls).toBe(2);
  });
});
