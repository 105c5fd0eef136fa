/**
 * Runtime configuration shared by the tracker and every widget. The script tag's
 * `data-*` attributes and `configure()` both write here.
 */
export type ConsentState = 'granted' | 'denied';

export interface WomOptions {
  /** Ingest URL (the collector's `POST /e`). Absent: widgets work, nothing is sent. */
  collector?: string;
  /** Site id stored with every event. Default: the page's host. */
  site?: string;
  /** Query parameter carrying the referral id. Default `wom`. */
  param?: string;
  /** `granted` or `denied`; absent means anonymous mode. */
  consent?: ConsentState;
  /** Locale override for every widget. */
  locale?: string;
  /** Add `utm_source=<network>&utm_medium=social` to shared links. */
  utm?: boolean;
  /** Report web vitals (only when a collector is set). Default true. */
  vitals?: boolean;
  /** Send events from automated browsers (`navigator.webdriver`). Default false. */
  bots?: boolean;
  /** Ignore Global Privacy Control and Do Not Track (the site has its own consent). */
  overridePrivacySignals?: boolean;
  /** Attribution window with consent, in days. Default 30. */
  attributionDays?: number;
  /**
   * Query parameters that tell this site's pages apart (`?page=2`, `?p=42`), kept in the URL
   * events record; every other parameter and the fragment are left out. Default none.
   */
  keepParams?: string[];
}

export type WomConfig = WomOptions & { param: string; utm: boolean; vitals: boolean };

export const config: WomConfig = { param: 'wom', utm: false, vitals: true };

const listeners = new Set<() => void>();

/** Merges options into the configuration and notifies subscribers (widgets re-render). */
export function configure(options: WomOptions = {}): WomConfig {
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
  }
  if (!/^[\w.~-]{1,32}$/.test(config.param)) {
    console.warn(`wom: invalid referral parameter "${config.param}", using "wom"`);
    config.param = 'wom';
  }
  listeners.forEach((listener) => listener());
  return config;
}

/** Calls `listener` after every `configure()`; returns the unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads the options a script tag carries in its `data-*` attributes. */
export function optionsFromScript(script: HTMLOrSVGScriptElement | null): WomOptions {
  const data = (script as HTMLElement | null)?.dataset ?? {};
  const consent = data.consent === 'granted' || data.consent === 'denied' ? data.consent : undefined;
  return {
    collector: data.collector || undefined,
    site: data.site || undefined,
    param: data.param || undefined,
    consent,
    locale: data.locale || undefined,
    utm: data.utm === 'on' ? true : undefined,
    vitals: data.vitals === 'off' ? false : undefined,
    bots: data.bots === 'on' ? true : undefined,
    overridePrivacySignals: data.privacySignals === 'ignore' ? true : undefined,
    keepParams: data.keepParams?.split(/\s+/).filter(Boolean),
  };
}
