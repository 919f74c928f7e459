import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '@criteria/lint';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { loadViewerData, type ViewerData } from '../../src/data.js';
import { viewerPlugin } from '../../src/plugin.js';

/** The repository root. */
export const root = findRepoRoot(fileURLToPath(new URL('.', import.meta.url)));

/** The fixed "today" of the browser tests and screenshots. */
export const TODAY = '2026-11-28';

/** Debian's chromium, never a downloaded browser; flags for a machine that reaches nothing outside. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120_000 });

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
