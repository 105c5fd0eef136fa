/**
 * The manifest's declarations for `npm run analyze`. A class marked `@abstract` in its
 * JSDoc (the shared base, `WomElement`) is kept for the members its elements inherit,
 * but is not an element of its own: it is never defined under a tag.
 */
const abstractClasses = new Set();

export default {
  plugins: [
    {
      name: 'wom-abstract-bases',
      analyzePhase({ ts, node }) {
        if (ts.isClassDeclaration(node) && ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'abstract')) {
          abstractClasses.add(node.name.text);
        }
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (abstractClasses.has(declaration.name)) delete declaration.customElement;
          }
        }
      },
    },
  ],
};
