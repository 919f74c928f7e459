import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Site } from './site.js';

/** The file that marks a directory as an export of this site, so a new export may replace it. */
export const EXPORT_MARKER = '.criteria-site';

/**
 * Writes every file of the site under `out`, as a web server would serve them
 * from that directory. The export is built in a temporary directory beside
 * `out` and then renamed into place, so `out` is never half-written; an
 * existing `out` is replaced only when it is empty or a previous export.
 *
 * @returns the number of files written
 */
export async function exportSite(site: Site, out: string, today: string): Promise<number> {
  const target = resolve(out);
  if (
    existsSync(target) &&
    readdirSync(target).length > 0 &&
    !existsSync(join(target, EXPORT_MARKER))
  )
    throw new Error(
      `--out: \`${out}\` is a directory that is not empty and not an earlier export; expected a new or empty directory`,
    );
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  rmSync(temp, { recursive: true, force: true });
  try {
    for (const path of site.paths) {
      const file = await site.render(path, today);
      if (file === null) continue;
      const dest = join(temp, ...path.split('/'));
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, file.body);
    }
    writeFileSync(
      join(temp, EXPORT_MARKER),
      'A static export of the criteria viewer (`pnpm site --out DIR`).\n',
    );
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return site.paths.length;
}
