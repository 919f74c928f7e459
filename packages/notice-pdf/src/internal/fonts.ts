import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The embedded typeface: DejaVu Sans and Sans Mono (Bitstream Vera licence,
 * free to embed and redistribute), from the pinned `dejavu-fonts-ttf` package,
 * so every machine embeds the same glyphs and the bytes do not change.
 */
export function fonts(): Record<
  'sans' | 'sans-bold' | 'sans-oblique' | 'sans-bold-oblique' | 'mono',
  string
> {
  const ttf = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
  return {
    sans: ttf('DejaVuSans'),
    'sans-bold': ttf('DejaVuSans-Bold'),
    'sans-oblique': ttf('DejaVuSans-Oblique'),
    'sans-bold-oblique': ttf('DejaVuSans-BoldOblique'),
    mono: ttf('DejaVuSansMono'),
  };
}
