/**
 * A memo that cannot grow without bound: a long-running bot sees endless new words. When full it
 * starts afresh, which costs a few recomputations and no bookkeeping on every hit.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key)!;
    if (this.values.size >= this.limit) this.values.clear();
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}
