import { esc, href } from './html.js';
import { paths } from './paths.js';

/** One page of the site: its path (relative to the root), title and main content. */
export interface PageContent {
  path: string;
  title: string;
  /** The HTML inside `<main>`, starting with its `<h1>`. */
  main: string;
  /** Breadcrumbs above the title: [label, path] pairs. */
  crumbs?: readonly (readonly [string, string])[];
  /**
   * The page's script, if any: `viewer`, the whole bundle (forms computed in the browser);
   * `diff`, the diff chooser alone.
   */
  script?: 'viewer' | 'diff';
}

/**
 * The frame every page shares: skip link, site navigation, breadcrumbs, main,
 * footer. Links are relative to the page's own path.
 */
export function layout(page: PageContent): string {
  const link = (to: string) => esc(href(page.path, to));
  const nav: [string, string][] = [
    ['Policies', paths.home],
    ['Code check', paths.codes],
    ['Check a request', paths.check],
  ];
  const crumbs = page.crumbs?.length
    ? `<nav aria-label="Breadcrumb" class="crumbs"><ol>${page.crumbs
        .map(([label, to]) => `<li><a href="${link(to)}">${esc(label)}</a></li>`)
        .join('')}<li aria-current="page">${esc(page.title)}</li></ol></nav>`
    : '';
  return `${[
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title)} · Clinical review criteria</title>`,
    // No icon file: a browser would otherwise ask for /favicon.ico, which a static host may not have.
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${link(paths.css)}">`,
    page.script
      ? `<script defer src="${link(page.script === 'diff' ? paths.diffJs : paths.js)}"></script>`
      : '',
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    '<header class="site">',
    `<p class="brand"><a href="${link(paths.home)}">Clinical review criteria</a></p>`,
    `<nav aria-label="Site"><ul>${nav
      .map(
        ([label, to]) =>
          `<li><a href="${link(to)}"${to === page.path ? ' aria-current="page"' : ''}>${label}</a></li>`,
      )
      .join('')}</ul></nav>`,
    '</header>',
    `<main id="main" tabindex="-1">`,
    crumbs,
    page.main,
    '</main>',
    '<footer class="site"><p>Generated from the policy packages of this repository: every fact cites its line of the source or says it is a reading.</p></footer>',
    '</body>',
    '</html>',
  ]
    .filter((l) => l !== '')
    .join('\n')}\n`;
}
