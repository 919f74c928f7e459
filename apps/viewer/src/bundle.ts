import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { ViewerData } from './data.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The browser bundle: the viewer's browser code with the evaluator, temporal,
 * schema and every policy's data, as one classic script (it runs from
 * `file://` too). esbuild output is deterministic: the same sources give the
 * same bytes, so the served and exported sites are identical.
 */
export async function bundleBrowser(data: ViewerData): Promise<string> {
  const modules = data.policies.map((e) => e.module);
  if (modules.some((m) => m === null))
    throw new Error('every policy needs the path of its data module to be bundled');
  const virtual: Plugin = {
    name: 'viewer-virtual',
    setup(b) {
      b.onResolve({ filter: /^virtual:policies$/ }, () => ({
        path: 'policies',
        namespace: 'virtual',
      }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        resolveDir: here('.'),
        loader: 'ts',
        contents: [
          "import { definePolicy } from '@criteria/schema';",
          ...modules.map((m, i) => `import p${i} from ${JSON.stringify(m)};`),
          `export const policies = [${modules.map((_, i) => `definePolicy(p${i})`).join(', ')}];`,
        ].join('\n'),
      }));
      // The content hash uses node:crypto; in the page, the same sha256 from @noble/hashes.
      b.onResolve({ filter: /^(node:)?crypto$/ }, () => ({
        path: here('./browser/crypto-shim.ts'),
      }));
    },
  };
  return bundle('./browser/main.ts', [virtual]);
}

/**
 * The diff pages' script: the diff chooser alone (a few hundred bytes; the pages only
 * navigate, so they need neither the evaluator nor the policies).
 */
export const bundleDiffChooser = (): Promise<string> => bundle('./browser/diff.ts', []);

async function bundle(entry: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    entryPoints: [here(entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@criteria/source'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    plugins,
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no bundle');
  return file.text;
}
