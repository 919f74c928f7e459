/** The CRD hooks this service offers, each as one CDS service. */
export const HOOKS = ['order-sign', 'order-select', 'order-dispatch', 'appointment-book'] as const;
export type OfferedHook = (typeof HOOKS)[number];

export const serviceId = (policy: string, hook: OfferedHook) => `${policy}-${hook}`;

const coverageInfoOption = {
  code: 'coverage-info',
  type: 'boolean',
  name: 'Coverage Information',
  description:
    'Coverage information (coverage, prior authorization, documentation) on each order, as an update system action.',
  default: true,
};
const guidelineOption = {
  code: 'guideline',
  type: 'boolean',
  name: 'Guideline cards',
  description:
    'An informational card linking to the criteria revision when prior authorization is needed.',
  default: true,
};
const maxCardsOption = {
  code: 'max-cards',
  type: 'integer',
  name: 'Maximum cards',
  description: 'The most cards to return in one response.',
  default: 10,
};

/** CRD's standard prefetch templates, limited to what this service reads. */
const PREFETCH: Record<OfferedHook, Record<string, string>> = {
  'order-sign': {
    patient: 'Patient/{{context.patientId}}',
    coverage: 'Coverage?patient={{context.patientId}}&status=active',
  },
  'order-select': {
    patient: 'Patient/{{context.patientId}}',
    coverage: 'Coverage?patient={{context.patientId}}&status=active',
  },
  'order-dispatch': {
    patient: 'Patient/{{context.patientId}}',
    coverage: 'Coverage?patient={{context.patientId}}&status=active',
    serviceRequests: 'ServiceRequest?_id={{context.dispatchedOrders.ofType(ServiceRequest).id}}',
    deviceRequests: 'DeviceRequest?_id={{context.dispatchedOrders.ofType(DeviceRequest).id}}',
  },
  'appointment-book': {
    patient: 'Patient/{{context.patientId}}',
    coverage: 'Coverage?patient={{context.patientId}}&status=active',
    serviceRequests:
      'ServiceRequest?_id={{context.appointments.entry.resource.basedOn.resolve().ofType(ServiceRequest).id}}',
  },
};

const DESCRIPTION: Record<OfferedHook, string> = {
  'order-sign': 'Coverage requirements for orders being signed',
  'order-select':
    'Coverage requirements for orders as they are selected (no documentation requirements)',
  'order-dispatch': 'Coverage requirements for orders dispatched to a performer',
  'appointment-book': 'Coverage requirements for appointments being booked',
};

/** The CDS Hooks discovery document. */
export const discovery = (policy: { id: string; title: string }) => ({
  services: HOOKS.map((hook) => ({
    hook,
    id: serviceId(policy.id, hook),
    title: `${policy.title}: coverage requirements (${hook})`,
    description: `${DESCRIPTION[hook]}: ${policy.title}.`,
    prefetch: PREFETCH[hook],
    extension: {
      'davinci-crd.version': ['2.2'],
      'davinci-crd.configuration-options': [coverageInfoOption, guidelineOption, maxCardsOption],
    },
  })),
});
