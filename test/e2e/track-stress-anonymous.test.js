/** Delivery under a slow machine, anonymous readers (no consent: nothing kept for a later page). See track-stress.js. */
import { stressDelivery } from './track-stress.js';

stressDelivery({ consent: undefined });
