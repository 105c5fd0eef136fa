/** A network's logo. */
export interface Logo {
  /** One SVG path on a 24×24 grid. */
  path: string;
  /**
   * Its colour on light and on dark controls, each darkened or lightened just enough for
   * 3:1 against the control at rest and hovered (WCAG 1.4.11, graphics). Absent: the text
   * colour (X, Threads and the generic glyphs).
   */
  brand?: [light: string, dark: string];
}
