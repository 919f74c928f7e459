// A package's build, after `tsc` (which writes only the .d.ts files):
//   node ../../tools/build/bundle.mjs
// writes dist/<entry>.js for each entry point that package.json `exports` names (its
// `default` target: ./dist/X.js is built from ./src/X.ts), each a bundle of the package's
// own modules (esbuild). Why: a fresh process importing the evaluator and a policy spent
// about as long in Node's ESM loader (resolving, reading and compiling 37 small files) as
// in all the rest of its start-up; bundled, it loads one file per entry point
// (docs/performance.md, "Build: tsc and one file per entry point").
//
// What keeps one instance of every module:
// - every package (`@criteria/*` and third-party) stays external: a consumer importing
//   both `@criteria/evaluator` and `@criteria/schema/core` gets the one
//   `@criteria/schema/core` file, never a copy inlined into the evaluator (and the build
//   fails if a file from outside the package's src/ was bundled);
// - an entry point that imports another one of its package (calendar's main entry
//   re-exports `./core.js`) imports it by the package's name, `@criteria/calendar/core`;
// - code that two entry points share otherwise is split into one chunk under
//   dist/internal/ (which `exports` closes), imported by both (`splitting`).
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// Each entry point that `exports` names: `./dist/X.js` is built from `./src/X.ts`, and
// the package's own name for it (`@criteria/calendar/core`).
const entryPoints = [];
const nameOfSource = new Map();
for (const [key, value] of Object.entries(pkg.exports ?? {})) {
  const target = typeof value === 'string' ? value : value?.default;
  if (typeof target !== 'string' || !/^\.\/dist\/.*\.js$/.test(target)) continue;
  const source = target.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
  entryPoints.push({ in: source, out: target.slice('./dist/'.length, -'.js'.length) });
  nameOfSource.set(resolve(source), key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`);
}
if (entryPoints.length === 0)
  throw new Error(`${pkg.name}: package.json exports no ./dist/*.js entry point`);

/**
 * An import, inside the package, of another entry point's source becomes an import of
 * that entry point by the package's name (Node resolves a package's own name through
 * its `exports`, from any of its files): the entry point's code stays in its one file
 * instead of being copied or split into a chunk. A `#` import is bundled from its
 * `default` target in `imports`, a source file (the sources run its `@criteria/source`
 * target instead).
 */
const entriesByName = {
  name: 'entries-by-name',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.kind === 'entry-point' || args.pluginData === 'inner') return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'inner',
      });
      const name = nameOfSource.get(found.path);
      return name === undefined ? undefined : { path: name, external: true };
    });
    b.onResolve({ filter: /^#/ }, (args) => {
      const target = pkg.imports?.[args.path]?.default;
      if (typeof target !== 'string' || !target.startsWith('./src/'))
        return { errors: [{ text: `${args.path}: package.json imports has no ./src/ default` }] };
      return { path: resolve(target) };
    });
  },
};

const { metafile } = await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  plugins: [entriesByName],
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
