import { getReleaseLine } from '@criteria/changelog-formatter';
import { fixturePolicy as widget } from '@criteria/fixture-policy';
import { locatePolicyPackages } from '@criteria/lint';
import { buildNotice } from '@criteria/notice';
import { createRegistry, policies, registered } from '@criteria/registry';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../support/cli.js';

/**
 * A second policy is a package plus one entry in `@criteria/registry`. The
 * fictional widget policy (the package @criteria/fixture-policy) is that second
 * package; the registry below is the real one plus its one entry, and every
 * tool that lists policies sees it.
 */
const withWidget = createRegistry([
  ...policies.entries,
  registered(
    'widget',
    '@criteria/fixture-policy',
    async () => (await import('@criteria/fixture-policy')).fixturePolicy,
    async () => ({ default: (await import('@criteria/fixture-policy')).fixtureInput() }),
  ),
]);

describe('a second policy: one package, one registry entry', () => {
  it('criteria list shows it beside IMRT', async () => {
    const r = await runCli(['list', '--json'], { policies: withWidget });
    expect(r.status).toBe(0);
    const listed = JSON.parse(r.stdout) as { id: string; revisions: { id: string }[] }[];
    expect(listed.map((p) => p.id)).toEqual(['imrt', 'widget']);
    expect(listed[1]?.revisions.map((x: { id: string }) => x.id)).toEqual(
      widget.revisions.map((x) => x.id),
    );
  });

  it('criteria in-effect and evaluate work on it', async () => {
    const inEffect = await runCli(['in-effect', 'widget', '--date', '2022-10-01', '--json'], {
      policies: withWidget,
    });
    expect(inEffect.status).toBe(0);
    expect(JSON.parse(inEffect.stdout).revision.id).toBe('2022-03-02');
    const request = {
      policy: 'widget',
      lineOfBusiness: 'non-medicare',
      dateOfService: '2022-10-01',
      procedureCodes: ['10002'],
      indication: 'condition-beta',
      documentation: [
        { kind: 'clinical-notes', specialty: 'specialty-a', date: '2022-06-01' },
        { kind: 'clinical-notes', specialty: 'specialty-b', date: '2022-09-01' },
      ],
    };
    const evaluated = await runCli(['evaluate', '--request', '-', '--json'], {
      policies: withWidget,
      stdin: JSON.stringify(request),
    });
    expect(evaluated.stderr).toBe('');
    expect(JSON.parse(evaluated.stdout)).toMatchObject({
      policy: 'widget',
      route: 'criteria-review',
      revision: { id: '2022-03-02' },
    });
  });

  it('the changelog formatter cites its revisions', async () => {
    const notice = buildNotice(widget, '2022-03-02');
    const line = await getReleaseLine(
      {
        id: 'fixture',
        summary: 'widget@2022-03-02: the last fixture revision',
        releases: [{ name: '@criteria/fixture-policy', type: notice.releaseType }],
      },
      notice.releaseType,
      { registry: withWidget },
    );
    expect(line.split('\n')[0]).toBe('- widget@2022-03-02: the last fixture revision');
    expect(line).toContain('2022-03-02');
    expect(line.split('\n').length).toBeGreaterThan(2);
  });

  it('without its entry, no tool knows it', async () => {
    const r = await runCli(['in-effect', 'widget', '--date', '2022-10-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('criteria: policy: `widget` is not a known policy (known: imrt)\n');
  });

  it('the registry lists exactly the policy packages of this repository', () => {
    const { found, unregistered } = locatePolicyPackages(root, policies.entries);
    expect(unregistered).toEqual([]);
    expect(found.map((p) => p.name)).toEqual([...policies.ids]);
  });
});
