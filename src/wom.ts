/** The script-tag bundle (`dist/wom.min.js`): tracking plus every element. */
import { installGlobal } from './track/global.js';
import './define.js';

installGlobal(document.currentScript);
