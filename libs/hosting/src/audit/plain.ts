/**
 * A decider's state as JSON shows it: a Map becomes an object (its keys as strings), a Set an
 * array, a Date its ISO time; everything else as `JSON.stringify` would write it. Pure.
 */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) {
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), plain(v)]));
  }
  if (value instanceof Set) return [...value].map(plain);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && typeof v !== 'function')
        .map(([k, v]) => [k, plain(v)]),
    );
  }
  return value;
}
