import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { convert, track } from '../../src/track/index.js';
import { flush, type WomEvent } from '../../src/track/send.js';

let bucket = 0;
/** Points the tracker at a fresh recording bucket (see test/track/recorder.js). */
function freshCollector(consent?: 'granted'): string {
  const collector = `/__collect/limits-${++bucket}-${Date.now()}`;
  configure({ collector, bots: true, consent });
  return collector;
}

async function sent(collector: string): Promise<WomEvent[]> {
  const records: { body: string }[] = await (await fetch(`${collector}?min=1`)).json();
  return records.flatMap((record) => JSON.parse(record.body).events);
}

/** Runs `fn` and returns what it wrote with console.warn. */
function warnings(fn: () => void): unknown[][] {
  const warn = console.warn;
  const written: unknown[][] = [];
  console.warn = (...args: unknown[]) => written.push(args);
  try {
    fn();
  } finally {
    console.warn = warn;
  }
  return written;
}

const day = 864e5;

// First in this file: the persisted queue is read once per page, at the first event with consent.
describe('the persisted queue', () => {
  it('is pruned of events older than the collector accepts (35 days), with one warning', async () => {
    const now = Date.now();
    const old = (n: number): WomEvent => ({ id: `old${n}`, type: 'view', ts: now - 36 * day - n, url: location.href });
    localStorage.setItem('wom:q', JSON.stringify([old(1), { id: 'recent', type: 'view', ts: now - 34 * day, url: location.href }, old(2)]));
    try {
      const collector = freshCollector('granted');
      const written = warnings(() => track('fresh'));
      flush();
      expect((await sent(collector)).map((event) => event.id === 'recent' || event.type)).to.deep.equal([true, 'fresh']);
      expect(written).to.deep.equal([['wom: dropped unsent events:', 2]]);
    } finally {
      configure({ consent: undefined });
      localStorage.clear();
    }
  });
});

describe('events the collector would refuse', () => {
  const cases: [string, () => void, string][] = [
    ['a capitalised type', () => track('View'), 'invalid type'],
    ['a url over 2,048 characters', () => track('view', { url: `https://blog.example/${'p'.repeat(2040)}` }), 'invalid url'],
    ['a conversion value that is not finite', () => convert('buy', { value: Infinity }), 'invalid value'],
    ['a conversion value over 1e9', () => convert('buy', { value: 1e308 }), 'invalid value'],
    ['a negative conversion value', () => convert('refund', { value: -5 }), 'invalid value'],
    ['a currency that is not ISO 4217', () => convert('buy', { value: 5, currency: 'euro' }), 'invalid currency'],
    ['a conversion name over 100 characters', () => convert('n'.repeat(101)), 'invalid name'],
    ['a network that is not a key', () => track('share', { share: 'S1', network: 'X Twitter' }), 'invalid network'],
    ['a share without its share id', () => track('share', { network: 'x' }), 'invalid share'],
  ];
  for (const [what, send, problem] of cases) {
    it(`drops ${what} with one warning, unclamped, and sends the others`, async () => {
      const collector = freshCollector();
      track('before');
      const written = warnings(send);
      track('after');
      flush();
      expect((await sent(collector)).map((event) => event.type)).to.deep.equal(['before', 'after']);
      expect(written).to.have.length(1);
      expect(String(written[0][0])).to.contain(problem);
    });
  }

  it('keeps the events at the limits', async () => {
    const collector = freshCollector();
    const written = warnings(() => {
      track('view', { url: `https://blog.example/${'p'.repeat(2048 - 'https://blog.example/'.length)}` });
      convert('buy', { value: 1e9, currency: 'EUR' });
      track('k'.repeat(32));
    });
    flush();
    expect((await sent(collector)).map((event) => event.type)).to.deep.equal(['view', 'convert', 'k'.repeat(32)]);
    expect(written).to.deep.equal([]);
  });
});
