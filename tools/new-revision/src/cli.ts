import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { type FieldIssue, formatIssue } from '@criteria/errors';
import { findRepoRoot } from '@criteria/lint';
import { noticePeriodOf, type Plan, planRevision } from './plan.js';
import type { Answers } from './time-rules.js';

/** Where the tool reads and writes: the process, or buffers in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Today's date, YYYY-MM-DD (the clock in production, fixed in tests). */
  today: () => string;
  /** Asks for the answers no flag gave; absent when there is no terminal to ask on. */
  ask?: (
    missing: Partial<Answers>,
    latest: { policy: string; periodDays: number | null },
  ) => Promise<Answers | null>;
}

const USAGE = `usage: pnpm new-revision <policy> [--approved YYYY-MM-DD] [--effective YYYY-MM-DD] [--notice | --no-notice] [--notice-days N] [--summary "..."]

Scaffolds the next revision of <policy> from its latest one (a full snapshot to
edit), registers it and writes a changeset. Every prompt has a flag; with all
four flags it asks nothing. Dates that break the time rules are refused and
nothing is written. Notice, when required, lasts the period of the policy's
latest revision that requires notice (its notice.periodDays), or --notice-days N.
`;

/** Formats the new files with the repository's biome, when it is installed (best effort). */
const format = (root: string, paths: string[]) => {
  const biome = join(root, 'node_modules', '.bin', 'biome');
  if (existsSync(biome))
    spawnSync(biome, ['format', '--write', ...paths], { cwd: root, stdio: 'ignore' });
};

/** Writes a plan's files; nothing is written when planning refused. */
export function writePlan(root: string, plan: Plan): void {
  for (const f of plan.files) writeFileSync(f.path, f.text);
  format(
    root,
    plan.files.filter((f) => f.role !== 'changeset').map((f) => f.path),
  );
}

const refuse = (io: Io, issues: readonly FieldIssue[]) => {
  io.stderr(
    `new-revision: refused, nothing written:\n${issues.map((i) => `  ${i.message}\n`).join('')}`,
  );
  return 2;
};

/**
 * Runs `new-revision` with `argv` (after the script name). Returns the exit
 * status: 0 written, 2 refused or a usage error (reasons on stderr).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = (args: string[]) =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        approved: { type: 'string' },
        effective: { type: 'string' },
        notice: { type: 'boolean' },
        'no-notice': { type: 'boolean' },
        'notice-days': { type: 'string' },
        summary: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    parsed = parse([...argv]);
  } catch (e) {
    io.stderr(`new-revision: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr(`new-revision: expected one policy id, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  const policy = positionals[0] as string;
  if (values.notice && values['no-notice']) {
    io.stderr('new-revision: --notice and --no-notice contradict each other\n');
    return 2;
  }
  const days = values['notice-days'];
  if (days !== undefined && !/^[1-9]\d{0,2}$/.test(days)) {
    io.stderr(
      `new-revision: ${formatIssue('--notice-days', days, 'a whole number of days from 1 to 999').message}\n`,
    );
    return 2;
  }
  const given: Partial<Answers> = {
    approved: values.approved,
    effective: values.effective,
    notice: values.notice ? true : values['no-notice'] ? false : undefined,
    summary: values.summary,
  };
  const noticeDays = days === undefined ? undefined : Number(days);
  const missing = (Object.keys(given) as (keyof Answers)[]).filter((k) => given[k] === undefined);
  const root = findRepoRoot(io.cwd);
  let answers: Answers;
  if (missing.length === 0) answers = { ...(given as Answers), noticeDays };
  else if (io.ask === undefined) {
    const flags = missing.map((k) => (k === 'notice' ? '--notice or --no-notice' : `--${k}`));
    io.stderr(`new-revision: missing ${flags.join(', ')} (no terminal to ask on)\n`);
    return 2;
  } else {
    const periodDays = noticeDays ?? (await noticePeriodOf(root, policy));
    const asked = await io.ask(given, { policy, periodDays });
    if (asked === null) {
      io.stderr('new-revision: cancelled, nothing written\n');
      return 2;
    }
    answers = { ...asked, noticeDays };
  }
  const plan = await planRevision(root, policy, answers, { today: io.today() });
  if (!plan.ok) return refuse(io, plan.issues);
  writePlan(root, plan.value);
  const shown = (p: string) => relative(root, p).split('\\').join('/');
  const file = (role: string) => shown(plan.value.files.find((f) => f.role === role)?.path ?? '');
  io.stdout(
    [
      `new-revision: ${policy} revision ${plan.value.revision}, a snapshot of ${plan.value.from}`,
      `  wrote      ${file('module')}`,
      `  registered ${file('registry')}`,
      `  wrote      ${file('changeset')}`,
      'next:',
      `  1. edit ${file('module')}: change only what the revision changes; cite each changed fact or give a reading`,
      `  2. pnpm -s criteria lint ${policy} && pnpm typecheck   (lint also checks the changeset's bump against the revision's impact)`,
      `  3. when final: pnpm -s criteria lint ${policy} --update-lock && pnpm generate:policy-meta, and commit all of it`,
      '',
    ].join('\n'),
  );
  return 0;
}
