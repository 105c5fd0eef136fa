import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

setCustomElementsManifest(authorFacing(manifest));

/**
 * The manifest as a page author reads it, which Storybook turns into controls and docs tables:
 * - no private members, and no property that only mirrors an attribute (its attribute row says it);
 * - `string | undefined` read as `string`, so that optional attributes get a text control;
 * - parts named `::part(x)`, since Storybook keys rows by name and a part may share one with an
 *   attribute (`label`).
 * Every element has its `tagName` (scripts/manifest.js checks it at build).
 */
function authorFacing({ modules, ...rest }) {
  const optional = ({ type, ...attribute }) =>
    type ? { ...attribute, type: { ...type, text: type.text.replace(/ \| undefined$/, '') } } : attribute;
  const element = ({ members = [], attributes = [], cssParts = [], ...declaration }) => ({
    ...declaration,
    attributes: attributes.map(optional),
    cssParts: cssParts.map((part) => ({ ...part, name: `::part(${part.name})` })),
    members: members.filter(
      (member) =>
        (member.privacy ?? 'public') === 'public' &&
        !member.static &&
        !attributes.some((attribute) => attribute.fieldName === member.name),
    ),
  });
  return {
    ...rest,
    modules: modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((d) => (d.customElement ? element(d) : d)),
    })),
  };
}

/** @type {import('@storybook/web-components-vite').Preview} */
export default {
  // Every stories file gets a docs page built from the manifest.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
  },
};
