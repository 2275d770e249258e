import { departments, type Department } from '@kizuna/model';
import { bandScale, linearScale, utcTicks } from '../../charts/scales';
import { useTranslator } from '../../i18n/i18nContext';
import type { JourneyTimeline } from './journeyTimeline';

const width = 560;
const left = 150;
const right = 16;
const laneHeight = 30;
const top = 10;
const axisHeight = 26;

/** A diamond centred on (x, y): the shape that marks a moment of truth (besides its label in the list). */
function diamond(x: number, y: number, size: number): string {
  return `M${x},${y - size}L${x + size},${y}L${x},${y + size}L${x - size},${y}Z`;
}

/**
 * Touchpoints over time, one lane per department; circles for touchpoints, diamonds for moments
 * of truth, a ring around those that received feedback. Shape, not colour, carries the meaning.
 */
export function JourneyChart({ timeline, label }: { timeline: JourneyTimeline; label: string }) {
  const translator = useTranslator();
  // Tasks created from accepted actions get a lane of their own under the departments.
  const taskLane = 'kizuna-tasks';
  const lanes: readonly string[] = timeline.tasks.length === 0 ? departments : [...departments, taskLane];
  const height = top + lanes.length * laneHeight + axisHeight;
  const from = new Date(timeline.from);
  const to = new Date(timeline.to);
  const xAt = linearScale([from.getTime(), to.getTime()], [left, width - right]);
  const x = (date: Date) => xAt(date.getTime());
  const band = bandScale(lanes, [top, top + lanes.length * laneHeight], 0.2);
  const y = Object.assign((lane: string) => band.at(lane), { bandwidth: () => band.bandwidth });
  const ticks = utcTicks(from, to, 5);
  return (
    <svg className="kz-svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      {lanes.map((lane) => {
        const middle = (y(lane) ?? 0) + y.bandwidth() / 2;
        return (
          <g key={lane} aria-hidden="true">
            <text x={left - 8} y={middle} dy="0.35em" textAnchor="end" className="kz-svg__label">
              {lane === taskLane ? translator.t('timeline.tasksLane') : translator.t(`department.${lane as Department}`)}
            </text>
            <line x1={left} x2={width - right} y1={middle} y2={middle} className="kz-svg__reference" />
          </g>
        );
      })}
      {ticks.map((tick) => (
        <text key={tick.toISOString()} x={x(tick)} y={height - 8} textAnchor="middle" className="kz-svg__label" aria-hidden="true">
          {translator.formatDate(tick.toISOString(), { month: 'short', day: 'numeric' })}
        </text>
      ))}
      {timeline.entries.map((entry) => {
        const cx = x(new Date(entry.touchpoint.occurredAt));
        const cy = (y(entry.touchpoint.department) ?? 0) + y.bandwidth() / 2;
        return (
          <g key={entry.touchpoint.id} aria-hidden="true">
            {entry.feedback.length > 0 && <circle cx={cx} cy={cy} r={10} className="kz-svg__ring" />}
            {entry.touchpoint.momentOfTruth === undefined ? (
              <circle cx={cx} cy={cy} r={5} className="kz-svg__mark" />
            ) : (
              <path d={diamond(cx, cy, 7)} className="kz-svg__mark kz-svg__mark--strong" />
            )}
          </g>
        );
      })}
      {timeline.tasks.map((task) => {
        const cx = x(new Date(task.action.createdAt));
        const cy = (y(taskLane) ?? 0) + y.bandwidth() / 2;
        return <rect key={task.action.crmTaskId} x={cx - 5} y={cy - 5} width={10} height={10} className="kz-svg__mark" aria-hidden="true" data-task={task.action.crmTaskId} />;
      })}
    </svg>
  );
}
