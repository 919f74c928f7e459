import { type Io, run } from '@criteria/cli';
import { generateRequests } from '@criteria/gen-requests';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HANG, openViewer, root, type ViewerSession, visit } from '../support/browser.js';

// The run's one chromium, a context of this file's own. Timeouts only catch a hang.
// (Typing the requests in two tabs at once was measured no quicker: the machine's two
// cores are the limit, not the round trips.)
const COUNT = 50;
let viewer: ViewerSession;
beforeAll(async () => {
  viewer = await openViewer(inject('chromium'));
}, HANG);
afterAll(async () => {
  await viewer?.close();
});

/** The CLI's determinations (`criteria evaluate --request - --ndjson`), one JSON line per request. */
async function cliDeterminations(ndjson: string): Promise<unknown[]> {
  let stdout = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => {},
    stdin: async function* () {
      yield ndjson;
    },
    stderrIsTty: false,
    today: () => '2026-11-28',
    cwd: root,
  };
  expect(await run(['evaluate', '--request', '-', '--ndjson'], io)).toBe(0);
  return stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

type Request = ReturnType<typeof generateRequests> extends Generator<infer R> ? R : never;

/** Types a request into the form, field by field, as a person would. */
async function fill(page: Page, request: Request): Promise<void> {
  // "Clear the form" empties every field, the documents and the result.
  await page.click('#request-form button[type=reset]');
  expect(await page.$$('#rq-documents .document')).toHaveLength(0);
  expect(await page.textContent('#request-result')).toBe('');
  await page.selectOption('#rq-policy', request.policy);
  await page.selectOption('#rq-lineOfBusiness', request.lineOfBusiness);
  await page.fill('#rq-dateOfService', request.dateOfService);
  if (request.requestDate) await page.fill('#rq-requestDate', request.requestDate);
  if (request.asOf) await page.fill('#rq-asOf', request.asOf);
  await page.fill('#rq-procedureCodes', request.procedureCodes.join(' '));
  if (request.indication) await page.fill('#rq-indication', request.indication);
  if (request.diagnoses) await page.fill('#rq-diagnoses', request.diagnoses.join(' '));
  if (request.technique) await page.selectOption('#rq-technique', request.technique);
  if (request.mediastinalInvolvement !== undefined)
    await page.selectOption('#rq-mediastinalInvolvement', String(request.mediastinalInvolvement));
  for (const [i, doc] of (request.documentation ?? []).entries()) {
    await page.click('#rq-add-document');
    await page.fill(`#rq-doc-${i}-kind`, doc.kind);
    await page.fill(`#rq-doc-${i}-specialty`, doc.specialty);
    await page.fill(`#rq-doc-${i}-date`, doc.date);
  }
}

describe('check a request', () => {
  it(
    `computes in the browser the same determination JSON as the CLI, for ${COUNT} generated requests`,
    async () => {
      const requests = [...generateRequests({ count: COUNT, seed: 14 })];
      const expected = await cliDeterminations(requests.map((r) => JSON.stringify(r)).join('\n'));
      expect(expected).toHaveLength(COUNT);
      const page = await viewer.newPage();
      const sent: string[] = [];
      page.on('request', (r) => sent.push(r.url()));
      await visit(page, viewer.base, 'check.html');
      for (const [i, request] of requests.entries()) {
        await fill(page, request);
        sent.length = 0;
        await page.click('#request-form button[type=submit]');
        const json = await page.textContent('#determination-json');
        expect(JSON.parse(json as string), `request ${i + 1}: ${JSON.stringify(request)}`).toEqual(
          expected[i],
        );
        // Computed in the page: the click sent nothing to any server.
        expect(sent).toEqual([]);
      }
      // The sample reaches more than one route, so the comparison means something.
      expect(
        new Set(expected.map((d) => (d as { route: string }).route)).size,
      ).toBeGreaterThanOrEqual(3);
    },
    HANG,
  );
});
