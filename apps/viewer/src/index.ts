/**
 * The web viewer of the policies: pages as pure functions of the policy data,
 * served by a fastify plugin or exported as static files (the same bytes).
 *
 * @example
 * import Fastify from 'fastify';
 * import { loadViewerData, viewerPlugin } from '@criteria/viewer';
 * const { data } = await loadViewerData(repoRoot);
 * const app = Fastify();
 * await app.register(viewerPlugin, { data, today: () => '2026-11-28' });
 */
export {
  type LockStatus,
  type LockView,
  loadViewerData,
  lockStatus,
  type PolicyEntry,
  type ViewerData,
} from './data.js';
export { EXPORT_MARKER, exportSite } from './export.js';
export { type ViewerPluginOptions, viewerPlugin } from './plugin.js';
export { createSite, type Site, type SiteFile } from './site.js';
export { PLAN_TIME_ZONE, systemToday } from './today.js';
