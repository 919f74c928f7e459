/**
 * How the viewer names a line of business. The source's own two are Medicare
 * (source:16) and Non-Medicare (source:24); `commercial` is the older id of the
 * second. An id not listed here is shown as it is.
 */
export const lineName: Readonly<Record<string, string>> = {
  medicare: 'Medicare',
  'non-medicare': 'Non-Medicare',
  commercial: 'Non-Medicare',
};

/** The line of business's name, or its id when the viewer has none for it. */
export const lineLabel = (line: string): string => lineName[line] ?? line;
