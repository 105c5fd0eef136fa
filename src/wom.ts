/**
 * The script-tag bundle (`dist/wom.min.js`): tracking at once, and each element's code
 * (a chunk beside this script) when the page first holds its tag.
 */
import { elements, shared } from 'wom:build';
import { guard } from './core/emit.js';
import { importChunk } from './load/chunk.js';
import { watch } from './load/watch.js';
import { installGlobal } from './track/global.js';

/** What an element's chunk exports. */
interface ElementChunk {
  connect(modules: typeof shared): void;
  element: { define(): void };
}

installGlobal(document.currentScript);
guard(watch)(elements, (tag) =>
    void importChunk<ElementChunk>(tag).then(
      guard(({ connect, element }) => {
        connect(shared);
        element.define();
      }),
    ),
);
