/** Delivery under a slow machine, readers who granted consent (a visitor id, unsent events kept). See track-stress.js. */
import { stressDelivery } from './track-stress.js';

stressDelivery({ consent: 'granted' });
