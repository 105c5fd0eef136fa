#!/usr/bin/env node
/**
 * Checks the rooms of ARCHITECTURE.md: each folder of src/ (and the collector's dashboard) imports
 * only from the rooms and packages it may. Prints every forbidden import and fails;
 * silent when the rule holds. Run first in `npm test` (about 2 s, most of it loading TypeScript).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const root = join(dirname(new URL(import.meta.url).pathname), '..');

/** What each room may import: rooms (folders) and packages. */
const rules = {
  locales: ['locales'],
  core: ['core', 'locales', 'nanoid'],
  track: ['track', 'core', 'nanoid', 'web-vitals'],
  ui: ['ui', 'core', 'locales', 'track', 'lit'],
  share: ['share', 'ui', 'core', 'locales', 'track', 'lit'],
  repost: ['repost', 'ui', 'core', 'locales', 'track', 'lit'],
  review: ['review', 'ui', 'core', 'locales', 'track', 'lit'],
  // The script tag's loader: it fetches the chunks and hands them its modules (`wom:build`,
  // written by rollup.config.js, names the chunks and those modules).
  load: ['load', 'wom:build', 'track', 'core', 'web-vitals'],
  // The bundles' and packages' entry points (src/*.ts) put the rooms together.
  entry: ['entry', 'load', 'wom:build', 'share', 'repost', 'review', 'ui', 'core', 'locales', 'track', 'lit'],
  // The dashboard is the collector's app: it reads the collector's types and CSV, never the widgets' source.
  dashboard: ['dashboard', 'collector', 'lit', '@observablehq/plot'],
};

/** The room of a file: its folder under src/ (`entry` for src/*.ts), `dashboard`, else its top folder (`collector`). */
function roomOf(file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'collector' && parts[1] === 'dashboard') return 'dashboard';
  if (parts[0] !== 'src') return parts[0];
  return parts.length === 2 ? 'entry' : parts[1];
}

/** The room or package an import specifier names, seen from `file`. */
function target(file, specifier) {
  if (specifier.startsWith('.')) return roomOf(join(dirname(file), specifier));
  const [scope, name] = specifier.split('/');
  const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
  return pkg.startsWith('@lit/') || pkg.startsWith('@lit-labs/') ? 'lit' : pkg;
}

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const broken = [];
for (const file of [...sources(join(root, 'src')), ...sources(join(root, 'collector', 'dashboard', 'src'))]) {
  const room = roomOf(file);
  // TypeScript's own scanner: every import, export … from, import() and import type.
  for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
    const to = target(file, specifier);
    if (!rules[room]?.includes(to)) {
      const allowed = rules[room]?.join(', ') ?? 'nothing (a new room: add it to scripts/rooms.js and ARCHITECTURE.md)';
      broken.push(`${relative(root, file)} imports '${specifier}' (${to}); ${room} may import: ${allowed}`);
    }
  }
}
if (broken.length) {
  console.error(`rooms: ${broken.length} import(s) break ARCHITECTURE.md's rooms:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
