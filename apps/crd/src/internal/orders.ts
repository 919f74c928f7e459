import { isIsoDate } from '@criteria/calendar';
import { ProcedureCodeStringSchema } from '@criteria/evaluator/schemas';
import {
  asArray,
  asObject,
  type Coding,
  codingsOf,
  type Resource,
  referenceTail,
} from './hook-request.js';

/** Code systems read as procedure codes (DESIGN section 8). */
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const HCPCS_SYSTEMS = [
  'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  'https://bluebutton.cms.gov/resources/codesystem/hcpcs',
] as const;
export const PROCEDURE_SYSTEMS: readonly string[] = [CPT, ...HCPCS_SYSTEMS];
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const BILLING_OPTIONS =
  'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-billing-options';

/** Resource types answered with coverage information, and where each keeps its code. */
const CODE_ELEMENTS: Record<string, readonly string[]> = {
  ServiceRequest: ['code'],
  DeviceRequest: ['codeCodeableConcept'],
  MedicationRequest: ['medicationCodeableConcept'],
  NutritionOrder: [],
  VisionPrescription: [],
  CommunicationRequest: [],
  Appointment: ['serviceType', 'appointmentType'],
  Encounter: ['serviceType'],
  Procedure: ['code'],
};
export const ORDER_TYPES = Object.keys(CODE_ELEMENTS);

export const isOrder = (r: Resource): boolean => r.resourceType in CODE_ELEMENTS;

/** A procedure code the evaluator can read, with the coding it came from. */
export interface OrderCode {
  code: string;
  coding: Coding;
  /** `code` (the order's own code) or `billing-option` (ext-billing-options). */
  from: 'code' | 'billing-option';
}

const billingOptionCodings = (element: unknown): Coding[] =>
  asArray(asObject(element)?.extension)
    .map(asObject)
    .filter((e) => e?.url === BILLING_OPTIONS)
    .flatMap((e) => codingsOf(e?.valueCodeableConcept));

const conceptsAt = (order: Resource, element: string): unknown[] => {
  const v = order[element];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
};

/**
 * The CPT and HCPCS codes of an order: its code's codings and the
 * `ext-billing-options` codings (on the code element or the resource), each once.
 */
export const procedureCodes = (order: Resource): OrderCode[] => {
  const found: OrderCode[] = [];
  const add = (coding: Coding, from: OrderCode['from']) => {
    if (coding.system === undefined || !PROCEDURE_SYSTEMS.includes(coding.system)) return;
    const code = coding.code?.trim().toUpperCase();
    if (code === undefined || !ProcedureCodeStringSchema.safeParse(code).success) return;
    if (found.some((f) => f.code === code)) return;
    found.push({ code, coding: { system: coding.system, code }, from });
  };
  for (const element of CODE_ELEMENTS[order.resourceType] ?? []) {
    for (const concept of conceptsAt(order, element)) {
      for (const c of codingsOf(concept)) add(c, 'code');
      for (const c of billingOptionCodings(concept)) add(c, 'billing-option');
    }
  }
  for (const c of billingOptionCodings(order)) add(c, 'billing-option');
  return found;
};

/** Every coding on the order's code elements (for the reason text when none is CPT/HCPCS). */
export const allCodings = (order: Resource): Coding[] =>
  (CODE_ELEMENTS[order.resourceType] ?? []).flatMap((e) =>
    conceptsAt(order, e).flatMap((c) => [...codingsOf(c), ...billingOptionCodings(c)]),
  );

/**
 * ICD-10-CM diagnoses: `reasonCode` codings and `reasonReference` Conditions
 * (contained, or among the resources the request carried).
 */
export const diagnoses = (
  order: Resource,
  lookup: (ref: string) => Resource | undefined,
): string[] => {
  const out: string[] = [];
  const add = (c: Coding) => {
    if (c.system !== ICD10CM || c.code === undefined) return;
    const code = c.code.trim().toUpperCase();
    if (!out.includes(code)) out.push(code);
  };
  for (const concept of asArray(order.reasonCode)) for (const c of codingsOf(concept)) add(c);
  const contained = asArray(order.contained).filter(
    (r): r is Resource => typeof asObject(r)?.resourceType === 'string',
  );
  for (const ref of asArray(order.reasonReference)) {
    const reference = asObject(ref)?.reference;
    if (typeof reference !== 'string') continue;
    const condition = reference.startsWith('#')
      ? contained.find((r) => r.id === reference.slice(1))
      : lookup(referenceTail(reference));
    if (condition?.resourceType === 'Condition') for (const c of codingsOf(condition.code)) add(c);
  }
  return out;
};

const dateOf = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const day = v.slice(0, 10);
  return isIsoDate(day) ? day : undefined;
};

/**
 * The date of service an order states: `occurrenceDateTime`, the start of
 * `occurrencePeriod`, the first event or bounds of `occurrenceTiming`, an
 * appointment's `start` or first requested period. The calendar date as the EHR
 * wrote it (reading: the day in the EHR's own time zone).
 */
export const statedDateOfService = (order: Resource): string | undefined => {
  const timing = asObject(order.occurrenceTiming);
  return (
    dateOf(order.occurrenceDateTime) ??
    dateOf(asObject(order.occurrencePeriod)?.start) ??
    dateOf(asArray(timing?.event)[0]) ??
    dateOf(asObject(asObject(timing?.repeat)?.boundsPeriod)?.start) ??
    dateOf(order.start) ??
    dateOf(asObject(asArray(order.requestedPeriod)[0])?.start) ??
    dateOf(asObject(order.performedPeriod)?.start) ??
    dateOf(order.performedDateTime)
  );
};

/** The Coverage references an order names in `insurance` (as `Coverage/id` tails). */
export const insuranceRefs = (order: Resource): string[] =>
  asArray(order.insurance)
    .map((i) => asObject(i)?.reference)
    .filter((r): r is string => typeof r === 'string')
    .map(referenceTail);
