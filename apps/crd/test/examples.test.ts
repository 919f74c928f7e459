/**
 * The third-party examples in ../shared/crd-examples, read in place, each
 * answered as that folder's README says.
 */

import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { discovery } from '../src/internal/discovery.js';
import {
  brokenInvariants,
  cardinalityProblems,
  coverageInfo,
  type Ext,
  example,
  expectConformant,
  expectOneActionPerOrderUnchanged,
  type HookResponse,
  sub,
  subs,
  useTestService,
} from './support.js';

const service = useTestService({ coverageClassMap: { 'Medicare Part A': 'medicare' } });
// 08 is Inferno's "no member found": a deployment with a member lookup that does not know the member.
const withMembers = useTestService({
  memberLookup: {
    async find({ patient }) {
      const ids = ((patient?.identifier as { value?: string }[]) ?? []).map((i) => i.value);
      return ids.includes('UNKNOWN-MEMBER')
        ? { status: 'not-found' }
        : { status: 'found', lineOfBusiness: null };
    },
  },
});

describe('01 IG order-sign: two ServiceRequests, neither in the IMRT scope', () => {
  it('answers each with indeterminate pointing to the code check, billing options as billing codes', async () => {
    const req = example('01-ig221-order-sign-request.json');
    const res = await service().hook('imrt-order-sign', req);
    expect(res.status).toBe(200);
    expectOneActionPerOrderUnchanged(req, res.body);
    const [mammo, oxygen] = res.body.systemActions.map((a) => coverageInfo(a.resource));
    for (const exts of [mammo, oxygen]) {
      const ext = exts?.[0] as Ext;
      expect(sub(ext, 'covered')).toBe('indeterminate');
      expect(sub(ext, 'pa-needed')).toBe('indeterminate');
      expect((sub(ext, 'reason') as { text: string }).text).toMatch(/Pre-authorization Code Check/);
      expect(sub(ext, 'coverage')).toEqual({ reference: 'Coverage/COV1' });
    }
    expect(subs(mammo?.[0] as Ext, 'billingCode')).toEqual(
      ['77061', '77062', '77065', '77066'].map((code) => ({
        system: 'http://www.ama-assn.org/go/cpt',
        code,
      })),
    );
    expect(subs(oxygen?.[0] as Ext, 'billingCode')).toEqual([
      { system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'E0431' },
    ]);
  });
});

describe('02 IG response example (shape only, not a pair with 01)', () => {
  it('passes the same invariant and cardinality checks as our answers', () => {
    const res = example('02-ig221-order-sign-response.json') as unknown as HookResponse;
    const exts = res.systemActions.flatMap((a) => coverageInfo(a.resource));
    expect(exts).toHaveLength(1);
    for (const ext of exts) {
      expect(brokenInvariants(ext)).toEqual([]);
      expect(cardinalityProblems(ext)).toEqual([]);
    }
  });

  it('our checker catches what the invariants forbid (conditional without info-needed)', () => {
    const res = example('02-ig221-order-sign-response.json') as unknown as HookResponse;
    const ext = structuredClone(coverageInfo(res.systemActions[0]?.resource ?? {})[0]) as Ext;
    ext.extension = ext.extension?.filter((e) => e.url !== 'info-needed');
    expect(brokenInvariants(ext)).toContain('crd-ci-q3');
  });
});

describe('03 IG discovery', () => {
  const ig = example('03-ig221-discovery.json') as {
    services: {
      hook: string;
      prefetch?: Record<string, string>;
      extension?: Record<string, unknown>;
    }[];
  };
  const ours = discovery(imrt);

  it('declares CRD 2.2 and the coverage-info option on every service, as the IG does', () => {
    for (const s of ours.services) {
      expect(s.extension['davinci-crd.version']).toEqual(['2.2']);
      const options = s.extension['davinci-crd.configuration-options'];
      expect(options.find((o) => o.code === 'coverage-info')).toMatchObject({
        type: 'boolean',
        default: true,
      });
      const igService = ig.services.find((g) => g.hook === s.hook);
      const igOptions = igService?.extension?.['davinci-crd.configuration-options'] as {
        code: string;
        type: string;
      }[];
      expect(igOptions.find((o) => o.code === 'coverage-info')?.type).toBe('boolean');
    }
  });

  it('uses only CRD standard prefetch keys, with the IG template for patient and coverage', () => {
    for (const s of ours.services) {
      const igService = ig.services.find((g) => g.hook === s.hook);
      for (const [key, template] of Object.entries(s.prefetch)) {
        expect(Object.keys(igService?.prefetch ?? {})).toContain(key);
        if (key === 'patient' || key === 'coverage')
          expect(template).toBe(igService?.prefetch?.[key]);
      }
    }
  });

  it('is served at GET /cds-services', async () => {
    const res = await service().app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(ours);
  });
});

describe('04 Inferno RI order-sign: HCPCS G0180 (bluebutton URI), Medicare Part A plan class', () => {
  it('answers with one action on the order, coverage from insurance, billing code kept with its URI', async () => {
    const req = example('04-inferno-ri-order-sign-servicerequest-G0180.json');
    const res = await service().hook('imrt-order-sign', req);
    expect(res.status).toBe(200);
    expectOneActionPerOrderUnchanged(req, res.body);
    const ext = coverageInfo(res.body.systemActions[0]?.resource ?? {})[0] as Ext;
    expect(sub(ext, 'coverage')).toEqual({ reference: 'Coverage/cov015' });
    expect(subs(ext, 'billingCode')).toEqual([
      { system: 'https://bluebutton.cms.gov/resources/codesystem/hcpcs', code: 'G0180' },
    ]);
    expect(sub(ext, 'covered')).toBe('indeterminate');
    // The plan class map names this coverage Medicare; the assertion records how.
    const stored = await service().store.get(sub(ext, 'coverage-assertion-id') as string);
    expect(stored).toMatchObject({
      lineOfBusiness: 'medicare',
      lineOfBusinessBasis: 'coverage-class',
      codes: ['G0180'],
    });
  });
});

describe('05 Inferno 2.2.1 order-sign: a ServiceRequest and a CommunicationRequest, null prefetch keys', () => {
  it('answers one action per order; the CommunicationRequest (no CPT/HCPCS) is indeterminate too', async () => {
    const req = example('05-inferno-v221-order-sign-servicerequest-communicationrequest.json');
    const res = await service().hook('imrt-order-sign', req);
    expect(res.status).toBe(200);
    expectOneActionPerOrderUnchanged(req, res.body);
    const comm = coverageInfo(res.body.systemActions[1]?.resource ?? {})[0] as Ext;
    expect(res.body.systemActions[1]?.resource.resourceType).toBe('CommunicationRequest');
    expect(sub(comm, 'covered')).toBe('indeterminate');
    expect((sub(comm, 'reason') as { text: string }).text).toMatch(/No CPT or HCPCS code/);
    const ids = res.body.systemActions.map((a) =>
      sub(coverageInfo(a.resource)[0] as Ext, 'coverage-assertion-id'),
    );
    expect(new Set(ids).size).toBe(2);
  });
});

describe('06 IG order-dispatch with coverage-info: false', () => {
  it('returns no coverage-information action', async () => {
    const res = await service().hook(
      'imrt-order-dispatch',
      example('06-ig221-order-dispatch-request.json'),
    );
    expect(res.status).toBe(200);
    expectConformant(res.body);
    expect(res.body.systemActions).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('ext-coverage-information');
  });
});

describe('07 legacy RI order-sign (root `user`, custom prefetch keys, fhirAuthorization null)', () => {
  it('is answered (pinned: 200, degrade gracefully), the Coverage found in the custom prefetch bundle', async () => {
    const req = example('07-davinci-ri-legacy-order-sign-devicerequest.json');
    const res = await service().hook('imrt-order-sign', req);
    expect(res.status).toBe(200);
    expectOneActionPerOrderUnchanged(req, res.body);
    const ext = coverageInfo(res.body.systemActions[0]?.resource ?? {})[0] as Ext;
    expect(sub(ext, 'coverage')).toEqual({
      reference: 'Coverage/c3d24ccd-ad1b-480e-9545-bbf35a3d89ff',
    });
    expect(sub(ext, 'covered')).toBe('indeterminate');
  });
});

describe('08 Inferno no-member-found', () => {
  it('answers 200 with not-covered and reason no-member-found, without pa-needed', async () => {
    const req = example('08-inferno-v221-order-sign-no-member-found.json');
    const res = await withMembers().hook('imrt-order-sign', req);
    expect(res.status).toBe(200);
    expectOneActionPerOrderUnchanged(req, res.body);
    const ext = coverageInfo(res.body.systemActions[0]?.resource ?? {})[0] as Ext;
    expect(sub(ext, 'covered')).toBe('not-covered');
    expect(sub(ext, 'pa-needed')).toBeUndefined();
    expect((sub(ext, 'reason') as { coding: { code: string }[] }).coding[0]?.code).toBe(
      'no-member-found',
    );
  });
});
