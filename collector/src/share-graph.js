// @ts-check
/**
 * The share graph of one page, built from untrusted events (PRODUCT.md, "The share graph
 * is untrusted input"): each share id has one parent, the `ref` of the first share event
 * received for it, and a share whose chain of parents leads back to itself is a seed, as
 * if its `ref` had never been received. Every step is a loop over the shares, so the work
 * is linear in them whatever graph was sent, and no depth anyone chooses becomes a depth
 * of recursion.
 */

/**
 * @template {{ share: string, ref: string | null }} E
 * @typedef {E & { parent: string | null, generation: number }} Share the first event of a
 *   share id, its parent share (null for a seed) and its generation
 */

/**
 * @template {{ share: string, ref: string | null }} E
 * @param {Iterable<E>} events share events in the order they were received
 * @returns {Map<string, Share<E>>} every share id once, parents before children
 */
export function shareGraph(events) {
  /** @type {Map<string, E>} */
  const first = new Map();
  for (const event of events) if (!first.has(event.share)) first.set(event.share, event);

  const cyclic = onCycles(first);
  /** @type {Map<string, string[]>} */
  const children = new Map();
  /** @type {Share<E>[]} */
  const queue = [];
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
      queue.push({ .../** @type {E} */ (first.get(child)), parent: share, generation: generation + 1 });
    }
  }
  return new Map(queue.map((s) => [s.share, s]));
}

/**
 * The shares whose chain of first parents comes back to them. Each share has at most one
 * parent, so each walk up the chain stops at a share already walked, and every share is
 * walked once.
 * @param {Map<string, { ref: string | null }>} first
 * @returns {Set<string>}
 */
function onCycles(first) {
  /** @type {Map<string, number>} the walk that reached each share */
  const walkOf = new Map();
  /** @type {Set<string>} */
  const cyclic = new Set();
  let walk = 0;
  for (const start of first.keys()) {
    if (walkOf.has(start)) continue;
    walk++;
    /** @type {string | null} */
    let share = start;
    while (share !== null && first.has(share) && !walkOf.has(share)) {
      walkOf.set(share, walk);
      share = /** @type {{ ref: string | null }} */ (first.get(share)).ref;
    }
    // Back at a share of this very walk: it and the shares after it up the chain form a cycle.
    if (share !== null && walkOf.get(share) === walk) {
      for (let s = share; !cyclic.has(s); s = /** @type {string} */ (/** @type {{ ref: string | null }} */ (first.get(s)).ref)) cyclic.add(s);
    }
  }
  return cyclic;
}
