/** The plan's time zone: the decision date is the day of the call there (DESIGN section 8). */
export const PLAN_TIME_ZONE = 'America/Los_Angeles';

/**
 * A clock giving today's calendar date (YYYY-MM-DD) in a time zone. The one
 * place the service reads the system clock; tests inject a fixed date instead.
 *
 * @example
 * const today = zonedToday(); today(); // '2026-11-27' when it is 2026-11-28T02:00Z
 */
export const zonedToday =
  (timeZone: string = PLAN_TIME_ZONE, now: () => number = Date.now) =>
  (): string => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now());
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  };
