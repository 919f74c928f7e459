import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '@criteria/lint';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { loadViewerData, type ViewerData } from '../../src/data.js';
import { viewerPlugin } from '../../src/plugin.js';
import { CHROMIUM, CHROMIUM_ARGS, launchBrowser } from './chromium.js';

export { CHROMIUM, CHROMIUM_ARGS, launchBrowser };

/** The repository root. */
export const root = findRepoRoot(fileURLToPath(new URL('.', import.meta.url)));

/** The fixed "today" of the browser tests and screenshots. */
export const TODAY = '2026-11-28';

/** Timeouts of the browser tests: they only catch a hang, never measure speed. */
export const HANG = 900_000;

let loaded: Promise<ViewerData> | undefined;
/** The repository's policies as the viewer reads them (once per process). */
export const viewerData = (): Promise<ViewerData> => {
  loaded ??= loadViewerData(root).then(({ data }) => data);
  return loaded;
};

/** The viewer on fastify on a free loopback port. */
export async function startViewer(): Promise<{ app: FastifyInstance; base: string }> {
  const app = Fastify({ logger: false });
  await app.register(viewerPlugin, { data: await viewerData(), today: () => TODAY });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base };
}

/** The viewer served on loopback and a chromium to look at it, for one test file. */
export interface ViewerSession {
  /** The server's origin, `http://127.0.0.1:PORT`. */
  base: string;
  browser: Browser;
  /** A new context (its own cookies, cache and downloads), closed with the session. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new context with one page in it. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Closes every context of this file, disconnects from the browser and stops the server. */
  close(): Promise<void>;
}

/**
 * Starts the viewer and connects to the run's shared chromium at `wsEndpoint` (the
 * viewer's vitest globalSetup, test/support/chromium.ts, launches it and provides it as
 * `inject('chromium')`). Call in `beforeAll`, `close` in `afterAll`.
 */
export async function openViewer(wsEndpoint: string): Promise<ViewerSession> {
  const [{ app, base }, browser] = await Promise.all([
    startViewer(),
    chromium.connect(wsEndpoint, { timeout: 120_000 }),
  ]);
  const contexts: BrowserContext[] = [];
  const newContext = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    base,
    browser,
    newContext,
    async newPage(options) {
      return (await newContext(options)).newPage();
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await app.close();
    },
  };
}

/**
 * Goes to a page of the viewer and waits until it is usable: loaded, and on pages with
 * forms, wired by their script (which marks the document `data-viewer-ready`). Answers the
 * HTTP status of the page.
 */
export async function visit(page: Page, base: string, path: string): Promise<number | undefined> {
  const response = await page.goto(`${base}/${path}`, { waitUntil: 'load' });
  if (await page.$('script[src]')) await page.waitForSelector('html[data-viewer-ready="true"]');
  return response?.status();
}

/**
 * Records into `problems` everything that goes wrong on `page`: console errors, uncaught
 * page errors, failed requests and HTTP errors, each prefixed by `where()` (the path shown).
 */
export function recordProblems(page: Page, problems: string[], where: () => string): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${where()}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${where()}: page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`${where()}: failed request ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${where()}: ${r.status()} ${r.url()}`);
  });
}
