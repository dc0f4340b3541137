/** Human time for token lifetimes: "in 42 minutes", "3 hours ago". */

const units: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

const formatter = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

export function relativeTime(target: Date, now: Date): string {
  const seconds = Math.round((target.getTime() - now.getTime()) / 1000);
  const magnitude = Math.abs(seconds);
  // The largest unit that fits at least once, so 90 minutes reads "in 1 hour" rather than "in 5400 seconds".
  const [unit, size] = units.find(([, unitSeconds]) => magnitude >= unitSeconds) ?? ['second', 1];
  return formatter.format(Math.trunc(seconds / size), unit);
}

/** ISO date without milliseconds, as people compare it with logs: 2026-11-25 14:03:09 UTC. */
export function utcTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
