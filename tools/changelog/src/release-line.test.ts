import { CriteriaError } from '@criteria/errors';
import { createRegistry } from '@criteria/registry';
import { describe, expect, it } from 'vitest';
import { getDependencyReleaseLine, getReleaseLine, revisionRefs } from './release-line.js';

const options = {};
const changeset = (summary: string, type = 'minor') => ({
  id: 'sample',
  summary,
  releases: [{ name: '@criteria/policy-imrt', type }],
});

describe('revisionRefs', () => {
  it('finds policy@revision, once each, and never a package@version', () => {
    expect(
      revisionRefs(
        'imrt@2023-01-10 and imrt@2021-03-02; again imrt@2023-01-10; not @criteria/policy-imrt@1.2.0 nor x@2023-01-101',
      ),
    ).toEqual([
      { policyId: 'imrt', revisionId: '2023-01-10' },
      { policyId: 'imrt', revisionId: '2021-03-02' },
    ]);
    expect(revisionRefs('no reference here')).toEqual([]);
  });
});

describe('getReleaseLine', () => {
  it('a summary without a revision is a plain list item', async () => {
    expect(
      await getReleaseLine(changeset('Fix a label.\n\nMore words.', 'patch'), 'patch', options),
    ).toBe('- Fix a label.\n\n  More words.');
  });

  it('a cited revision brings its notice in brief, indented under the summary', async () => {
    const line = await getReleaseLine(
      changeset('imrt@2021-03-02: seven indications added from 2021-08-01.'),
      'minor',
      options,
    );
    const lines = line.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '- imrt@2021-03-02: seven indications added from 2021-08-01.',
      '',
      '  **Intensity Modulated Radiation Therapy (IMRT)**, revision 2021-03-02: effective 2021-08-01 (stated); expands coverage.',
      '',
      '  - Approved 2021-03-02, replacing revision 2020-07-07.',
      "  - Advance notice: 60 days' advance notice required (stated); due by 2021-06-02.",
      '  - Lead time: 152 days from approval to effect: meets the 60-day notice period.',
    ]);
    expect(
      lines.filter((l) => l.startsWith('  - Expands coverage: Indication named by this revision:')),
    ).toHaveLength(8);
    expect(
      lines.filter((l) =>
        l.startsWith('  - Expands coverage: Non-Medicare members: requests for '),
      ),
    ).toHaveLength(7);
    // a route change is marked as a reading, a named indication as stated with the source's words
    expect(line).toContain(
      'go to criteria review (before: medical director review). This is our reading of the record, not its words. (**Reading** (`pancreatic-cancer-before-2021-03-02`, `other-indications-criteria-review`))',
    );
    expect(line).toContain('Pancreatic cancer. (Stated: source:150 “Pancreatic cancer”)');
    expect(line).not.toContain('other than APBI');
  });

  it('refuses a bump that disagrees with the revision: restriction or substantive major, expansion minor, administrative patch', async () => {
    // plan criteria replaced by MCG KP-0455: a substantive change, never administrative
    await expect(
      getReleaseLine(changeset('imrt@2023-01-10: APBI.', 'minor'), 'minor', options),
    ).rejects.toThrow(
      'changeset sample: @criteria/policy-imrt: `minor` is not the bump imrt@2023-01-10 calls for: it changes coverage substantively (in a direction the record does not show), so `major` (see docs/notices.md)',
    );
    await expect(
      getReleaseLine(changeset('imrt@2021-03-02: seven indications.', 'patch'), 'patch', options),
    ).rejects.toThrow('so `minor`');
    // the LCD L34251 dropped (a reading) is substantive; 77418 removed as deleted stays administrative
    const line = await getReleaseLine(
      changeset('imrt@2020-07-07: article added.', 'major'),
      'major',
      options,
    );
    expect(line).toContain('Administrative: CPT 77418');
    expect(line).toContain(
      'Substantive (direction not shown by the record): Medicare members: LCD L34251',
    );
  });

  it('an unknown policy or revision is an error naming the known ones', async () => {
    await expect(getReleaseLine(changeset('nope@2023-01-10'), 'minor', options)).rejects.toThrow(
      'changeset sample: `nope@2023-01-10` is not a revision of a known policy (known: imrt)',
    );
    await expect(
      getReleaseLine(changeset('imrt@2022-01-01'), 'minor', options),
    ).rejects.toMatchObject({ code: 'unknown_revision' });
    const none = { registry: createRegistry([]) };
    await expect(getReleaseLine(changeset('imrt@2023-01-10'), 'minor', none)).rejects.toThrow(
      'known: none; register policy packages in @criteria/registry',
    );
    await expect(
      getReleaseLine(changeset('imrt@2023-01-10'), 'minor', none),
    ).rejects.toBeInstanceOf(CriteriaError);
  });
});

describe('getDependencyReleaseLine', () => {
  it('lists updated dependencies, or nothing', async () => {
    expect(
      await getDependencyReleaseLine([{}], [{ name: '@criteria/schema', newVersion: '0.2.0' }]),
    ).toBe('- Updated dependencies\n  - @criteria/schema@0.2.0');
    expect(await getDependencyReleaseLine([], [])).toBe('');
  });
});
