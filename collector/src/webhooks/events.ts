/** The webhook events ingest announces, read in its transaction (commit.ts). */
import type { Database } from '../types.js';
import type { WebhookEvent } from './outbox.js';

/** What a conversion event carries of a stored `convert` event. */
export interface StoredConversion {
  site: string;
  url: string;
  ref: string | null;
  name: string | null;
  value: number | null;
  currency: string | null;
}

/**
 * `conversion` events for conversions just stored, each with the generation and network of
 * the share it came through (lineage's `shares`, which this transaction already holds):
 * generation 0 without a ref, 1 through a share never received (PRODUCT.md).
 */
export async function conversionEvents(trx: Database, conversions: StoredConversion[]): Promise<WebhookEvent[]> {
  const refs = [...new Set(conversions.map((c) => c.ref).filter((r): r is string => r !== null))];
  /** generation and network of each share named, by site */
  const shares: Map<string, { generation: number; network: string | null }> = new Map();
  for (let i = 0; i < refs.length; i += 200) {
    const rows = await trx.selectFrom('shares').select(['site', 'share', 'generation', 'network']).where('share', 'in', refs.slice(i, i + 200)).execute();
    for (const row of rows) shares.set(`${row.site}\n${row.share}`, { generation: Number(row.generation), network: row.network });
  }
  return conversions.map(({ site, url, ref, name, value, currency }) => {
    const share = ref === null ? undefined : shares.get(`${site}\n${ref}`);
    const generation = ref === null ? 0 : (share?.generation ?? 0) + 1;
    return { type: 'conversion', site, data: { name, value, currency, url, generation, network: share?.network ?? null } };
  });
}
