import type { FastifyPluginAsync } from 'fastify';
import type { ViewerData } from './data.js';
import { createSite } from './site.js';

/** Options of {@link viewerPlugin}. */
export interface ViewerPluginOptions {
  /** What the pages show (see `loadViewerData`). */
  data: ViewerData;
  /**
   * Today's date (YYYY-MM-DD) for the timelines' "today" mark: injected, the
   * viewer never reads a clock. A server passes its own clock here.
   */
  today: () => string;
}

/**
 * The viewer as a fastify plugin: every page of the site at its path (and a
 * directory's `index.html` at the directory too: `/`, `/policies/imrt/`).
 * GET and HEAD only; an unknown path is left to fastify's 404. Register it at
 * the root, or under a prefix: every link in the pages is relative.
 *
 * @example
 * const { data } = await loadViewerData(repoRoot);
 * await app.register(viewerPlugin, { data, today: () => clock.today() });
 */
export const viewerPlugin: FastifyPluginAsync<ViewerPluginOptions> = async (app, options) => {
  const site = createSite(options.data);
  for (const path of site.paths) {
    const urls = [`/${path}`];
    if (path === 'index.html') urls.push('/');
    else if (path.endsWith('/index.html')) urls.push(`/${path.slice(0, -'index.html'.length)}`);
    for (const url of urls)
      app.get(url, async (_request, reply) => {
        const file = await site.render(path, options.today());
        if (file === null) return reply.callNotFound();
        return reply
          .header('content-type', file.contentType)
          .header('x-content-type-options', 'nosniff')
          .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
      });
  }
};
