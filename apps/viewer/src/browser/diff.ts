/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The diff pages' script (`assets/diff.js`): the diff chooser only. The whole
 * bundle (`main.ts`: the evaluator and every policy, about 460 KB) is for the
 * pages that compute in the browser; the 57 diff pages only navigate.
 */
import { initDiffChooser } from './diff-chooser.js';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-diff-chooser]'))
  initDiffChooser(form);
document.documentElement.setAttribute('data-viewer-ready', 'true');
