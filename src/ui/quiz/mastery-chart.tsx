// Mastery per topic as an SVG bar chart drawn with the theme's CSS variables, and the same numbers as a table.
// Screen readers get the numbers twice over: the chart's description (aria-describedby) says them in words (a
// description taken from a table would be only its caption), and the table stays in the accessibility tree while
// it is visually hidden; a visible button shows it on screen.
import { useId, useState } from 'react';
import type { TopicMastery } from '../../store/quiz';
import { TOPIC_LABELS } from '../../store/quiz-topics';
import { percent } from './progress-format';

// Each topic takes two lines: its name, then the bar with the numbers to its right.
const WIDTH = 400;
const BAR_WIDTH = 290;
const ROW = 46;
const BAR = 14;

export function MasteryChart({ rows }: { rows: readonly TopicMastery[] }) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const height = rows.length * ROW + 8;
  const tableId = `${id}-table`;
  const summaryId = `${id}-summary`;
  return (
    <figure className="quiz-chart">
      <figcaption id={`${id}-caption`} className="quiz-chart__caption">
        Mastery by topic: <span className="quiz-chart__key quiz-chart__key--mastered" aria-hidden="true" /> mastered,{' '}
        <span className="quiz-chart__key quiz-chart__key--seen" aria-hidden="true" /> seen, out of the topic’s questions
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={summaryId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="quiz-chart__svg"
        preserveAspectRatio="xMinYMin meet"
      >
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const seen = r.total === 0 ? 0 : (r.seen / r.total) * BAR_WIDTH;
          const mastered = r.ratio * BAR_WIDTH;
          return (
            <g key={r.topic} aria-hidden="true">
              <text x={0} y={y + 14} className="quiz-chart__label">
                {TOPIC_LABELS[r.topic]}
              </text>
              <text x={BAR_WIDTH + 8} y={y + 32} className="quiz-chart__value">
                {r.mastered}/{r.total} · {r.seen} seen
              </text>
              <rect x={0} y={y + 20} width={BAR_WIDTH} height={BAR} rx={3} className="quiz-chart__track" />
              <rect x={0} y={y + 20} width={seen} height={BAR} rx={3} className="quiz-chart__seen" />
              <rect x={0} y={y + 20} width={mastered} height={BAR} rx={3} className="quiz-chart__mastered" />
            </g>
          );
        })}
      </svg>
      <p id={summaryId} hidden>
        {rows.map((r) => `${TOPIC_LABELS[r.topic]}: ${r.mastered} of ${r.total} mastered, ${r.seen} seen.`).join(' ')}
      </p>
      <button type="button" className="button button--secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
        {showTable ? 'Hide the table' : 'Show as a table'}
      </button>
      {/* Hidden by its wrapper: a table ignores the 1 px width of the visually-hidden class and widens the page.
          Shown, the wrapper may scroll sideways, so it takes focus (with a name) for the keyboard to scroll it. */}
      <div
        id={tableId}
        className={showTable ? 'quiz-table-wrap' : 'quiz-sr-only'}
        {...(showTable ? { role: 'region', 'aria-label': 'Mastery by topic, as a table', tabIndex: 0 } : {})}
      >
        <table className="quiz-table">
          <caption>Mastery by topic</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Mastered</th>
              <th scope="col">Seen</th>
              <th scope="col">Questions</th>
              <th scope="col">Mastered share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.topic}>
                <th scope="row">{TOPIC_LABELS[r.topic]}</th>
                <td>{r.mastered}</td>
                <td>{r.seen}</td>
                <td>{r.total}</td>
                <td>{percent(r.mastered, r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
