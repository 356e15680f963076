import { tokens } from '@fluentui/react-components';

/**
 * Findings per rule as a plain SVG bar chart (no chart library: it loads lazily and stays small). The numbers are
 * also in a table next to it for screen readers, so the picture itself is one labelled image.
 */
export default function FindingsChart({ bars, label }: { bars: { name: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const row = 28;
  const labelWidth = 260;
  const barWidth = 360;
  const height = bars.length * row + 8;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${labelWidth + barWidth + 80} ${height}`}
      width="100%"
      style={{ maxWidth: '48rem' }}
      data-testid="findings-chart"
    >
      {bars.map((b, i) => (
        <g key={b.name} transform={`translate(0, ${i * row + 4})`}>
          <text x={labelWidth - 8} y={row / 2 + 5} textAnchor="end" fontSize="14" fill={tokens.colorNeutralForeground1}>
            {b.name}
          </text>
          <rect
            x={labelWidth}
            y={4}
            height={row - 8}
            width={Math.max(2, (b.count / max) * barWidth)}
            fill={tokens.colorBrandBackground}
            stroke={tokens.colorNeutralStrokeAccessible}
            strokeWidth={1}
          />
          <text
            x={labelWidth + Math.max(2, (b.count / max) * barWidth) + 6}
            y={row / 2 + 5}
            fontSize="14"
            fill={tokens.colorNeutralForeground1}
          >
            {b.count}
          </text>
        </g>
      ))}
    </svg>
  );
}
