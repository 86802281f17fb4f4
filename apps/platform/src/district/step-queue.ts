/** A step of the simulation: due at a moment of simulated time, run once that moment comes. */
export interface Step {
  readonly at: number;
  readonly run: () => Promise<void>;
}

/**
 * Steps in the order of their time (a binary heap; steps at one moment in the order queued), so a
 * year of orders plays through with the clock only moving forward.
 */
export class StepQueue {
  private readonly heap: Array<Step & { readonly seq: number }> = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(step: Step): void {
    this.heap.push({ ...step, seq: this.seq++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The earliest step's time, without taking it. */
  peek(): number | null {
    return this.heap[0]?.at ?? null;
  }

  pop(): Step | null {
    const top = this.heap[0];
    if (!top) return null;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let first = i;
        if (left < this.heap.length && this.before(left, first)) first = left;
        if (right < this.heap.length && this.before(right, first)) first = right;
        if (first === i) break;
        this.swap(i, first);
        i = first;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b]!, this.heap[a]!];
  }
}
