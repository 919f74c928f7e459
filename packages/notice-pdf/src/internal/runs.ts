import type { Token } from 'marked';

/** A stretch of inline text with one style. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
}

/**
 * Inline Markdown tokens flattened to styled runs. `<br>` becomes a line
 * break; any other inline HTML or unknown token keeps its text, so no word of
 * the notice is lost.
 */
export function runsOf(
  tokens: readonly Token[] | undefined,
  style: Omit<Run, 'text'> = { bold: false, italic: false, code: false },
): Run[] {
  const out: Run[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...runsOf(t.tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...runsOf(t.tokens, { ...style, italic: true }));
        break;
      case 'codespan':
        out.push({ ...style, code: true, text: t.text });
        break;
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      case 'html':
        out.push({ ...style, text: /^<br\s*\/?>$/i.test(t.text.trim()) ? '\n' : t.text });
        break;
      case 'link':
      case 'del':
        out.push(...runsOf(t.tokens, style));
        break;
      case 'text':
        if (t.tokens && t.tokens.length > 0) out.push(...runsOf(t.tokens, style));
        else out.push({ ...style, text: t.text });
        break;
      default:
        out.push({ ...style, text: 'text' in t && typeof t.text === 'string' ? t.text : t.raw });
    }
  }
  // Merge neighbours of one style: fewer text objects, same words.
  const merged: Run[] = [];
  for (const r of out) {
    const prev = merged.at(-1);
    if (prev && prev.bold === r.bold && prev.italic === r.italic && prev.code === r.code)
      prev.text += r.text;
    else merged.push({ ...r });
  }
  return merged;
}
