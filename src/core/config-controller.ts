import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onConfigure } from './config.js';

/** Re-renders its host after every `configure()` (locale, collector, UTM…), while connected. */
export class ConfigController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onConfigure(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}
