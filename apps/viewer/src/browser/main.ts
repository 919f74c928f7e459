/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The viewer's browser code, bundled by esbuild with the policy packages and
 * the evaluator: the code check and the request check run here, with no
 * server call. The diff pages load only the diff chooser (`diff.ts`).
 */

// Generated at bundle time: every policy package of the repository.
import { policies } from 'virtual:policies';
import { safeEvaluate } from '@criteria/evaluator';
import { LineOfBusinessSchema, type LoadedPolicy } from '@criteria/schema';
import { inEffect } from '@criteria/temporal';
import { lineLabel } from '../internal/words.js';

const byId = new Map<string, LoadedPolicy>(policies.map((p: LoadedPolicy) => [p.id, p]));

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

const words = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function issuesList(issues: readonly { message: string }[]): HTMLElement {
  const box = el('div', undefined, { class: 'error', role: 'alert' });
  box.append(el('p', 'The request is not valid:'));
  const ul = el('ul');
  for (const i of issues) ul.append(el('li', i.message));
  box.append(ul);
  return box;
}

function initCodeCheck(form: HTMLFormElement): void {
  const out = document.getElementById('code-result') as HTMLElement;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: string) =>
      (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const code = value('code').toUpperCase();
    const date = value('date');
    const asOf = value('asOf') || undefined;
    out.replaceChildren();
    for (const policy of policies as LoadedPolicy[]) {
      const section = el('section', undefined, { 'aria-label': policy.title });
      section.append(el('h2', policy.title));
      let revision: ReturnType<typeof inEffect<LoadedPolicy['revisions'][number]>>;
      try {
        revision = inEffect(policy, date, { asOf });
      } catch (e) {
        section.append(issuesList([{ message: e instanceof Error ? e.message : String(e) }]));
        out.append(section);
        continue;
      }
      if (revision === null) {
        section.append(
          el(
            'p',
            `No criteria revision of this policy is in effect on ${date}${asOf ? ` as known on ${asOf}` : ''}: requests for ${code} on that date get the route no-criteria-in-effect.`,
            { 'data-route': 'no-criteria-in-effect' },
          ),
        );
        out.append(section);
        continue;
      }
      const inScope = revision.codes.find((c) => c.code === code);
      section.append(
        el(
          'p',
          `Revision ${revision.id} governs ${date} (effective ${revision.effectiveOn}, ${revision.effectiveOnBasis}); sha256 ${revision.sha256.slice(0, 12)}…`,
          { 'data-revision': revision.id },
        ),
      );
      if (!inScope) {
        section.append(
          el(
            'p',
            `${code} is not in this policy's scope on ${date}: requests get the route not-applicable.`,
            {
              'data-route': 'not-applicable',
            },
          ),
        );
        out.append(section);
        continue;
      }
      section.append(
        el(
          'p',
          `${inScope.system} ${inScope.code} (${inScope.label}${inScope.deleted ? ', a deleted code' : ''}) is in scope. The route of a request by line of business and indication, as the evaluator gives it:`,
        ),
      );
      const named = [...new Set(policy.revisions.flatMap((r) => r.indications.map((i) => i.id)))];
      const rows: [string, string][] = [
        ...named.map((id): [string, string] => [
          id,
          policy.revisions.flatMap((r) => r.indications).find((i) => i.id === id)?.label ?? id,
        ]),
        ['prostate-cancer', 'An indication the revision table never names (e.g. prostate cancer)'],
      ];
      const table = el('table');
      table.append(el('caption', `Routes for ${code} on ${date} under revision ${revision.id}`));
      const head = el('tr');
      head.append(el('th', 'Indication', { scope: 'col' }));
      for (const line of LineOfBusinessSchema.options)
        head.append(el('th', lineLabel(line), { scope: 'col' }));
      const thead = el('thead');
      thead.append(head);
      table.append(thead);
      const body = el('tbody');
      for (const [id, label] of rows) {
        const tr = el('tr');
        tr.append(el('th', label, { scope: 'row' }));
        for (const line of LineOfBusinessSchema.options) {
          const r = safeEvaluate(policy, {
            policy: policy.id,
            lineOfBusiness: line,
            dateOfService: date,
            ...(asOf ? { asOf } : {}),
            procedureCodes: [code],
            indication: id,
            documentation: [],
          });
          tr.append(el('td', r.ok ? r.value.route : r.issues.map((i) => i.message).join('; ')));
        }
        body.append(tr);
      }
      table.append(body);
      section.append(table);
      out.append(section);
    }
    out.focus();
  });
}

function documentRow(container: HTMLElement, index: number): HTMLElement {
  const row = el('div', undefined, { class: 'row document' });
  const input = (name: string, label: string, attrs: Record<string, string>) => {
    const id = `rq-doc-${index}-${name}`;
    row.append(el('label', label, { for: id }));
    row.append(el('input', undefined, { id, name: `doc-${name}`, autocomplete: 'off', ...attrs }));
  };
  input('kind', `Document ${index + 1} kind`, { list: 'rq-kinds', size: '16' });
  input('specialty', 'specialty', { list: 'rq-specialties', size: '20' });
  input('date', 'date', { inputmode: 'numeric', size: '12', placeholder: 'YYYY-MM-DD' });
  const remove = el('button', `Remove document ${index + 1}`, {
    type: 'button',
    class: 'secondary',
  });
  remove.addEventListener('click', () => {
    row.remove();
    container.querySelector<HTMLInputElement>('input')?.focus();
  });
  row.append(remove);
  container.append(row);
  return row;
}

/** The request the form describes: only the fields filled in. */
function requestOf(form: HTMLFormElement): Record<string, unknown> {
  const value = (name: string) =>
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
  const request: Record<string, unknown> = {
    policy: value('policy'),
    lineOfBusiness: value('lineOfBusiness'),
    dateOfService: value('dateOfService'),
  };
  for (const f of ['requestDate', 'asOf', 'indication', 'technique'])
    if (value(f)) request[f] = value(f);
  request.procedureCodes = words(value('procedureCodes'));
  if (value('diagnoses')) request.diagnoses = words(value('diagnoses'));
  if (value('mediastinalInvolvement'))
    request.mediastinalInvolvement = value('mediastinalInvolvement') === 'true';
  request.documentation = [...form.querySelectorAll('.document')].map((row) => {
    const get = (n: string) =>
      (row.querySelector(`[name="doc-${n}"]`) as HTMLInputElement).value.trim();
    return { kind: get('kind'), specialty: get('specialty'), date: get('date') };
  });
  return request;
}

function initRequestForm(form: HTMLFormElement): void {
  const out = document.getElementById('request-result') as HTMLElement;
  const docs = document.getElementById('rq-documents') as HTMLElement;
  let count = 0;
  document.getElementById('rq-add-document')?.addEventListener('click', () => {
    const row = documentRow(docs, count);
    count += 1;
    row.querySelector('input')?.focus();
  });
  form.addEventListener('reset', () => {
    docs.replaceChildren();
    count = 0;
    out.replaceChildren();
    out.removeAttribute('data-route');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = requestOf(form);
    out.replaceChildren();
    const policy = byId.get(String(request.policy));
    if (!policy) {
      out.append(issuesList([{ message: `unknown policy ${String(request.policy)}` }]));
      return;
    }
    const result = safeEvaluate(policy, request);
    if (!result.ok) {
      out.append(issuesList(result.issues));
      return;
    }
    const d = result.value as unknown as Record<string, unknown> & {
      route: string;
      revision: { id: string; effectiveOn: string; sha256: string } | null;
      reasons: { text: string }[];
    };
    out.append(el('h2', 'Determination'));
    const dl = el('dl', undefined, { id: 'determination-text' });
    const row = (term: string, text: string) => {
      dl.append(el('dt', term));
      dl.append(el('dd', text));
    };
    row('Route', d.route);
    row(
      'Revision',
      d.revision
        ? `${d.revision.id} (effective ${d.revision.effectiveOn}), sha256 ${d.revision.sha256}`
        : 'none in effect',
    );
    out.append(dl);
    out.append(el('h3', 'Reasons'));
    const reasons = el('ol');
    for (const r of d.reasons) reasons.append(el('li', r.text));
    out.append(reasons);
    out.append(el('h3', 'JSON'));
    out.append(
      el('pre', `${JSON.stringify(result.value, null, 2)}\n`, {
        class: 'json',
        id: 'determination-json',
        tabindex: '0',
      }),
    );
    out.setAttribute('data-route', d.route);
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-code-check]'))
  initCodeCheck(form);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-request-form]'))
  initRequestForm(form);
document.documentElement.setAttribute('data-viewer-ready', 'true');
