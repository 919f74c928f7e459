/// <reference lib="dom" />
/**
 * The diff chooser: two revisions picked, the page of that ordered pair opened.
 * It needs no policy data, so the diff pages load it alone (`assets/diff.js`,
 * entry `diff.ts`) rather than the whole bundle (`main.ts`).
 */
export function initDiffChooser(form: HTMLFormElement): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const from = (form.elements.namedItem('from') as HTMLSelectElement).value;
    const to = (form.elements.namedItem('to') as HTMLSelectElement).value;
    const error = form.querySelector<HTMLElement>('#diff-error');
    if (from === to) {
      if (error) {
        error.textContent = 'Choose two different revisions.';
        error.hidden = false;
      }
      return;
    }
    // Every ordered pair is its own page beside this one (served or exported alike).
    window.location.href = `${from}-to-${to}.html`;
  });
}
