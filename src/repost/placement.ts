/** A rectangle in viewport coordinates (a `DOMRect` will do). */
export interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Where to put a popover of `size` for `target` (a selection or a button) in the
 * viewport: below `clear` (what must stay readable: the target and, for a
 * selection, the rest of its paragraph, the lines the reader reads next), else
 * above the target, whichever fits; so it never covers them. Below first: touch
 * browsers put their own selection menu above a selection. Aligned with the
 * target's start edge (left, or right in RTL) and kept `gap` inside the viewport.
 */
export function place(
  target: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  rtl: boolean,
  clear: Box = target,
  gap = 8,
): { left: number; top: number } {
  const below = Math.max(target.bottom, clear.bottom) + gap;
  const above = target.top - gap - size.height;
  const fitsBelow = below + size.height <= viewport.height - gap;
  const fitsAbove = above >= gap;
  const roomier = viewport.height - below >= target.top ? below : above;
  const top = fitsBelow ? below : fitsAbove ? above : roomier;
  const start = rtl ? target.right - size.width : target.left;
  const left = Math.max(gap, Math.min(start, viewport.width - size.width - gap));
  return { left, top };
}
