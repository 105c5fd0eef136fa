#!/usr/bin/env node
/**
 * Checks custom-elements.json after `npm run analyze`: every element is named by the tag
 * it is defined under (its `static tag`), so that editors and Storybook map the tag to its
 * docs, and documents its events, CSS parts and CSS custom properties (`@fires`,
 * `@csspart`, `@cssprop`), each with a description. Prints every gap and fails.
 */
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));

const gaps = [];
for (const module of manifest.modules) {
  for (const element of (module.declarations ?? []).filter((declaration) => declaration.customElement)) {
    const where = `${module.path} ${element.name}`;
    // The analyzer writes a field's initializer as source text: "'wom-share'".
    const tag = element.members?.find((member) => member.static && member.name === 'tag')?.default?.replace(/^'|'$/g, '');
    if (!element.tagName) gaps.push(`${where}: no tagName (add \`@tagname ${tag ?? 'wom-…'}\` to its JSDoc)`);
    else if (element.tagName !== tag) gaps.push(`${where}: tagName ${element.tagName}, but it is defined as ${tag}`);
    for (const [field, jsdoc] of [['events', '@fires'], ['cssParts', '@csspart'], ['cssProperties', '@cssprop']]) {
      const documented = element[field] ?? [];
      if (!documented.length) gaps.push(`${where}: no ${jsdoc}`);
      for (const { name } of documented.filter((entry) => !entry.description)) gaps.push(`${where}: ${jsdoc} ${name} has no description`);
    }
  }
}
if (gaps.length) {
  console.error(`custom-elements.json: ${gaps.length} gap(s):\n  ${gaps.join('\n  ')}`);
  process.exit(1);
}
