/** The path of every page, relative to the site root. One place, so links and routes agree. */
export const paths = {
  home: 'index.html',
  codes: 'codes.html',
  check: 'check.html',
  css: 'assets/viewer.css',
  js: 'assets/viewer.js',
  diffJs: 'assets/diff.js',
  policy: (p: string) => `policies/${p}/index.html`,
  revision: (p: string, r: string) => `policies/${p}/revisions/${r}.html`,
  source: (p: string, line?: number) =>
    `policies/${p}/source.html${line === undefined ? '' : `#L${line}`}`,
  diffIndex: (p: string) => `policies/${p}/diff/index.html`,
  diff: (p: string, from: string, to: string) => `policies/${p}/diff/${from}-to-${to}.html`,
  notices: (p: string) => `policies/${p}/notices/index.html`,
  notice: (p: string, r: string) => `policies/${p}/notices/${r}.html`,
  noticePdf: (p: string, r: string) => `policies/${p}/notices/${r}.pdf`,
} as const;
