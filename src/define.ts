/** Registers every wom element under its default tag. */
import './share/define.js';
import './repost/define.js';
import './review/define.js';
