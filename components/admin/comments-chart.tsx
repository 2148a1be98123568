/** Comments per day as a server-rendered SVG bar chart: no script, readable by screen readers via its table. */
export function CommentsChart({ data, title }: { data: Array<{ day: string; count: number }>; title: string }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const w = 600;
  const h = 140;
  const bar = w / data.length;
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${w} ${h + 20}`} role="img" aria-labelledby="chart-title" className="h-auto w-full max-w-2xl">
        <title id="chart-title">{title}</title>
        {data.map((d, i) => {
          const bh = Math.round((d.count / max) * h);
          return (
            <g key={d.day}>
              <rect x={i * bar + 2} y={h - bh} width={bar - 4} height={bh} className="fill-red-800" />
              {i % 5 === 0 ? (
                <text x={i * bar + 2} y={h + 14} fontSize="10" className="fill-slate-600">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <th scope="row">{d.day}</th>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
