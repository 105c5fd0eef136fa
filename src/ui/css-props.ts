import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property names (`inline-size`, `--fill`) and their values; `undefined` removes one. */
export type CssProps = Record<string, string | undefined>;

/**
 * Sets styles on an element through the CSSOM (`element.style.setProperty`), never
 * through a `style` attribute, which `style-src` without `'unsafe-inline'` blocks
 * (Lit's `styleMap` writes the attribute on first render). Used as an element part:
 * `<span ${cssProps({ '--fill': '40%' })}>`.
 * See: https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy/style-src#unsafe-inline
 */
class CssPropsDirective extends Directive {
  private names = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() goes on the element itself: <span ${cssProps({…})}>');
  }

  render(_props: CssProps) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [CssProps]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.names) if (props[name] === undefined) style.removeProperty(name);
    this.names = new Set(Object.keys(props).filter((name) => props[name] !== undefined));
    for (const name of this.names) style.setProperty(name, props[name]!);
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
