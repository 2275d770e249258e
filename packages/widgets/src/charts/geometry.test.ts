import { describe, expect, it } from 'vitest';
import { intervalLayout } from './intervalGeometry';
import { quadrantLayout } from './quadrantGeometry';
import { stageLayout } from './stageGeometry';

describe('chart geometry', () => {
  it('places estimates and intervals on one scale, with the reference inside the plot', () => {
    const layout = intervalLayout(
      [
        { id: 'a', label: 'A', value: 10, low: -5, high: 25 },
        { id: 'b', label: 'B', value: -30, low: -45, high: -15, mark: 'weakness' },
        { id: 'c', label: 'C', value: null, low: null, high: null },
      ],
      { width: 400, labelWidth: 100, domain: [-100, 100], reference: 0 },
    );
    const [a, b, c] = layout.rows;
    expect(a?.x).toBeCloseTo(100 + ((10 + 100) / 200) * 284, 6);
    expect(b?.x1).toBeLessThan(b?.x ?? 0);
    expect(b?.x2).toBeGreaterThan(b?.x ?? 0);
    expect(c?.x).toBeNull();
    expect(layout.referenceX).toBeCloseTo(242, 6);
    expect((a?.y ?? 0) < (b?.y ?? 0)).toBe(true);
  });

  it('splits the driver grid at the cuts: important and low-rated drivers fall bottom right', () => {
    const layout = quadrantLayout(
      [
        { id: 'q', label: 'Quality', importance: 40, performance: 6, quadrant: 'fix' },
        { id: 's', label: 'Support', importance: 10, performance: 8, quadrant: 'over_invested' },
      ],
      { importance: 25, performance: 7 },
    );
    const [quality, support] = layout.points;
    expect(quality?.x).toBeGreaterThan(layout.cutX);
    expect(quality?.y).toBeGreaterThan(layout.cutY);
    expect(support?.x).toBeLessThan(layout.cutX);
    expect(support?.y).toBeLessThan(layout.cutY);
  });

  it('draws the journey line with a gap where a stage has no answers', () => {
    const layout = stageLayout([
      { id: 'onboarding', label: 'Onboarding', value: 40, low: 30, high: 50 },
      { id: 'adoption', label: 'Adoption', value: 10, low: 0, high: 20 },
      { id: 'support', label: 'Support', value: null, low: null, high: null },
      { id: 'renewal', label: 'Renewal', value: 20, low: 5, high: 35 },
    ]);
    expect(layout.linePath.match(/M/g)).toHaveLength(2);
    expect(layout.points[2]?.y).toBeNull();
    expect((layout.points[0]?.y ?? 0) < (layout.points[1]?.y ?? 0)).toBe(true);
  });
});
