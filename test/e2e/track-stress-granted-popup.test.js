/** Delivery under a slow machine: readers who granted consent (a visitor id, unsent events kept) who share and close the tab, the share's popup left open. See track-stress.js. */
import { stressDelivery } from './track-stress.js';

stressDelivery({ consent: 'granted', leave: 'popup' });
