/**
 * A cache keyed by short strings (normalised text, folded keys, a cell's reading),
 * bounded because a Worker isolate lives across runs and units. Two generations: when
 * the young one is full it becomes the old one and the old one is dropped, and a hit in
 * the old one moves back, so what is used often stays and nothing is scanned to find
 * what to drop. Long texts are not kept: they are one-offs (content, names) and would
 * hold memory for nothing.
 */
export class StringCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly generation: number;
  private readonly longest: number;

  /**
   * `generation` entries a generation (at most twice that are held), keys of at most
   * `longest` characters.
   */
  constructor(generation = 5_000, longest = 128) {
    this.generation = generation;
    this.longest = longest;
  }

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (key.length > this.longest) return;
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
