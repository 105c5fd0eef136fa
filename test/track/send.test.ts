import { expect } from '@open-wc/testing';
import { configure } from '../../src/core/config.js';
import { recordShare, track } from '../../src/track/index.js';
import { flush, type WomEvent } from '../../src/track/send.js';

/** What the test server's recording endpoint received (see test/track/recorder.js). */
interface Received {
  contentType: string;
  body: string;
}

let bucket = 0;
/** Points the tracker at a fresh recording bucket; returns its URL. */
function freshCollector(): string {
  const collector = `/__collect/send-${++bucket}-${Date.now()}`;
  configure({ collector, bots: true, consent: undefined });
  return collector;
}

async function received(collector: string, min = 1): Promise<Received[]> {
  return (await fetch(`${collector}?min=${min}`)).json();
}

const events = (records: Received[]): WomEvent[] => records.flatMap((record) => JSON.parse(record.body).events);

describe('sending events', () => {
  it('sends a burst of events in one text/plain request in the wire format', async () => {
    const collector = freshCollector();
    track('one');
    track('two', { item: 'x' });
    track('three');
    const [request] = await received(collector);
    expect(request.contentType).to.equal('text/plain;charset=UTF-8');
    const body = JSON.parse(request.body);
    expect(body.v).to.equal(1);
    expect(body.site).to.equal(location.host);
    expect(body.events.map((event: WomEvent) => event.type)).to.deep.equal(['one', 'two', 'three']);
    const [first, second] = body.events;
    expect(first.id).to.match(/^[\w-]{21}$/);
    expect(first.id).not.to.equal(second.id);
    expect(first.ts).to.be.a('number');
    expect(first.url).to.equal(`${location.origin}${location.pathname}`);
    expect(second.item).to.equal('x');
    // Anonymous mode: no visitor id exists.
    expect(first).not.to.have.property('visitor');
    // The next event is the next request: the first held all three.
    track('sentinel');
    const records = await received(collector, 2);
    expect(records).to.have.length(2);
    expect(events([records[1]]).map((event) => event.type)).to.deep.equal(['sentinel']);
  });

  it('records the page without its fragment or a parameter the site does not keep, a same-origin canonical first', async () => {
    const collector = freshCollector();
    const address = location.href;
    const canonical = document.createElement('link');
    canonical.rel = 'canonical';
    try {
      history.replaceState(history.state, '', `${location.pathname}?token=secret&page=2&utm_source=news#access_token=abc`);
      configure({ keepParams: ['page'] });
      track('address');
      canonical.href = `${location.origin}/canonical/post?ref=x`;
      document.head.append(canonical);
      track('canonical');
      canonical.href = 'https://elsewhere.example/post';
      track('foreign');
      track('another', { url: 'https://blog.example/a?token=1&page=3#x' });
      const [own, same, foreign, another] = events(await received(collector));
      expect(own.url).to.equal(`${location.origin}${location.pathname}?page=2`);
      expect(same.url).to.equal(`${location.origin}/canonical/post?page=2`);
      expect(foreign.url).to.equal(own.url);
      expect(another.url).to.equal('https://blog.example/a?page=3');
      // The reader's address bar keeps what they see.
      expect(location.hash).to.equal('#access_token=abc');
    } finally {
      canonical.remove();
      history.replaceState(history.state, '', address);
      configure({ keepParams: [] });
    }
  });

  it('hands a share and the rest of its burst to the browser at once, without waiting for the burst timer', async () => {
    // A reader who shares and leaves at once may be gone before the timer fires: pagehide does
    // not always get to run on a loaded machine, and the view and the share were lost.
    const collector = freshCollector();
    const beacon = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon')!;
    const handed: string[] = [];
    Object.defineProperty(Navigator.prototype, 'sendBeacon', {
      configurable: true,
      value(this: Navigator, url: string, body: string) {
        handed.push(...JSON.parse(body).events.map((event: WomEvent) => event.type));
        return beacon.value.call(this, url, body);
      },
    });
    let atOnce: string[];
    try {
      track('view');
      recordShare('x7Qp0aZ3kd', 'telegram', 'button');
      // One turn of the microtask queue: no timer has run.
      await Promise.resolve();
      atOnce = [...handed];
    } finally {
      Object.defineProperty(Navigator.prototype, 'sendBeacon', beacon);
      flush(); // whatever is still waiting goes to this test's collector, not the next test's
    }
    expect(atOnce).to.deep.equal(['view', 'share']);
    expect(events(await received(collector)).map((event) => event.type)).to.deep.equal(['view', 'share']);
  });

  it('splits a large queue into requests under 60 KB, each event sent once and in order', async () => {
    const collector = freshCollector();
    const padding = 'p'.repeat(1000);
    for (let i = 0; i < 150; i++) track('bulk', { n: i, padding });
    flush();
    const records = await received(collector, 3);
    expect(records.length).to.be.within(3, 4);
    for (const record of records) expect(new Blob([record.body]).size).to.be.at.most(60 * 1024);
    const sent = events(records)
      .map((event) => event.n as number)
      .sort((a, b) => a - b);
    expect(sent).to.deep.equal([...Array(150).keys()]);
  });

  it('falls back to a keepalive fetch where sendBeacon is missing', async () => {
    const collector = freshCollector();
    const beacon = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon')!;
    Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined, configurable: true });
    try {
      track('fetched');
      flush();
    } finally {
      Object.defineProperty(Navigator.prototype, 'sendBeacon', beacon);
    }
    const records = await received(collector);
    expect(records[0].contentType).to.equal('text/plain;charset=UTF-8');
    expect(events(records).map((event) => event.type)).to.deep.equal(['fetched']);
  });

  it('does not send an event over 30 KB, with a warning', async () => {
    const collector = freshCollector();
    const warn = console.warn;
    const warnings: unknown[][] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      track('huge', { padding: 'h'.repeat(40_000) });
    } finally {
      console.warn = warn;
    }
    track('small');
    flush();
    expect(events(await received(collector)).map((event) => event.type)).to.deep.equal(['small']);
    expect(warnings).to.deep.equal([['wom: event too large', 'huge']]);
  });

  it('sends nothing and queues nothing without a collector', async () => {
    const collector = freshCollector();
    configure({ collector: '' });
    track('lost');
    flush();
    configure({ collector });
    track('kept');
    flush();
    expect(events(await received(collector)).map((event) => event.type)).to.deep.equal(['kept']);
  });

  it('sends nothing from an automated browser unless the site opts in', async () => {
    const collector = freshCollector();
    expect(navigator.webdriver).to.equal(true);
    configure({ bots: false });
    track('bot');
    flush();
    configure({ bots: true });
    track('allowed');
    flush();
    expect(events(await received(collector)).map((event) => event.type)).to.deep.equal(['allowed']);
  });
});
