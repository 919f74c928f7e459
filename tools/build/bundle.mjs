// A package's build, after `tsc` (which writes only the .d.ts files):
//   node ../../tools/build/bundle.mjs
// writes dist/<entry>.js for each entry point that package.json names (`exports` and
// `imports`, their `default` targets: ./dist/X.js is built from ./src/X.ts), each a bundle
// of the package's own modules (esbuild). Why: a fresh process importing the evaluator and
// a policy spent about as long in Node's ESM loader (resolving, reading and compiling 37
// small files) as in all the rest of its start-up; bundled, it loads one file per entry
// point (docs/performance.md, "Build: tsc and one file per entry point").
//
// What keeps one instance of every module:
// - every package (`@criteria/*` and third-party) and every `#` import stays external: a
//   consumer importing both `@criteria/evaluator` and `@criteria/schema/core` gets the one
//   `@criteria/schema/core` file, never a copy inlined into the evaluator (and the build
//   fails if a file from outside the package's src/ was bundled);
// - the entry points of one package are split (`splitting`): code that two entry points
//   share is one chunk under dist/internal/ (which `exports` closes), imported by both.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** The `default` targets of an `exports` or `imports` map, e.g. `./dist/index.js`. */
function targets(map) {
  const out = [];
  for (const value of Object.values(map ?? {})) {
    const target = typeof value === 'string' ? value : value?.default;
    if (typeof target === 'string' && target.startsWith('./dist/') && target.endsWith('.js'))
      out.push(target);
  }
  return out;
}

const entryPoints = [...new Set([...targets(pkg.exports), ...targets(pkg.imports)])].map((t) => ({
  in: t.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts'),
  out: t.replace(/^\.\/dist\//, '').replace(/\.js$/, ''),
}));
if (entryPoints.length === 0)
  throw new Error(`${pkg.name}: package.json names no ./dist/*.js entry point`);

const { metafile } = await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  external: ['#*'],
  chunkNames: 'internal/chunk-[hash]',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});

// Nothing from outside the package's own src/ may be inlined (a copy of another package).
for (const input of Object.keys(metafile.inputs)) {
  if (relative(resolve('src'), resolve(input)).startsWith('..'))
    throw new Error(`${pkg.name}: ${input} was bundled; only the package's own src/ may be`);
}
