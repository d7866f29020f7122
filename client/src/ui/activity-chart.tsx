import { useT } from '../i18n/i18n';

export interface ActivityDay {
  day: string;
  edits: number;
}

const WIDTH = 112;
const HEIGHT = 28;

/** A bar per day; the total is what a screen reader hears. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const { t } = useT();
  const max = Math.max(1, ...days.map((d) => d.edits));
  const total = days.reduce((sum, d) => sum + d.edits, 0);
  const bar = WIDTH / Math.max(1, days.length);
  return (
    <svg
      className="activity"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('dashboard.activityLabel', { count: total })}
    >
      {days.map((d, i) => {
        const h = d.edits === 0 ? 1 : Math.max(3, (d.edits / max) * HEIGHT);
        return (
          <rect
            key={d.day}
            x={i * bar + 1}
            y={HEIGHT - h}
            width={bar - 2}
            height={h}
            className={d.edits === 0 ? 'bar-empty' : 'bar'}
          >
            <title>{`${d.day}: ${d.edits}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
