/**
 * Calls `found(tag)` once for each of `tags` as soon as the document, or an open shadow
 * root in it, holds such an element: those already there when called, and those added
 * later, also into a shadow root attached before its host was inserted (as Lit does).
 * Stops watching once every tag was found.
 */
export function watch(tags: string[], found: (tag: string) => void): void {
  const waiting = new Set(tags);
  const observer = new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(scan)));
  const observe = (root: Node) => observer.observe(root, { childList: true, subtree: true });

  function scan(node: Node): void {
    if (!waiting.size || !(node instanceof Element || node instanceof ShadowRoot)) return;
    for (const el of node instanceof Element ? [node, ...node.querySelectorAll('*')] : node.querySelectorAll('*')) {
      if (waiting.delete(el.localName)) found(el.localName);
      // A shadow root is a tree of its own: the document's observer does not see into it.
      if (el.shadowRoot) {
        observe(el.shadowRoot);
        scan(el.shadowRoot);
      }
    }
    if (!waiting.size) observer.disconnect();
  }

  observe(document);
  scan(document.documentElement);
}
