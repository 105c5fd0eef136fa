/** The tracking-only script-tag bundle (`dist/wom-track.min.js`): no UI. */
import { installGlobal } from './track/global.js';

installGlobal(document.currentScript);
