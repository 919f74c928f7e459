import { diffWordsWithSpace } from 'diff';
import type { ProseDiff } from './change.js';

/**
 * A word diff of two texts. Whitespace runs are tokens too, so the parts
 * rebuild both texts exactly.
 *
 * @example
 * proseDiff('requires MD review', 'requires medical director review').parts
 * // => [{ op: 'equal', text: 'requires ' }, { op: 'delete', text: 'MD' },
 * //     { op: 'insert', text: 'medical director' }, { op: 'equal', text: ' review' }]
 */
export function proseDiff(before: string, after: string): ProseDiff {
  return {
    parts: diffWordsWithSpace(before, after).map((c) => ({
      op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
      text: c.value,
    })),
  };
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
