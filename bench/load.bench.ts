import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sampleCheckCase } from '../tests/helpers/check-case.js';
import { startApp } from './serve.js';
import { median, percentile } from './stats.js';

/** What one run under load measured. */
interface LoadFigures {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts plus non-2xx answers. */
  failures: number;
  /** When the slowest request of the run was sent (s), and the largest latency of those sent after `warmSeconds`. */
  slowestAt: number;
  maxWarm: number;
  /** The same latencies per kind of request ('POST /api/ask' and so on): which one is slow. */
  routes: Record<string, { count: number; p50: number; p99: number; max: number }>;
}

/**
 * `npm run bench -- load`: the app under mixed load. 100 concurrent clients for 60 s (autocannon) against
 * `ai-wijzer serve` in a process of its own on loopback, once on the embedded database (PGlite in a temporary DATA_DIR)
 * and once on PostgreSQL (a database of its own on 127.0.0.1:5432, dropped afterwards; skipped when none answers).
 * Each client cycles through what staff do: two questions to the vision (POST /api/ask), a quick check that is
 * recorded in the audit chain (POST /api/checks), a list of one's own checks (GET /api/checks) and a message to the
 * bot (POST /api/messages, whose reply goes to a local Bot Connector in this process). Each round is a person of its
 * own (X-Dev-User and bot conversation). Reported: requests per second, p50/p95/p99 latency, non-2xx answers and errors,
 * p50/p99/max per kind of request (which one is slow), and when the slowest request was sent (a client's first
 * request waits for its connection to be accepted; the largest latency of the requests sent after 5 s is reported too).
 * Target: no errors, p99 under 300 ms on this machine. Each database gets BENCH_LOAD_RUNS runs (3), each on a fresh
 * server and database, and the median of each figure over the runs is reported beside the runs themselves (the machine
 * is shared; one run says little). BENCH_LOAD_SECONDS, BENCH_LOAD_CLIENTS, BENCH_LOAD_RUNS and BENCH_LOAD_DB
 * (pglite|postgres) shorten or narrow a run. The rate limits are raised for the run: 100 clients from one address
 * would otherwise meet RATE_LIMIT_PER_IP within seconds, which is the limit doing its job, not the load measured.
 */
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const clients = Number(process.env.BENCH_LOAD_CLIENTS ?? 100);
const runs = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const postgresUrl = 'postgres://postgres@127.0.0.1:5432';
/**
 * Requests sent in a run's first seconds include the first of each client, which waits until the busy server accepts
 * its connection (about one a turn of its event loop; README, Under load); reported apart as well.
 */
const warmSeconds = 5;

export default async function loadBench(): Promise<void> {
  const only = process.env.BENCH_LOAD_DB;
  if (only !== 'postgres') {
    const figures: LoadFigures[] = [];
    for (let i = 1; i <= runs; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'aiw-load-'));
      try {
        figures.push(await run(`PGlite (embedded), run ${i} of ${runs}`, { DATA_DIR: dataDir }));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    report('PGlite (embedded)', figures);
  }
  if (only !== 'pglite') {
    const admin = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
    try {
      await admin.connect();
    } catch {
      console.log('PostgreSQL: none answers on 127.0.0.1:5432, skipped');
      return;
    }
    const figures: LoadFigures[] = [];
    try {
      for (let i = 1; i <= runs; i++) {
        const name = `aiwijzer_load_${process.pid}_${i}`;
        try {
          await admin.query(`create database ${name}`);
          const env = { DATABASE_URL: `${postgresUrl}/${name}`, DATA_DIR: 'memory://' };
          figures.push(await run(`PostgreSQL, run ${i} of ${runs}`, env));
        } finally {
          await admin.query(`drop database if exists ${name} with (force)`);
        }
      }
    } finally {
      await admin.end();
    }
    report('PostgreSQL', figures);
  }
}

async function run(name: string, env: Record<string, string>): Promise<LoadFigures> {
  const connector = await localConnector();
  const app = await startApp(env);
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  let client = 0;
  const json = { 'content-type': 'application/json' };
  const activity = (text: string, user: string, id: number) =>
    JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      serviceUrl,
      id: `load-${user}-${id}`,
      conversation: { id: `load-${user}`, conversationType: 'personal' },
      from: { id: `user-${user}` },
      recipient: { id: 'bot' },
      locale: 'nl-NL',
      text,
    });
  let sent = 0;
  const staff: (Pick<autocannon.Request, 'method' | 'path' | 'body'> & {
    headers?: Record<string, string>;
    activityText?: string;
  })[] = [
    {
      method: 'POST',
      path: '/api/ask',
      headers: json,
      body: JSON.stringify({ question: 'Wat zijn de kernwaarden van de gemeente?' }),
    },
    { method: 'POST', path: '/api/checks', headers: json, body: JSON.stringify(sampleCheckCase) },
    {
      method: 'POST',
      path: '/api/ask',
      headers: json,
      body: JSON.stringify({ question: 'Wie is verantwoordelijk als AI een fout maakt?' }),
    },
    { method: 'GET', path: '/api/checks' },
    {
      method: 'POST',
      path: '/api/messages',
      headers: json,
      activityText: 'Mag ik ChatGPT gebruiken om een brief samen te vatten?',
    },
  ];
  const latencies: number[] = [];
  /** When each request was sent, in seconds since the run began (same order as latencies). */
  const sentAt: number[] = [];
  let began = 0;
  // Per kind of request: the index of the request a client just completed (autocannon emits 'response' before it
  // moves on to the next one), so each latency is counted under its route too.
  const routeOf = staff.map((r) => `${r.method} ${r.path}`);
  const byRoute = new Map<string, number[]>(routeOf.map((r) => [r, []]));
  const statuses = new Map<number, number>();
  try {
    let instance: autocannon.Instance | undefined;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      instance = autocannon(
        {
          url: app.url,
          connections: clients,
          duration: seconds,
          timeout: 10,
          // Each round of the five requests is one person's visit: its own X-Dev-User (autocannon clears a connection's
          // context at the end of each round, so the next round is the next person).
          requests: staff.map(({ activityText, ...request }) => ({
            ...request,
            setupRequest: (req: autocannon.Request, context: object) => {
              const person = context as { user?: string };
              const user = (person.user ??= `medewerker${client++}`);
              return {
                ...req,
                headers: { ...request.headers, 'x-dev-user': user },
                ...(activityText ? { body: activity(activityText, user, sent++) } : {}),
              };
            },
          })),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
    began = performance.now();
    instance!.on('response', (client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      sentAt.push((performance.now() - began - responseTime) / 1000);
      const index = (client as unknown as { requestIterator?: { currentRequestIndex?: number } }).requestIterator
        ?.currentRequestIndex;
      if (index !== undefined) byRoute.get(routeOf[index]!)?.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
    const result = await done;
    const non2xx = [...statuses].filter(([s]) => s < 200 || s >= 300);
    console.log(
      `load, ${name}: ${clients} clients for ${seconds} s: ${result.requests.total} requests, ` +
        `${(result.requests.total / seconds).toFixed(0)} per second`,
    );
    console.log(
      `  latency p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  ` +
        `p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${Math.max(...latencies).toFixed(1)} ms`,
    );
    console.log(
      `  errors ${result.errors} (timeouts ${result.timeouts}), non-2xx ${non2xx.reduce((n, [, c]) => n + c, 0)}` +
        (non2xx.length ? ` (${non2xx.map(([s, c]) => `${s}: ${c}`).join(', ')})` : ''),
    );
    const slowest = latencies.indexOf(Math.max(...latencies));
    const warm = latencies.filter((_, i) => sentAt[i]! >= warmSeconds);
    // A request sent as the run began can come out a hair below 0 (timer resolution).
    const slowestAt = Math.max(0, sentAt[slowest] ?? NaN);
    const maxWarm = warm.length ? Math.max(...warm) : NaN;
    console.log(
      `  slowest request sent ${slowestAt.toFixed(1)} s into the run; of those sent after ${warmSeconds} s: ` +
        `p99 ${percentile(warm, 99).toFixed(1)} ms, max ${maxWarm.toFixed(1)} ms`,
    );
    const routes: LoadFigures['routes'] = {};
    for (const [route, values] of byRoute) {
      routes[route] = {
        count: values.length,
        p50: percentile(values, 50),
        p99: percentile(values, 99),
        max: values.length ? Math.max(...values) : NaN,
      };
      const f = routes[route];
      console.log(
        `  ${route.padEnd(18)} ${String(f.count).padStart(6)} requests, p50 ${f.p50.toFixed(1)} ms, ` +
          `p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms`,
      );
    }
    console.log(`  bot replies at the connector: ${connector.replies()}, of ${sent} bot messages sent`);
    return {
      routes,
      slowestAt,
      maxWarm,
      perSecond: result.requests.total / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      failures: result.errors + non2xx.reduce((n, [, c]) => n + c, 0),
    };
  } finally {
    await app.stop();
    connector.close();
  }
}

/** The median of each figure over a database's runs, and every failure of every run. */
function report(name: string, figures: LoadFigures[]): void {
  const of = (key: Exclude<keyof LoadFigures, 'routes'>) => median(figures.map((f) => f[key]));
  const failures = figures.reduce((n, f) => n + f.failures, 0);
  console.log(
    `load, ${name}, median of ${figures.length} runs: ${of('perSecond').toFixed(0)} requests per second, ` +
      `p50 ${of('p50').toFixed(1)} ms, p95 ${of('p95').toFixed(1)} ms, p99 ${of('p99').toFixed(1)} ms ` +
      `(p99 per run: ${figures.map((f) => f.p99.toFixed(1)).join(', ')}); failures in all runs: ${failures}`,
  );
  console.log(
    `  slowest request per run sent at ${figures.map((f) => `${f.slowestAt.toFixed(1)} s`).join(', ')}; ` +
      `max of those sent after ${warmSeconds} s: ${figures.map((f) => `${f.maxWarm.toFixed(1)} ms`).join(', ')}`,
  );
  for (const route of Object.keys(figures[0]?.routes ?? {})) {
    const per = (key: 'p50' | 'p99' | 'max') => median(figures.map((f) => f.routes[route]![key]));
    console.log(
      `  ${route.padEnd(18)} p50 ${per('p50').toFixed(1)} ms, p99 ${per('p99').toFixed(1)} ms, max ${per('max').toFixed(1)} ms`,
    );
  }
}

/** A local Bot Connector: takes the bot's replies (POST /v3/conversations/<id>/activities) and counts them. */
async function localConnector(): Promise<Server & { replies(): number }> {
  let replies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) replies++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `r-${replies}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { replies: () => replies });
}
