/**
 * The script-tag bundle (`dist/wom.min.js`): tracking at once, and each element's code
 * (a chunk beside this script) when the page first holds its tag.
 */
import { elements, shared } from 'wom:build';
import { guard } from './core/emit.js';
import { importChunk } from './load/chunk.js';
import { loadSender } from './load/send.js';
import { watch } from './load/watch.js';
import { installGlobal } from './track/global.js';
import type { WomElement } from './ui/wom-element.js';

/** What an element's chunk exports. */
interface ElementChunk {
  connect(modules: typeof shared): void;
  element: typeof WomElement;
}

installGlobal(document.currentScript);
guard(watch)(elements, (tag) =>
    void importChunk<ElementChunk>(tag).then(
      guard(({ connect, element }) => {
        connect(shared);
        // The strings and logos of the elements already there first: defined, each renders at once
        // (a page's `:not(:defined)` placeholder holds its place until then). With a collector, the
        // sending half too, so that a share, often the reader's last act on the page, never waits for it.
        const instances = [...document.querySelectorAll<WomElement>(tag)];
        void Promise.all([loadSender(), ...instances.flatMap((el) => element.loads(el))]).then(() => element.define());
      }),
    ),
);
