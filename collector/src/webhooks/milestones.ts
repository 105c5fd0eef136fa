/**
 * `cascade.milestone`: a cascade of a page (a seed share and every share descending from
 * it, lineage.ts) reaching 10, 100, 1,000 or 10,000 shares, or a depth of 3, 5 or 10
 * re-shares below its seed. Each milestone of a cascade is recorded (`milestones`) in the
 * ingest transaction that reaches it, and announced once, never again.
 */
import type { TouchedCascade } from '../lineage.js';
import type { Database } from '../types.js';
import type { WebhookEvent } from './outbox.js';

export const milestones = { size: [10, 100, 1000, 10_000], depth: [3, 5, 10] } as const;

/** Records the milestones the cascades just reached, and returns their events. */
export async function milestoneEvents(trx: Database, cascades: TouchedCascade[]): Promise<WebhookEvent[]> {
  const events: WebhookEvent[] = [];
  for (const cascade of cascades) {
    const { site, url, root, size, depth, before } = cascade;
    const reached = (Object.keys(milestones) as (keyof typeof milestones)[]).flatMap((kind) =>
      milestones[kind].filter((level) => before[kind] < level && level <= cascade[kind]).map((level) => ({ kind, level })),
    );
    for (const { kind, level } of reached) {
      // A rebuilt page may recount a cascade below a milestone it had passed: the row stays.
      const [recorded] = await trx.insertInto('milestones').values({ site, url, root, kind, level }).onConflict((oc) => oc.doNothing()).execute();
      if (Number(recorded.numInsertedOrUpdatedRows)) events.push({ type: 'cascade.milestone', site, data: { url, root, size, depth, milestone: { [kind]: level } } });
    }
  }
  return events;
}
