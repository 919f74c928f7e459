/**
 * `text` as a dollar-quoted SQL string constant (`$crd$...$crd$`): no character
 * inside is special, whatever `standard_conforming_strings` says, so nothing is
 * escaped and the text is not scanned by JavaScript beyond the tag search. The
 * tag is one that does not occur in `text` + tag before the closing one (a text
 * ending in `$crd` would otherwise close early).
 *
 * @example dollarQuoted("it's") // => "$crd$it's$crd$"
 */
export const dollarQuoted = (text: string): string => {
  let tag = '$crd$';
  for (let i = 0; `${text}${tag}`.indexOf(tag) !== text.length; i++) tag = `$crd${i}$`;
  return `${tag}${text}${tag}`;
};
