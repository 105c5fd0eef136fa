import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError } from './api.js';
import type { DashboardMessages } from './locales/index.js';

/** Fired (bubbling, composed) when the collector answers 401: the app signs out. */
export const unauthorized = 'wom-unauthorized';

/**
 * Loads a view's data and keeps its state (loading, ready, error) for the template.
 * Only the latest call counts, so a slow answer for an old range never overwrites a new one.
 */
export class Loader<T> implements ReactiveController {
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  value?: T;
  error?: ApiError;
  private calls = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly load: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** (Re)loads; resolves when the view can render the outcome. */
  async reload(): Promise<void> {
    const call = ++this.calls;
    this.status = 'loading';
    this.host.requestUpdate();
    try {
      const value = await this.load();
      if (call !== this.calls) return;
      [this.value, this.status] = [value, 'ready'];
    } catch (error) {
      if (call !== this.calls) return;
      this.error = error instanceof ApiError ? error : new ApiError(0, String(error));
      this.status = 'error';
      if (this.error.status === 401) this.host.dispatchEvent(new CustomEvent(unauthorized, { bubbles: true, composed: true }));
    }
    this.host.requestUpdate();
  }

  /** The loading or error state, or `ready(value)`. */
  render(m: DashboardMessages, ready: (value: T) => unknown): unknown {
    if (this.status === 'ready') return ready(this.value as T);
    if (this.status === 'error') {
      const error = this.error as ApiError;
      return html`<div class="error" role="alert">
        <p>${m.loadFailed(error.status === 0 ? m.unreachable : error.message)}</p>
        <button type="button" @click=${() => this.reload()}>${m.retry}</button>
      </div>`;
    }
    return this.status === 'loading' ? loading(m) : nothing;
  }
}

export const loading = (m: DashboardMessages): TemplateResult =>
  html`<p class="loading" role="status" aria-live="polite">${m.loading}</p>`;
