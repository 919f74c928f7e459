import { dayNumber } from '@criteria/calendar';
import type { LoadedPolicy } from '@criteria/schema';
import { timeline } from '@criteria/temporal';
import { esc } from '../internal/html.js';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
};

/** What the timeline marks besides the revisions' own dates. */
export interface TimelineMarks {
  /** The day drawn as "today" (injected: the pages never read a clock). */
  today: string;
  /** Notice due dates by revision id (revisions that need notice). */
  noticeDue: Readonly<Record<string, string>>;
}

const W = 1000;
const LEFT = 100;
const RIGHT = 20;
const TOP = 40;
const ROW = 30;

/**
 * The policy's revisions as an SVG timeline: each revision's span of dates of
 * service (a bar), its approval (circle), its effective date (bar start, or a
 * tick on a revision that never governed), its notice due date (triangle), a
 * revision superseded before it took effect drawn as never governing, and
 * today's date as a dashed line. Accessible as one image with a description;
 * the table beside it carries the same facts.
 */
export function timelineSvg(policy: LoadedPolicy, marks: TimelineMarks): string {
  const entries = timeline(policy);
  const dates = entries.flatMap((e) => [e.revision.approvedOn, e.revision.effectiveOn]);
  const firstYear = Number([...dates].sort()[0]?.slice(0, 4));
  const lastYear =
    Math.max(...dates.map((d) => Number(d.slice(0, 4))), Number(marks.today.slice(0, 4))) + 1;
  const start = dayNumber(firstYear, 1, 1);
  const end = dayNumber(lastYear, 1, 1);
  const x = (iso: string) => LEFT + ((day(iso) - start) / (end - start)) * (W - LEFT - RIGHT);
  const height = TOP + entries.length * ROW + 30;
  const f = (n: number) => n.toFixed(1);

  const ticks: string[] = [];
  for (let y = firstYear; y <= lastYear; y += 1) {
    const tx = x(`${y}-01-01`);
    ticks.push(
      `<line x1="${f(tx)}" y1="${TOP - 8}" x2="${f(tx)}" y2="${height - 24}" stroke="#ddd"/>`,
      `<text x="${f(tx)}" y="${TOP - 14}" text-anchor="middle">${y}</text>`,
    );
  }
  const rows = entries.map((e, i) => {
    const r = e.revision;
    const cy = TOP + i * ROW + ROW / 2;
    const parts: string[] = [`<text x="8" y="${cy + 4}">${esc(r.id)}</text>`];
    let title: string;
    if (e.status === 'governs') {
      const x0 = x(e.from);
      const through = e.through ?? null;
      const x1 =
        through === null
          ? Math.max(x(marks.today), x0 + 6)
          : x(through) + (x('2000-01-02') - x('2000-01-01'));
      parts.push(
        `<rect x="${f(x0)}" y="${cy - 8}" width="${f(Math.max(x1 - x0, 2))}" height="16" fill="#0b4f8a" fill-opacity="0.8" stroke="#0b4f8a"/>`,
      );
      if (through === null)
        parts.push(`<path d="M${f(x1)} ${cy - 8} l8 8 l-8 8 z" fill="#0b4f8a"/>`);
      title = `Revision ${r.id}: approved ${r.approvedOn}, effective ${r.effectiveOn} (${r.effectiveOnBasis}); governs dates of service ${e.from} to ${through ?? 'today and on'}`;
    } else {
      const xe = x(r.effectiveOn);
      parts.push(
        `<line x1="${f(xe)}" y1="${cy - 9}" x2="${f(xe)}" y2="${cy + 9}" stroke="#7c2d12" stroke-width="2"/>`,
        `<text x="${f(xe + 8)}" y="${cy + 4}" fill="#7c2d12">never governed: superseded by ${esc(e.supersededBy.id)} before it took effect</text>`,
      );
      title = `Revision ${r.id}: approved ${r.approvedOn}, would have taken effect ${r.effectiveOn}; never governed (superseded by ${e.supersededBy.id} before it took effect)`;
    }
    const xa = x(r.approvedOn);
    parts.push(
      `<circle cx="${f(xa)}" cy="${cy}" r="5" fill="#fff" stroke="#111" stroke-width="2"/>`,
    );
    const due = marks.noticeDue[r.id];
    if (due !== undefined) {
      const xd = x(due);
      parts.push(`<path d="M${f(xd - 6)} ${cy - 14} h12 l-6 9 z" fill="#c25e00" stroke="#111"/>`);
      title += `; notice due by ${due}`;
    }
    return `<g data-revision="${esc(r.id)}" data-status="${e.status}"><title>${esc(title)}</title>${parts.join('')}</g>`;
  });
  const tx = x(marks.today);
  const today = [
    `<line x1="${f(tx)}" y1="${TOP - 6}" x2="${f(tx)}" y2="${height - 20}" stroke="#b00020" stroke-width="2" stroke-dasharray="5 4"/>`,
    `<text x="${f(Math.min(tx, W - 120))}" y="${height - 6}" fill="#b00020" data-today="${esc(marks.today)}">today ${esc(marks.today)}</text>`,
  ];
  const desc = `${entries.length} revisions of ${policy.title}. ${entries
    .map((e) =>
      e.status === 'governs'
        ? `${e.revision.id} governs ${e.from} to ${e.through ?? 'today and on'}`
        : `${e.revision.id} never governed`,
    )
    .join('; ')}. Today is ${marks.today}.`;
  return [
    `<svg class="timeline" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="timeline-title">Timeline of the revisions of ${esc(policy.title)}</title>`,
    `<desc id="timeline-desc">${esc(desc)}</desc>`,
    ...ticks,
    ...rows,
    ...today,
    '</svg>',
  ].join('\n');
}
