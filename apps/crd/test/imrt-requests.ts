/**
 * IMRT hook requests written by this project. Derived from the HL7 CRD 2.2.1
 * example order-sign request (../shared/crd-examples/01-ig221-order-sign-request.json)
 * and Inferno's 2.2.1 request (05-...): the same CDS Hooks envelope, prefetch
 * keys and Coverage shape, with `ServiceRequest.code` swapped for an IMRT
 * code (CPT 77385 or HCPCS G6015), an ICD-10-CM `reasonCode` and an
 * `occurrenceDateTime`. No member data beyond invented ids.
 */

export const CPT = 'http://www.ama-assn.org/go/cpt';
export const HCPCS_CMS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
export const HCPCS_BLUEBUTTON = 'https://bluebutton.cms.gov/resources/codesystem/hcpcs';
export const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const BILLING_OPTIONS =
  'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-billing-options';

export interface OrderSpec {
  id?: string;
  codes?: { system: string; code: string }[];
  /** Codes given only as ext-billing-options on a SNOMED order code. */
  billingOptions?: { system: string; code: string }[];
  diagnoses?: string[];
  date?: string;
  resourceType?: 'ServiceRequest' | 'DeviceRequest';
  insurance?: string;
}

export interface CoverageSpec {
  id?: string;
  /** A Source of Payment Typology code (1...: Medicare), or none. */
  sopt?: string;
  plan?: string;
  period?: { start?: string; end?: string };
  payor?: string;
}

const order = (o: OrderSpec, i: number) => {
  const code = o.billingOptions
    ? {
        extension: o.billingOptions.map((c) => ({
          url: BILLING_OPTIONS,
          valueCodeableConcept: { coding: [c] },
        })),
        coding: [
          { system: SNOMED, code: '441799006', display: 'Intensity modulated radiation therapy' },
        ],
      }
    : { coding: o.codes ?? [{ system: CPT, code: '77385' }] };
  const type = o.resourceType ?? 'ServiceRequest';
  return {
    resourceType: type,
    id: o.id ?? `imrt-${i + 1}`,
    status: 'draft',
    intent: 'original-order',
    ...(type === 'ServiceRequest' ? { code } : { codeCodeableConcept: code }),
    subject: { reference: 'Patient/pat-imrt' },
    ...(o.date ? { occurrenceDateTime: o.date } : {}),
    ...(o.diagnoses
      ? { reasonCode: [{ coding: o.diagnoses.map((code) => ({ system: ICD10CM, code })) }] }
      : {}),
    ...(o.insurance ? { insurance: [{ reference: o.insurance }] } : {}),
    requester: { reference: 'PractitionerRole/ABC', display: 'Dr. Jones' },
    // An element this service does not know: it must come back unchanged.
    note: [
      {
        text: 'Planning CT done',
        extension: [{ url: 'http://ehr.example/unknown', valueBoolean: true }],
      },
    ],
  };
};

const coverage = (c: CoverageSpec) => ({
  resourceType: 'Coverage',
  id: c.id ?? 'cov-imrt',
  status: 'active',
  ...(c.sopt ? { type: { coding: [{ system: 'https://nahdo.org/sopt', code: c.sopt }] } } : {}),
  beneficiary: { reference: 'Patient/pat-imrt' },
  ...(c.period ? { period: c.period } : {}),
  payor: [
    {
      reference: c.payor ?? 'Organization/kp-wa',
      display: 'Kaiser Foundation Health Plan of Washington',
    },
  ],
  ...(c.plan
    ? {
        class: [
          {
            type: {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' },
              ],
            },
            value: c.plan,
          },
        ],
      }
    : {}),
});

/** A CRD hook request for IMRT orders. */
export const imrtRequest = (opts: {
  hook?: 'order-sign' | 'order-select' | 'order-dispatch' | 'appointment-book';
  orders?: OrderSpec[];
  coverage?: CoverageSpec | CoverageSpec[] | null;
  fhirServer?: string;
  configuration?: Record<string, unknown>;
  extra?: Record<string, unknown>;
}) => {
  const hook = opts.hook ?? 'order-sign';
  const orders = (opts.orders ?? [{ diagnoses: ['C34.90'], date: '2026-12-01' }]).map(order);
  const coverages =
    opts.coverage === null ? [] : [opts.coverage ?? { sopt: '511' }].flat().map(coverage);
  const bundle = (resources: unknown[]) => ({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  });
  const context: Record<string, unknown> = {
    userId: 'PractitionerRole/ABC',
    patientId: 'pat-imrt',
    encounterId: 'enc-1',
  };
  const prefetch: Record<string, unknown> = {
    patient: {
      resourceType: 'Patient',
      id: 'pat-imrt',
      identifier: [{ system: 'urn:test:member', value: 'MEMBER-0001' }],
      name: [{ family: 'Zyxwvutsrq', given: ['Testpatient'] }],
      birthDate: '1950-01-01',
    },
    ...(coverages.length > 0
      ? {
          coverage: {
            resourceType: 'Bundle',
            type: 'searchset',
            entry: coverages.map((resource) => ({ resource })),
          },
        }
      : {}),
    device: null,
  };
  if (hook === 'order-dispatch') {
    context.dispatchedOrders = orders.map((o) => `${o.resourceType}/${o.id}`);
    context.performer = 'Organization/radonc';
    prefetch.serviceRequests = bundle(orders);
  } else if (hook === 'appointment-book') {
    context.appointments = bundle(
      orders.map((o) => ({
        resourceType: 'Appointment',
        id: `appt-${o.id}`,
        status: 'proposed',
        serviceType: ['code' in o ? o.code : o.codeCodeableConcept],
        ...(o.occurrenceDateTime ? { start: `${o.occurrenceDateTime}T09:00:00-08:00` } : {}),
        ...(o.reasonCode ? { reasonCode: o.reasonCode } : {}),
        participant: [{ actor: { reference: 'Patient/pat-imrt' }, status: 'accepted' }],
      })),
    );
  } else {
    context.draftOrders = bundle(orders);
    if (hook === 'order-select')
      context.selections = orders.map((o) => `${o.resourceType}/${o.id}`);
  }
  return {
    hookInstance: 'f3a1c2d4-0000-4000-8000-000000000001',
    fhirServer: opts.fhirServer ?? 'http://127.0.0.1:9/fhir',
    hook,
    fhirAuthorization: {
      access_token: 'ehr-access-token-SECRET',
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'user/Patient.read user/Coverage.read',
      subject: 'cds-service',
    },
    context,
    prefetch,
    extension: {
      'davinci-crd.requestedVersion': '2.2',
      'davinci-crd.configuration': opts.configuration ?? { 'max-cards': 5 },
    },
    ...opts.extra,
  };
};
