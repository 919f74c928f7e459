import { diffWordsWithSpace } from 'diff';
import type { ProseDiff, ProsePart } from './change.js';

/**
 * A word diff of two texts. Whitespace runs are tokens too, so the parts
 * rebuild both texts exactly. A space alone between two edits is folded into
 * them, so a rewritten phrase reads as one deletion and one insertion rather
 * than alternating words.
 *
 * @example
 * proseDiff('requires MD review', 'requires medical director review').parts
 * // => [{ op: 'equal', text: 'requires ' }, { op: 'delete', text: 'MD ' },
 * //     { op: 'insert', text: 'medical director ' }, { op: 'equal', text: 'review' }]
 */
export function proseDiff(before: string, after: string): ProseDiff {
  const raw: ProsePart[] = diffWordsWithSpace(before, after).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
  const parts: ProsePart[] = [];
  let i = 0;
  while (i < raw.length) {
    if ((raw[i] as ProsePart).op === 'equal') {
      parts.push(raw[i] as ProsePart);
      i += 1;
      continue;
    }
    // A run of edits, with the whitespace-only equal parts strictly inside it.
    let del = '';
    let ins = '';
    let j = i;
    for (; j < raw.length; j += 1) {
      const p = raw[j] as ProsePart;
      if (p.op === 'equal') {
        const next = raw[j + 1];
        if (p.text.trim() !== '' || next === undefined || next.op === 'equal') break;
        del += p.text;
        ins += p.text;
      } else if (p.op === 'delete') del += p.text;
      else ins += p.text;
    }
    if (del !== '') parts.push({ op: 'delete', text: del });
    if (ins !== '') parts.push({ op: 'insert', text: ins });
    i = j;
  }
  return { parts };
}

/**
 * One side of a prose diff: `before` or `after` text.
 *
 * @example proseSide(proseDiff('a b', 'a c'), 'before') // => 'a b'
 */
export function proseSide(diff: ProseDiff, side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return diff.parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');
}
