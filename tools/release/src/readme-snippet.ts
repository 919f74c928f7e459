/**
 * The first ```ts block after a heading in a Markdown text: the README's
 * "From a service" snippet, which the consumer check type-checks and runs as a
 * service author would.
 *
 * @example readmeSnippet(readme, '### From a service') // => "import { ... } from '@criteria/evaluator';\n..."
 */
export function readmeSnippet(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  if (at === -1) throw new Error(`README: no heading \`${heading}\``);
  const level = heading.match(/^#+/)?.[0].length ?? 0;
  const out: string[] = [];
  let inside = false;
  for (const line of lines.slice(at + 1)) {
    const h = line.match(/^(#+) /);
    if (!inside && h && (h[1]?.length ?? 0) <= level) break;
    if (!inside && /^```ts\s*$/.test(line)) inside = true;
    else if (inside && /^```\s*$/.test(line)) return `${out.join('\n')}\n`;
    else if (inside) out.push(line);
  }
  throw new Error(`README: no \`\`\`ts block under \`${heading}\``);
}
