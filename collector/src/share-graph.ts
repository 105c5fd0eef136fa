/**
 * The share graph of one page, built from untrusted events (PRODUCT.md, "The share graph
 * is untrusted input"): each share id has one parent, the `ref` of the first share event
 * received for it, and a share whose chain of parents leads back to itself is a seed, as
 * if its `ref` had never been received. Every step is a loop over the shares, so the work
 * is linear in them whatever graph was sent, and no depth anyone chooses becomes a depth
 * of recursion.
 */

/** What the graph needs of a share event. */
export interface ShareEventLike {
  share: string;
  ref: string | null;
}

/** The first event of a share id, its parent share (null for a seed) and its generation. */
export type Share<E extends ShareEventLike> = E & { parent: string | null; generation: number };

/**
 * @param events share events in the order they were received
 * @returns every share id once, parents before children
 */
export function shareGraph<E extends ShareEventLike>(events: Iterable<E>): Map<string, Share<E>> {
  const first: Map<string, E> = new Map();
  for (const event of events) if (!first.has(event.share)) first.set(event.share, event);

  const cyclic = onCycles(first);
  const children: Map<string, string[]> = new Map();
  const queue: Share<E>[] = [];
  for (const event of first.values()) {
    const { share, ref } = event;
    if (ref === null || !first.has(ref) || cyclic.has(share)) {
      // The contract's seed: no ref is generation 0; a ref never received (or unusable) is
      // taken as a share of generation 0, so the share was made at generation 1.
      queue.push({ ...event, parent: null, generation: ref === null ? 0 : 1 });
    } else {
      const siblings = children.get(ref);
      if (siblings) siblings.push(share);
      else children.set(ref, [share]);
    }
  }
  // Breadth first from the seeds: every share not on a cycle leads up to a seed or a cycle.
  for (let i = 0; i < queue.length; i++) {
    const { share, generation } = queue[i];
    for (const child of children.get(share) ?? []) {
      queue.push({ ...(first.get(child) as E), parent: share, generation: generation + 1 });
    }
  }
  return new Map(queue.map((s) => [s.share, s]));
}

/**
 * The shares whose chain of first parents comes back to them. Each share has at most one
 * parent, so each walk up the chain stops at a share already walked, and every share is
 * walked once.
 */
function onCycles(first: Map<string, { ref: string | null; }>): Set<string> {
  /** the walk that reached each share */
  const walkOf: Map<string, number> = new Map();
  const cyclic: Set<string> = new Set();
  let walk = 0;
  for (const start of first.keys()) {
    if (walkOf.has(start)) continue;
    walk++;
    let share: string | null = start;
    while (share !== null && first.has(share) && !walkOf.has(share)) {
      walkOf.set(share, walk);
      share = (first.get(share) as { ref: string | null }).ref;
    }
    // Back at a share of this very walk: it and the shares after it up the chain form a cycle.
    if (share !== null && walkOf.get(share) === walk) {
      for (let s = share; !cyclic.has(s); s = ((first.get(s) as ShareEventLike).ref as string)) cyclic.add(s);
    }
  }
  return cyclic;
}
