/**
 * `pnpm check:packages`: every public package, packed as pnpm publishes it
 * (`publishConfig` applied, `workspace:` ranges replaced), passes publint
 * (strict) and Are the Types Wrong (ESM-only profile: these packages ship no
 * CommonJS). Exit 1 on any problem, with each one printed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { buildPublic, PNPM, publicPackages, root, sh } from './workspace.js';

const packages = publicPackages();
buildPublic(packages);
const out = mkdtempSync(join(tmpdir(), 'criteria-pack-'));
let problems = 0;
try {
  for (const p of packages) {
    const dest = join(out, p.name.replace(/[@/]/g, '_'));
    sh([...PNPM, 'pack', '--pack-destination', dest], { cwd: p.path, capture: true });
    const [file] = readdirSync(dest).filter((f) => f.endsWith('.tgz'));
    if (file === undefined) throw new Error(`${p.name}: pnpm pack wrote no tarball`);
    const tarball = join(dest, file);
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
      strict: true,
    });
    const lines = messages.map((m) => `  publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    let attw = '';
    try {
      sh(
        [
          join(root, 'node_modules', '.bin', 'attw'),
          tarball,
          '--profile',
          'esm-only',
          '--format',
          'ascii',
          '--no-color',
        ],
        {
          capture: true,
        },
      );
    } catch (e) {
      attw = String((e as { stdout?: string }).stdout ?? e);
    }
    const ok = lines.length === 0 && attw === '';
    if (!ok) problems += 1;
    process.stdout.write(
      `${ok ? 'ok  ' : 'FAIL'} ${p.name}@${p.version} (${(bytes.length / 1024).toFixed(1)} kB packed)\n`,
    );
    for (const l of lines) process.stdout.write(`${l}\n`);
    if (attw !== '') process.stdout.write(`  attw:\n${attw.replace(/^/gm, '    ')}\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.stdout.write(
  `check:packages: ${packages.length - problems} of ${packages.length} packages pass publint and attw (${root})\n`,
);
if (problems > 0) process.exitCode = 1;
