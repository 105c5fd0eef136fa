/**
 * The report's generation maths (PRODUCT.md, "Collector"), pure: visits, shares and
 * conversions per generation, depth and the viral coefficient k.
 */
import { generationThrough } from './lineage.js';

export interface Generation {
  generation: number;
  visits: number;
  shares: number;
  conversions: number;
  value: number;
}

/** Generations dense from 0 to `g`, created as they are asked for. */
export function generationTable() {
  const generations: Generation[] = [];
  const at = (g: number) => {
    for (let i = generations.length; i <= g; i++) generations.push({ generation: i, visits: 0, shares: 0, conversions: 0, value: 0 });
    return generations[g];
  };
  return { generations, at };
}

/**
 * A page's generations: its shares at theirs, its views and conversions at the generation
 * of the share they came through.
 *
 * @param generations of the page's shares, by id
 */
export function generationsOf(
  generations: Map<string, number>,
  shares: Iterable<{ generation: number }>,
  views: { ref: string | null; n: number }[],
  conversions: { ref: string | null; value: number | null }[],
): Generation[] {
  const table = generationTable();
  for (const share of shares) table.at(share.generation).shares += 1;
  for (const { ref, n } of views) table.at(generationThrough(generations, ref)).visits += n;
  for (const { ref, value } of conversions) {
    const generation = table.at(generationThrough(generations, ref));
    generation.conversions += 1;
    generation.value += value ?? 0;
  }
  return table.generations;
}

/**
 * The deepest generation with a visit or a share (generations only a conversion reached
 * are listed, but are no part of depth and k).
 */
export const depthOf = (generations: Generation[]) => Math.max(generations.findLastIndex((g) => g.visits > 0 || g.shares > 0), 0);

/**
 * k: visits of generation ≥ 1 over visits of the generations that could refer (all but
 * the deepest). 0 when nothing could refer.
 * @param generations dense, index = generation, up to the depth
 */
export function viralCoefficient(generations: { visits: number }[]) {
  const referring = generations.slice(0, -1).reduce((sum, g) => sum + g.visits, 0);
  const referred = generations.slice(1).reduce((sum, g) => sum + g.visits, 0);
  return referring === 0 ? 0 : referred / referring;
}

export const sum = <T>(items: Iterable<T>, of: (item: T) => number) => {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
};
