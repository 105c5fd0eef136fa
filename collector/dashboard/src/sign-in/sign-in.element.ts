import { LitElement, css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { DashboardMessages } from '../locales/index.js';
import { base } from '../styles.js';

/** Detail of the `wom-sign-in` event. */
export interface SignInDetail {
  token: string;
}

/**
 * The token form. It only collects the token; the app checks it against the collector
 * and sets `error` when it was refused.
 *
 * @tagname wom-sign-in
 * @summary Sign-in with the collector's token.
 * @fires wom-sign-in - On submit, with `detail.token`.
 */
export class WomSignIn extends LitElement {
  static override styles = [
    base,
    css`
      form { display: grid; gap: 0.5rem; max-inline-size: 28rem; }
      input { inline-size: 100%; box-sizing: border-box; }
      button { justify-self: start; }
    `,
  ];

  static define(tag = 'wom-sign-in', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, this);
  }

  @property({ attribute: false }) messages?: DashboardMessages;
  /** Why the last attempt failed, shown under the field. */
  @property() error = '';
  /** True while the token is being checked. */
  @property({ type: Boolean }) busy = false;

  @query('input') private input!: HTMLInputElement;

  protected override render() {
    const m = this.messages;
    if (!m) return null;
    return html`<section>
      <h2>${m.signIn}</h2>
      <form @submit=${this.submit}>
        <label for="token">${m.token}</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required
          aria-describedby="help error" aria-invalid=${this.error ? 'true' : 'false'} />
        <p id="help" class="muted">${m.tokenHelp}</p>
        <p id="error" class="error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${m.signIn}</button>
      </form>
    </section>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const token = this.input.value.trim();
    if (token) this.dispatchEvent(new CustomEvent<SignInDetail>('wom-sign-in', { detail: { token }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wom-sign-in': WomSignIn;
  }
}
