import { buildNotice } from '@criteria/notice';
import { renderNoticePdf } from '@criteria/notice-pdf';
import { bundleBrowser, bundleDiffChooser } from './bundle.js';
import type { PolicyEntry, ViewerData } from './data.js';
import { paths } from './internal/paths.js';
import { css } from './internal/style.js';
import { codeCheckPage, requestCheckPage } from './pages/checks.js';
import { diffIndexPage, diffPage } from './pages/diff.js';
import { noticePage, noticesPage } from './pages/notices.js';
import { policiesPage, policyPage } from './pages/policies.js';
import { revisionPage } from './pages/revision.js';
import { sourcePage } from './pages/source.js';

/** One file of the site. */
export interface SiteFile {
  contentType: string;
  body: string | Uint8Array;
}

/** The whole site: every path it has, and each path's file for a given "today". */
export interface Site {
  /** Every path, relative to the site root (`index.html`, `policies/imrt/index.html`, ...). */
  readonly paths: readonly string[];
  /** The file at `path`, or null when the site has no such path. `today` marks the timelines. */
  render(path: string, today: string): Promise<SiteFile | null>;
}

const HTML = 'text/html; charset=utf-8';
const html = (body: string): SiteFile => ({ contentType: HTML, body });

type Route = (today: string) => SiteFile | Promise<SiteFile>;

/**
 * The site as pure functions of the data: the live server and the static
 * export both call `render`, so they serve the same bytes. Pages that do not
 * depend on `today` are computed once; the PDF and the browser bundle too.
 *
 * @example
 * const site = createSite(data);
 * const home = await site.render('index.html', '2026-11-28');
 */
export function createSite(data: ViewerData): Site {
  const routes = new Map<string, Route>();
  const once = <T>(f: () => T): (() => T) => {
    let cached: { value: T } | undefined;
    return () => {
      cached ??= { value: f() };
      return cached.value;
    };
  };
  const fixed = (path: string, f: () => SiteFile | Promise<SiteFile>) => routes.set(path, once(f));

  fixed(paths.home, () => html(policiesPage(data)));
  fixed(paths.codes, () => html(codeCheckPage(data)));
  fixed(paths.check, () => html(requestCheckPage(data)));
  fixed(paths.css, () => ({ contentType: 'text/css; charset=utf-8', body: `${css}\n` }));
  fixed(paths.js, async () => ({
    contentType: 'text/javascript; charset=utf-8',
    body: await bundleBrowser(data),
  }));
  fixed(paths.diffJs, async () => ({
    contentType: 'text/javascript; charset=utf-8',
    body: await bundleDiffChooser(),
  }));
  for (const entry of data.policies) addPolicy(entry);

  function addPolicy(entry: PolicyEntry) {
    const { policy } = entry;
    routes.set(paths.policy(policy.id), (today) => html(policyPage(entry, today)));
    fixed(paths.source(policy.id), () => html(sourcePage(entry)));
    fixed(paths.diffIndex(policy.id), () => html(diffIndexPage(entry)));
    fixed(paths.notices(policy.id), () => html(noticesPage(entry)));
    for (const r of policy.revisions) {
      fixed(paths.revision(policy.id, r.id), () => html(revisionPage(entry, r)));
      fixed(paths.notice(policy.id, r.id), () => html(noticePage(entry, r)));
      fixed(paths.noticePdf(policy.id, r.id), async () => ({
        contentType: 'application/pdf',
        body: await renderNoticePdf(buildNotice(policy, r.id)),
      }));
      for (const other of policy.revisions)
        if (other !== r)
          fixed(paths.diff(policy.id, r.id, other.id), () => html(diffPage(entry, r, other)));
    }
  }

  return {
    paths: [...routes.keys()],
    async render(path, today) {
      const route = routes.get(path);
      return route ? await route(today) : null;
    },
  };
}
