#!/usr/bin/env node
/** `wom-collector`: parses flags (each also read from a WOM_* variable) and listens. */
import { parseArgs } from 'node:util';
import { build } from '../src/app.js';

if (process.argv[2] === 'report') process.exit(await (await import('./report.js')).report(process.argv.slice(3)));

const help = `Usage: wom-collector [options]
       wom-collector report [--db …] [--url U] [--format csv|json]   (see report --help)

  --port N          port to listen on (WOM_PORT, default 8787)
  --host H          address to bind (WOM_HOST, default 0.0.0.0)
  --db PATH|URL     SQLite file, or postgres://user:pass@host/db (WOM_DB, default wom.db)
  --token SECRET    the admin's bearer token: reports, moderation, erasure (WOM_TOKEN;
                    generated and printed once when absent)
  --report-token R  a token that may read reports and exports only (WOM_REPORT_TOKEN)
  --origins A,B     page origins allowed to send, e.g. https://blog.example (WOM_ORIGINS;
                    default any)
  --rate N          requests per minute per client address (IPv6: per /64), 0 for no
                    limit (WOM_RATE, default 1200)
  --quota-events N  events per minute per site, 0 for no quota (WOM_QUOTA_EVENTS,
                    default 60000)
  --quota-urls N    new distinct URLs per day per site, 0 for no quota (WOM_QUOTA_URLS,
                    default 50000)
  --max-connections N
                    open connections at most (WOM_MAX_CONNECTIONS, default 2048)
  --retention P     keep events for P: 30d, 13mo, 2y or off (WOM_RETENTION, default 13mo)
  --moderation M    reviews: all (hold every review for moderation) or auto (publish clean
                    ones, hold suspicious ones) (WOM_MODERATION, default auto)
  --moderation-token T
                    a token that may list and moderate reviews only (WOM_MODERATION_TOKEN)
  --keep-bots       store events from well-known crawlers too (WOM_KEEP_BOTS=1)
  --trust-proxy [P] behind proxies: P hops of X-Forwarded-For are trusted (bare flag:
                    one), or P lists the proxies' addresses/CIDRs, e.g. 10.0.0.0/8,::1
                    (WOM_TRUST_PROXY)
  --log-level L     fatal, error, warn, info, debug (WOM_LOG_LEVEL, default warn)
  --report-timeout S
                    seconds a report may run before it is cancelled with 503
                    (WOM_REPORT_TIMEOUT, default 30)
  --webhook URL     POST signed events to URL (repeatable; WOM_WEBHOOKS, comma-separated);
                    see README, "Notifications"
  --webhook-secret S
                    the webhooks' signing secret (WOM_WEBHOOK_SECRET; generated and
                    printed once when absent)
  --webhook-previous-secret S
                    while rotating the secret, the old one: deliveries carry a signature
                    with each (WOM_WEBHOOK_PREVIOUS_SECRET)
  --webhook-allow-private
                    let webhooks reach loopback, private and link-local addresses
                    (WOM_WEBHOOK_ALLOW_PRIVATE=1)
  --webhook-timeout S
                    seconds a webhook attempt may take (WOM_WEBHOOK_TIMEOUT, default 10)
`;

const env = process.env;
// A bare --trust-proxy trusts one hop.
const args = process.argv.slice(2).map((arg, i, all) =>
  arg === '--trust-proxy' && (i + 1 === all.length || all[i + 1].startsWith('-')) ? '--trust-proxy=1' : arg,
);
const { values: flags } = parseArgs({
  args,
  options: {
    port: { type: 'string', default: env.WOM_PORT ?? '8787' },
    host: { type: 'string', default: env.WOM_HOST ?? '0.0.0.0' },
    db: { type: 'string', default: env.WOM_DB ?? 'wom.db' },
    token: { type: 'string', default: env.WOM_TOKEN },
    origins: { type: 'string', default: env.WOM_ORIGINS ?? '' },
    rate: { type: 'string', default: env.WOM_RATE ?? '1200' },
    'quota-events': { type: 'string', default: env.WOM_QUOTA_EVENTS ?? '60000' },
    'quota-urls': { type: 'string', default: env.WOM_QUOTA_URLS ?? '50000' },
    'max-connections': { type: 'string', default: env.WOM_MAX_CONNECTIONS ?? '2048' },
    retention: { type: 'string', default: env.WOM_RETENTION ?? '13mo' },
    moderation: { type: 'string', default: env.WOM_MODERATION ?? 'auto' },
    'moderation-token': { type: 'string', default: env.WOM_MODERATION_TOKEN },
    'report-token': { type: 'string', default: env.WOM_REPORT_TOKEN },
    'keep-bots': { type: 'boolean', default: env.WOM_KEEP_BOTS === '1' },
    'trust-proxy': { type: 'string', default: env.WOM_TRUST_PROXY },
    'log-level': { type: 'string', default: env.WOM_LOG_LEVEL ?? 'warn' },
    'report-timeout': { type: 'string', default: env.WOM_REPORT_TIMEOUT ?? '30' },
    webhook: { type: 'string', multiple: true, default: (env.WOM_WEBHOOKS ?? '').split(',').filter(Boolean) },
    'webhook-secret': { type: 'string', default: env.WOM_WEBHOOK_SECRET },
    'webhook-previous-secret': { type: 'string', default: env.WOM_WEBHOOK_PREVIOUS_SECRET },
    'webhook-allow-private': { type: 'boolean', default: env.WOM_WEBHOOK_ALLOW_PRIVATE === '1' },
    'webhook-timeout': { type: 'string', default: env.WOM_WEBHOOK_TIMEOUT ?? '10' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (flags.help) {
  process.stdout.write(help);
  process.exit(0);
}
if (flags.moderation !== 'all' && flags.moderation !== 'auto') {
  console.error(`wom-collector: --moderation must be all or auto, got "${flags.moderation}"`);
  process.exit(2);
}
/** The flag's value as a whole number, or exit 2 saying which flag is wrong. */
function wholeNumber(name: 'rate' | 'quota-events' | 'quota-urls' | 'max-connections') {
  const value = Number(flags[name]);
  if (Number.isInteger(value) && value >= 0) return value;
  console.error(`wom-collector: --${name} must be a whole number, got "${flags[name]}"`);
  process.exit(2);
}
/** The flag's value in ms, or exit 2 saying which flag is wrong. */
function seconds(name: 'report-timeout' | 'webhook-timeout') {
  const ms = Number(flags[name]) * 1000;
  if (ms >= 1) return ms;
  console.error(`wom-collector: --${name} must be a number of seconds, got "${flags[name]}"`);
  process.exit(2);
}
const reportTimeout = seconds('report-timeout');
const webhookTimeout = seconds('webhook-timeout');

let app;
try {
  app = await build({
    db: flags.db,
    token: flags.token,
    origins: flags.origins,
    rateLimit: wholeNumber('rate'),
    quotaEvents: wholeNumber('quota-events'),
    quotaUrls: wholeNumber('quota-urls'),
    maxConnections: wholeNumber('max-connections'),
    retention: flags.retention,
    moderation: (flags.moderation as 'auto' | 'all'),
    moderationToken: flags['moderation-token'],
    reportToken: flags['report-token'],
    bots: !flags['keep-bots'],
    trustProxy: flags['trust-proxy'],
    logger: { level: flags['log-level'] },
    reportTimeout,
    webhooks: flags.webhook,
    webhookSecret: flags['webhook-secret'],
    webhookPreviousSecret: flags['webhook-previous-secret'],
    webhookAllowPrivate: flags['webhook-allow-private'],
    webhookTimeout,
  });
} catch (error) {
  console.error(`wom-collector: ${(error as Error).message}`);
  process.exit(1);
}
if (!flags.token) console.log(`wom-collector: generated token (set --token or WOM_TOKEN to keep one): ${app.womToken}`);
if (flags.webhook?.length && !flags['webhook-secret']) {
  console.log(`wom-collector: generated webhook secret (set --webhook-secret or WOM_WEBHOOK_SECRET to keep one): ${app.webhookSecret}`);
}
const address = await app.listen({ port: Number(flags.port), host: flags.host });
// Printed whatever the log level, for people and for scripts that wait for the port.
console.log(`wom-collector: listening at ${address}`);

// Graceful shutdown: stop accepting, finish in-flight requests, close the database.
let closing = false;
for (const signal of (['SIGTERM', 'SIGINT'] as const)) {
  process.on(signal, () => {
    if (closing) process.exit(1); // a second signal: stop now
    closing = true;
    app.log.info(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error(error);
        process.exit(1);
      },
    );
  });
}
