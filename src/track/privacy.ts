import { config } from '../core/config.js';

/**
 * The reader said no: consent `denied`, or the browser asks not to be tracked
 * (Global Privacy Control, Do Not Track) and the site has not overridden it.
 */
export const denied = (): boolean =>
  config.consent === 'denied' ||
  (!config.overridePrivacySignals &&
    (!!(navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl || navigator.doNotTrack === '1'));

/** Events may be sent: a collector is set, nothing is denied, and this is no automated browser (unless the site wants those). */
export const allowed = (): boolean => !!config.collector && !denied() && (!!config.bots || !navigator.webdriver);

/** Events may also be stored on the device: allowed, and the reader granted consent. */
export const persisting = (): boolean => allowed() && config.consent === 'granted';
