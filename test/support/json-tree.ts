/** Looking into rendered cards and other JSON trees in tests. */
export type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object in a JSON tree that matches `pred`, depth first. */
export function nodes(value: unknown, pred: (o: Obj) => boolean, out: Obj[] = []): Obj[] {
  if (Array.isArray(value)) for (const v of value) nodes(v, pred, out);
  else if (isObj(value)) {
    if (pred(value)) out.push(value);
    for (const v of Object.values(value)) nodes(v, pred, out);
  }
  return out;
}
