import { RequestSchema } from '@criteria/evaluator/schemas';
import { LineOfBusinessSchema } from '@criteria/schema';
import type { ViewerData } from '../data.js';
import { esc } from '../internal/html.js';
import { layout } from '../internal/layout.js';
import { paths } from '../internal/paths.js';
import { lineLabel } from '../internal/words.js';

/** The values an optional enum field of the request accepts, read from the request schema. */
const enumOptions = (field: 'technique'): readonly string[] => {
  const schema = RequestSchema.shape[field] as unknown as {
    unwrap?: () => { options?: readonly string[] };
    options?: readonly string[];
  };
  return schema.unwrap?.().options ?? schema.options ?? [];
};

const policyOptions = (data: ViewerData) =>
  data.policies
    .map(({ policy }) => `<option value="${esc(policy.id)}">${esc(policy.title)}</option>`)
    .join('');

const noscript =
  '<noscript><p class="error">This check runs in your browser: it needs JavaScript.</p></noscript>';

/** Code check: a code and a date give, per policy, the revision, whether the code is in scope, and the route rules. */
export function codeCheckPage(data: ViewerData): string {
  return layout({
    path: paths.codes,
    title: 'Code check',
    script: 'viewer',
    main: [
      '<h1>Code check</h1>',
      '<p>Does a CPT or HCPCS code fall under clinical review criteria on a date of service, and what route does a request take? Computed in your browser from the policy packages: nothing is sent anywhere.</p>',
      noscript,
      '<form class="panel" id="code-check" data-code-check>',
      '<div class="row">',
      '<label for="cc-code">Procedure code <span class="hint">CPT or HCPCS, e.g. 77385</span></label>',
      '<input id="cc-code" name="code" required autocomplete="off" spellcheck="false" size="8">',
      '<label for="cc-date">Date of service <span class="hint">YYYY-MM-DD</span></label>',
      '<input id="cc-date" name="date" required inputmode="numeric" placeholder="2021-09-01" size="12">',
      '<label for="cc-asof">Decided on <span class="hint">optional; default: everything approved</span></label>',
      '<input id="cc-asof" name="asOf" inputmode="numeric" placeholder="YYYY-MM-DD" size="12">',
      '<button type="submit">Check</button>',
      '</div>',
      '</form>',
      '<div id="code-result" class="result" role="region" aria-live="polite" aria-label="Code check result"></div>',
      `<p class="note">Policies: ${data.policies.map(({ policy }) => esc(policy.title)).join(', ')}.</p>`,
    ].join('\n'),
  });
}

/** Check a request: a form whose determination is computed in the browser by the evaluator package. */
export function requestCheckPage(data: ViewerData): string {
  const techniques = enumOptions('technique');
  const indications = [
    ...new Set(
      data.policies.flatMap(({ policy }) =>
        policy.revisions.flatMap((r) => r.indications.map((i) => i.id)),
      ),
    ),
  ].sort();
  const kinds = [
    ...new Set(
      data.policies.flatMap(({ policy }) =>
        policy.revisions.flatMap((r) => r.documentation.map((d) => d.kind)),
      ),
    ),
  ].sort();
  const specialties = [
    ...new Set(
      data.policies.flatMap(({ policy }) =>
        policy.revisions.flatMap((r) => r.documentation.map((d) => d.specialty)),
      ),
    ),
  ].sort();
  const field = (id: string, label: string, hint: string, attrs = '') =>
    `<label for="${id}">${label} <span class="hint">${hint}</span></label><input id="${id}" name="${id.replace(/^rq-/, '')}" autocomplete="off" spellcheck="false" ${attrs}>`;
  return layout({
    path: paths.check,
    title: 'Check a request',
    script: 'viewer',
    main: [
      '<h1>Check a request</h1>',
      '<p>Fill in a request as a service would send it: the determination is computed in your browser by the same evaluator package the services use (bundled; no server call), and shown as text and as JSON. Member data is not asked for.</p>',
      noscript,
      '<form class="panel" id="request-form" data-request-form>',
      '<div class="row">',
      `<label for="rq-policy">Policy</label><select id="rq-policy" name="policy">${policyOptions(data)}</select>`,
      `<label for="rq-lineOfBusiness">Line of business</label><select id="rq-lineOfBusiness" name="lineOfBusiness">${LineOfBusinessSchema.options
        .map((l) => `<option value="${l}">${esc(lineLabel(l))} (${l})</option>`)
        .join('')}</select>`,
      '</div>',
      '<div class="row">',
      field(
        'rq-dateOfService',
        'Date of service',
        'YYYY-MM-DD',
        'required inputmode="numeric" size="12" placeholder="2021-09-01"',
      ),
      field(
        'rq-requestDate',
        'Request date',
        'optional',
        'inputmode="numeric" size="12" placeholder="YYYY-MM-DD"',
      ),
      field(
        'rq-asOf',
        'Decided on (as of)',
        'optional',
        'inputmode="numeric" size="12" placeholder="YYYY-MM-DD"',
      ),
      '</div>',
      '<div class="row">',
      field(
        'rq-procedureCodes',
        'Procedure codes',
        'separated by spaces or commas',
        'required size="28" placeholder="77385 G6015"',
      ),
      field(
        'rq-indication',
        'Indication',
        'an id; optional with diagnoses',
        'list="rq-indications" size="26"',
      ),
      `<datalist id="rq-indications">${indications.map((i) => `<option value="${esc(i)}"></option>`).join('')}</datalist>`,
      field(
        'rq-diagnoses',
        'Diagnoses',
        'ICD-10-CM, separated by spaces',
        'size="20" placeholder="C34.90"',
      ),
      '</div>',
      '<div class="row">',
      `<label for="rq-technique">Technique</label><select id="rq-technique" name="technique"><option value="">(not given)</option>${techniques
        .map((t) => `<option value="${esc(t)}">${esc(t)}</option>`)
        .join('')}</select>`,
      '<label for="rq-mediastinalInvolvement">Mediastinal involvement</label><select id="rq-mediastinalInvolvement" name="mediastinalInvolvement"><option value="">(not given)</option><option value="true">yes</option><option value="false">no</option></select>',
      '</div>',
      '<fieldset id="rq-documentation"><legend>Documentation on file</legend>',
      `<datalist id="rq-kinds">${kinds.map((k) => `<option value="${esc(k)}"></option>`).join('')}</datalist>`,
      `<datalist id="rq-specialties">${specialties.map((k) => `<option value="${esc(k)}"></option>`).join('')}</datalist>`,
      '<div id="rq-documents"></div>',
      '<button type="button" class="secondary" id="rq-add-document">Add a document</button>',
      '</fieldset>',
      '<div class="row"><button type="submit">Evaluate</button><button type="reset" class="secondary">Clear the form</button></div>',
      '</form>',
      '<div id="request-result" class="result" role="region" aria-live="polite" aria-label="Determination"></div>',
    ].join('\n'),
  });
}
