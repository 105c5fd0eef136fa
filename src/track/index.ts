/**
 * The tracker's public surface, as used by the widgets. PLACEHOLDER until the
 * tracker issue lands: it keeps the signatures so that widgets can call it.
 */
export type ShareVia = 'button' | 'repost' | 'selection' | 'api';

/** Queues an event of `type` with type-specific `fields`. */
export function track(_type: string, _fields: Record<string, unknown> = {}): void {}

/** Records a share action: the minted id, the network and how it was shared. */
export function recordShare(share: string, network: string, via: ShareVia): void {
  track('share', { share, network, via });
}
