/**
 * Characters that must never reach a terminal or a log raw: C0 and C1 controls,
 * DEL, the line and paragraph separators, and the bidirectional overrides
 * (which can make a value read backwards).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * The text with every control character escaped JSON-style (`\n`, `\u0001`), so
 * a message shows what was really there and no escape sequence reaches a terminal.
 *
 * @example
 * escapeControl('2021-01-01\u0001'); // => '2021-01-01\\u0001'
 */
export function escapeControl(text: string): string {
  return text.replace(
    UNSAFE,
    (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The longest preview of a value a message shows, in characters. */
export const PREVIEW_LENGTH = 60;
/** How deep a preview looks into nested lists and objects. */
export const PREVIEW_DEPTH = 3;

/**
 * A short, JSON-like preview of any value, bounded in depth and length whatever
 * the value is: a value nested 100,000 deep, cyclic, huge, or with throwing
 * getters gives a short string, never an exception. Control characters are escaped.
 *
 * @example
 * previewValue({ a: [1, 2] }); // => '{"a":[1,2]}'
 * previewValue('x'.repeat(100)); // => 'xxx...x...' (60 characters)
 */
export function previewValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : preview(value, PREVIEW_DEPTH, PREVIEW_LENGTH + 1);
  } catch {
    text = '(a value that cannot be shown)';
  }
  text = escapeControl(text);
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 3)}...` : text;
}

/** JSON-like text of `value`, at most about `budget` characters, `depth` levels deep. */
function preview(value: unknown, depth: number, budget: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > budget ? value.slice(0, budget) : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
    case 'function':
      return `[${typeof value}]`;
  }
  if (value === null) return 'null';
  if (depth === 0) return Array.isArray(value) ? '[...]' : '{...}';
  const open = Array.isArray(value) ? '[' : '{';
  const close = Array.isArray(value) ? ']' : '}';
  let out = open;
  let first = true;
  const add = (part: string): boolean => {
    out += (first ? '' : ',') + part;
    first = false;
    return out.length < budget;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (!add(preview(value[i], depth - 1, budget - out.length))) return `${out}...`;
  } else {
    for (const key in value as object) {
      if (!Object.hasOwn(value as object, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      if (!add(`${JSON.stringify(key)}:${preview(item, depth - 1, budget - out.length)}`))
        return `${out}...`;
    }
  }
  return out + close;
}

/** What kind of value was given, without showing it: `a string`, `a list`, `nothing`... */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'the list given';
  const t = typeof value;
  return t === 'object' ? 'the object given' : `the ${t} given`;
}
