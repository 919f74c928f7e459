/** Escapes text for HTML element content and attribute values. */
export const esc = (text: string | number): string =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A `<time>` element for an ISO calendar date. */
export const time = (date: string): string => `<time datetime="${esc(date)}">${esc(date)}</time>`;

/**
 * The link from one page of the site to another, relative, so the exported
 * site works under any base path (and opened from disk).
 *
 * @example href('policies/imrt/revisions/2021-03-02.html', 'policies/imrt/source.html#L150') // => '../source.html#L150'
 */
export function href(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (
    common < fromDirs.length &&
    common < toParts.length - 1 &&
    fromDirs[common] === toParts[common]
  )
    common += 1;
  const up = fromDirs.length - common;
  const rest = toParts.slice(common).join('/');
  return `${'../'.repeat(up)}${rest}` || './';
}
