import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '@criteria/diff';
import { buildNotice, renderReadingsMarkdown } from '@criteria/notice';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

const doc = readFileSync(join(root, 'docs/notices.md'), 'utf8');

describe('docs/notices.md', () => {
  it('lists every classification rule with its impact, and no other', () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| ([a-z-]+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(rules).map(([id, r]) => [id, r.impact]));
  });

  it('states the IMRT notice figures the code computes', () => {
    const noticed = imrt.revisions.filter((r) => r.notice.required).map((r) => r.id);
    expect(noticed.length).toBeGreaterThan(0);
    for (const id of noticed) {
      const n = buildNotice(imrt, id);
      expect(doc).toContain(
        `| ${id} | ${n.effectiveOn} | ${n.noticeDueBy} | ${n.leadDays} days | ${n.compliant ? 'yes' : 'no'} |`,
      );
    }
  });
});

describe('docs/readings.md', () => {
  it('is fresh: what `pnpm generate:readings-doc` writes from the readings edition', () => {
    expect(readFileSync(join(root, 'docs/readings.md'), 'utf8')).toBe(renderReadingsMarkdown(imrt));
  });

  it('lists every reading of the edition and every row of the diagnosis map, each with its basis', () => {
    const text = readFileSync(join(root, 'docs/readings.md'), 'utf8');
    const edition = imrt.readings.at(-1);
    for (const r of edition?.readings ?? []) expect(text).toContain(`### \`${r.id}\``);
    for (const row of edition?.diagnosisMap.rows ?? [])
      expect(text).toContain(`| \`${row.prefix}\` |`);
    expect(text.match(/- \*\*Why:\*\*/g)?.length).toBe(edition?.readings.length);
  });
});
