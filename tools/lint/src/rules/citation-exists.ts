import { field, locate, provenances, show } from '../internal/raw.js';
import { defineRule } from '../rule.js';

/** The document's lines, 1-based through `lines[n - 1]`; a final newline ends the last line. */
const linesOf = (text: string): string[] => {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

export const citationExists = defineRule({
  id: 'citation-exists',
  severity: 'error',
  title:
    "Every citation points at an existing line of the policy's source document that says its quote",
  rationale:
    'A fact is only as good as its citation: `{ line, quote }` must name a line of the document `sourceDocument` points at, and that line must contain the quote verbatim, so a reader (and this check) can verify it.',
  fix: 'Open the source document at the cited line and correct `line` (1-based) or `quote` (a verbatim excerpt of that line). If the source does not say it, replace the citation with a `reading` that gives the reason.',
  *check(ctx) {
    const source = ctx.source;
    if (source === undefined) return;
    if ('error' in source) {
      yield {
        field: 'sourceDocument',
        message: `\`${source.path}\` cannot be read (${source.error})`,
        fix: 'Put the source document at the path `sourceDocument` gives, relative to the policy package (e.g. `source/<name>.txt`).',
      };
      return;
    }
    const lines = linesOf(source.text);
    for (const p of provenances(ctx.input)) {
      const cites = field(p.value, 'cites');
      if (!Array.isArray(cites)) continue;
      for (const [i, cite] of cites.entries()) {
        const line = field(cite, 'line');
        const quote = field(cite, 'quote');
        if (typeof line !== 'number' || !Number.isInteger(line) || typeof quote !== 'string')
          continue;
        const where = locate([...p.path, 'cites', i]);
        const text = lines[line - 1];
        if (line < 1 || text === undefined)
          yield {
            ...where,
            message: `line \`${line}\` does not exist: \`${source.path}\` has ${lines.length} lines`,
          };
        else if (!text.includes(quote))
          yield {
            ...where,
            message: `line ${line} of \`${source.path}\` does not contain the quote ${show(quote)}`,
          };
      }
    }
  },
});
