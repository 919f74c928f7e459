/**
 * vitest globalSetup of the viewer: one chromium for every browser test file, launched
 * once per run (a launch is about 1.6 CPU-seconds); each file connects to it over its
 * websocket (`inject('chromium')`) and opens contexts of its own.
 */
import { type Browser, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared chromium's websocket endpoint. */
    chromium: string;
  }
}

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

/** A chromium of the caller's own (the screenshots script). */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120_000 });

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    timeout: 120_000,
  });
  project.provide('chromium', server.wsEndpoint());
  return () => server.close();
}
