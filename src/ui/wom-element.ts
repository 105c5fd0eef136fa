import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { onConfigure } from '../core/config.js';
import { localeLoaded, resolveMessages, type Messages } from '../core/locale.js';

/**
 * What every wom element shares: registration under its tag, the locale and theme
 * attributes, its messages, and a render after every `configure()` (locale,
 * collector, UTM…) while it is connected.
 *
 * @abstract Each widget extends it and is defined under its own tag.
 */
export class WomElement extends LitElement {
  /** The tag `define()` registers by default. */
  static tag: string;

  /** Registers the element under `tag` (once). */
  static define(tag = this.tag, registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  /** Locale override (`de`, `fa`, `pl-PL`…). */
  @property() locale?: string;

  /** `light` or `dark`; default follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The strings in the element's language. */
  protected messages: Messages = resolveMessages(this);

  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onConfigure(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /**
   * What must load before `el` renders: its locale's strings (a widget adds its logos).
   * Reads the attributes where no property is set yet, so that the script tag's loader
   * can load them before it defines the element (which then renders at once).
   */
  static loads(el: WomElement): (Promise<unknown> | undefined)[] {
    return [localeLoaded(el, el.locale ?? el.getAttribute('locale'))];
  }

  /** Renders once what it shows has loaded, so that no other language or empty logo flashes first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = (this.constructor as typeof WomElement).loads(this).filter(Boolean);
    return loading.length ? Promise.all(loading).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.messages = resolveMessages(this, this.locale);
  }

  /** The writing direction: the element's own `dir` attribute, else its locale's. */
  protected get direction(): string {
    return this.getAttribute('dir') || this.messages.$dir;
  }
}
