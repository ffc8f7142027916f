// Runs (bars) and cost (line) per day as an SVG chart, with a text summary for screen readers.
import { formatUsd } from './format';

export interface DailyPoint {
  date: string;
  runs: number;
  cost_usd: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 56, bottom: 36, left: 40 };

export function DailyChart({ points }: { points: DailyPoint[] }) {
  if (points.length === 0) return <p className="muted">No runs recorded yet.</p>;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const maxRuns = Math.max(1, ...points.map((point) => point.runs));
  const maxCost = Math.max(...points.map((point) => point.cost_usd), 0);
  const slot = plotWidth / points.length;
  const barWidth = Math.max(4, Math.min(36, slot * 0.6));
  const x = (index: number) => PAD.left + slot * index + slot / 2;
  const yRuns = (runs: number) => PAD.top + plotHeight - (runs / maxRuns) * plotHeight;
  const yCost = (cost: number) => PAD.top + plotHeight - (maxCost > 0 ? (cost / maxCost) * plotHeight : 0);
  const line = points.map((point, index) => `${index ? 'L' : 'M'}${x(index)},${yCost(point.cost_usd)}`).join(' ');
  const labelEvery = Math.ceil(points.length / 8);
  const totalRuns = points.reduce((sum, point) => sum + point.runs, 0);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="daily-chart-caption">
        <title>Runs and cost per day</title>
        <line
          className="axis"
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + plotHeight}
          y2={PAD.top + plotHeight}
        />
        <text className="axis-label" x={PAD.left - 6} y={PAD.top + 4} textAnchor="end">
          {maxRuns}
        </text>
        <text className="axis-label" x={PAD.left - 6} y={PAD.top + plotHeight} textAnchor="end">
          0
        </text>
        <text className="axis-label cost" x={WIDTH - PAD.right + 6} y={PAD.top + 4}>
          {formatUsd(maxCost)}
        </text>
        {points.map((point, index) => (
          <g key={point.date}>
            <rect
              className="bar"
              x={x(index) - barWidth / 2}
              y={yRuns(point.runs)}
              width={barWidth}
              height={PAD.top + plotHeight - yRuns(point.runs)}
            >
              <title>
                {point.date}: {point.runs} runs, {formatUsd(point.cost_usd)}
              </title>
            </rect>
            {index % labelEvery === 0 || index === points.length - 1 ? (
              <text className="axis-label" x={x(index)} y={HEIGHT - 14} textAnchor="middle">
                {point.date.slice(5)}
              </text>
            ) : null}
          </g>
        ))}
        <path className="cost-line" d={line} fill="none" />
        {points.map((point, index) => (
          <circle key={point.date} className="cost-dot" cx={x(index)} cy={yCost(point.cost_usd)} r={3} />
        ))}
      </svg>
      <figcaption id="daily-chart-caption">
        Runs per day (bars) and cost per day (line): {totalRuns} runs over {points.length} day
        {points.length === 1 ? '' : 's'}, {formatUsd(points.reduce((sum, point) => sum + point.cost_usd, 0))} in total.
      </figcaption>
    </figure>
  );
}
