import { fixtureInput, fixturePolicy } from '@criteria/fixture-policy';
import { describe, expect, it } from 'vitest';
import { policyMeta } from './meta.js';
import { policies } from './policies.js';
import { createRegistry, packageDir, registered } from './registry.js';

const widget = (load = async () => fixturePolicy, id = 'widget') =>
  registered(id, '@criteria/fixture-policy', load, async () => ({ default: fixtureInput() }));

describe('createRegistry', () => {
  it('lists ids sorted, loads a policy once however often it is asked for', async () => {
    let loads = 0;
    const r = createRegistry([
      widget(async () => {
        loads += 1;
        return fixturePolicy;
      }),
      ...policies.entries,
    ]);
    expect(r.ids).toEqual(['imrt', 'widget']);
    expect(await r.load('widget')).toBe(fixturePolicy);
    expect(await r.load('widget')).toBe(fixturePolicy);
    await r.loadAll();
    expect(loads).toBe(1);
    expect(r.byPackage('@criteria/fixture-policy')?.id).toBe('widget');
    expect((await r.entry('widget').input()) as { id: string }).toMatchObject({ id: 'widget' });
  });

  it('without a generated ./meta, the metadata comes from the loaded policy', async () => {
    const [meta] = await createRegistry([widget()]).metaAll();
    expect(meta?.id).toBe('widget');
    expect(meta?.revisions.map((x) => [x.id, x.sha256])).toEqual(
      fixturePolicy.revisions.map((x) => [x.id, x.sha256]),
    );
  });

  it('an unknown id is unknown_policy naming the known ones; a repeated id is refused', async () => {
    const r = createRegistry([widget()]);
    expect(() => r.entry('nope')).toThrow('policy: `nope` is not a known policy (known: widget)');
    await expect(r.load(42, '--policy')).rejects.toMatchObject({ code: 'unknown_policy' });
    expect(() => createRegistry([widget(), widget()])).toThrow('a policy id registered once');
  });

  it('a package whose policy has another id than its entry is refused when loaded', async () => {
    await expect(createRegistry([widget(undefined, 'gadget')]).load('gadget')).rejects.toThrow(
      '`gadget`, the id it is registered as',
    );
  });
});

describe('policies (the one list)', () => {
  it('holds IMRT, whose package resolves to its folder', async () => {
    expect(policies.ids).toEqual(['imrt']);
    expect((await policies.load('imrt')).revisions.length).toBeGreaterThan(0);
    expect(packageDir('@criteria/policy-imrt').replaceAll('\\', '/')).toMatch(/policies\/imrt$/);
  });

  it('each package ships the metadata of its validated policy (`pnpm generate:policy-meta` is current)', async () => {
    for (const entry of policies.entries)
      expect(await entry.meta()).toEqual(await policyMeta(await entry.load()));
  });
});
