/** A small accessible SVG bar chart (no chart library): one bar per day. */
import type { CSSProperties } from "react";

const VISUALLY_HIDDEN: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

export interface BarChartProps {
  title: string;
  data: { date: string; count: number }[];
  height?: number;
}

function shortDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function BarChart({ title, data, height = 160 }: BarChartProps) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const total = data.reduce((s, d) => s + d.count, 0);
  const width = 600;
  const pad = { top: 12, right: 8, bottom: 24, left: 28 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const slot = innerW / Math.max(1, data.length);
  const barW = Math.max(2, slot * 0.7);
  const labelEvery = data.length > 14 ? 7 : 1;
  const titleId = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId}-title ${titleId}-desc`}
        style={{ display: "block", maxHeight: height + 40 }}
      >
        <title id={`${titleId}-title`}>{title}</title>
        <desc
          id={`${titleId}-desc`}
        >{`${total} in total from ${data[0] ? shortDay(data[0].date) : ""} to ${data.length ? shortDay(data[data.length - 1].date) : ""}; most in one day: ${total === 0 ? 0 : max}.`}</desc>
        <line
          x1={pad.left}
          x2={width - pad.right}
          y1={pad.top + innerH}
          y2={pad.top + innerH}
          stroke="#8a8a8a"
          strokeWidth={1}
        />
        <text x={pad.left - 6} y={pad.top + 4} textAnchor="end" fontSize={11} fill="#616161">
          {String(max)}
        </text>
        <text x={pad.left - 6} y={pad.top + innerH} textAnchor="end" fontSize={11} fill="#616161">
          0
        </text>
        {data.map((d, i) => {
          const h = (d.count / max) * innerH;
          const x = pad.left + i * slot + (slot - barW) / 2;
          return (
            <g key={d.date}>
              <rect
                x={x}
                y={pad.top + innerH - h}
                width={barW}
                height={Math.max(h, d.count ? 1 : 0)}
                rx={2}
                fill="#1a73e8"
              >
                <title>{`${shortDay(d.date)}: ${d.count}`}</title>
              </rect>
              {i % labelEvery === 0 || i === data.length - 1 ? (
                <text x={x + barW / 2} y={height - 6} textAnchor="middle" fontSize={11} fill="#616161">
                  {shortDay(d.date)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <div style={VISUALLY_HIDDEN}>
        <table>
          <caption>{title}</caption>
          <tbody>
            {data.map((d) => (
              <tr key={d.date}>
                <th scope="row">{shortDay(d.date)}</th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
