/** The plan's time zone (source: the plan is in Washington state): "today" is its calendar day. */
export const PLAN_TIME_ZONE = 'America/Los_Angeles';

/**
 * Today's calendar day in a time zone, read from the system clock. Only the
 * outermost layer (the `serve` and `site` commands) calls it; everything
 * below takes the day as an argument.
 */
export function systemToday(timeZone = PLAN_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(Date.now());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
