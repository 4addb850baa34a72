/**
 * `npm run bench`: load benchmark of our Slack and Teams vote paths against bare framework
 * baselines, plus the card refresh coalescing (interval and final-tally delay); then the step-card
 * run (bench/steps.ts): 40 members answer a collaboration's step card at once (ack latency against
 * the bare framework, step card updates, Redis memory per collaboration); then the follow-up run
 * (bench/follow-ups.ts): 100,000 follow-ups scheduled through addFollowUp against raw BullMQ
 * addBulk, the lateness of nudges due within one minute with two workers, Redis per follow-up. Loopback only.
 *
 * Layout: this process is the load generator and holds redis-server, the fake Slack Web API and the
 * fake Bot Framework connector; each system under test runs in its own forked process
 * (bench/server.ts), one at a time, so client and server do not share an event loop.
 *
 * Options (after `npm run bench --`): --voters N (1000), --warmup N (1000), --concurrency N (50), --rounds N (7),
 * --only slack|teams (the vote path of one platform) | steps (the step-card run of both) | steps-slack | steps-teams | follow-ups,
 * --follow-ups N (100000; follow-ups scheduled in the follow-up run), --nudges N (10000; nudges due within its one minute),
 * --step-rounds N (7, like --rounds; rounds of the step-card run), --client http|fetch (http),
 * --profile (writes .cpuprofile files of the vote-path servers and the follow-up run's processes to test/artifacts/bench-prof/).
 * The exit code is 0 even when a target fails (this is a report); 1 only when the run itself broke.
 * Experiment hook: BENCH_OURS_REDIS_QUERY=enableAutoPipelining=true (any ioredis URL option) is appended
 * to our app's Redis URL. Per-call CPU of our synchronous hot-path pieces: node --import tsx bench/micro.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startRedis, type RedisServerHandle } from '../test/support/redis-server.js';
import { killAllChildren, pinLoadGenerator } from './child.js';
import { setClient } from './load.js';
import { renderReport, targetChecks, TARGETS, type PlatformResult } from './report.js';
import { benchPlatform, type BenchOptions } from './platform.js';
import { slackDriver } from './slack.js';
import { teamsDriver } from './teams.js';
import { benchSteps, STEP_MEMBERS, type StepOptions } from './steps.js';
import { renderSteps, stepChecks, STEP_TARGETS, type StepPlatformResult } from './steps-report.js';
import { slackStepDriver } from './steps-slack.js';
import { teamsStepDriver } from './steps-teams.js';
import { benchFollowUps, followUpBudgetMs, followUpProcedure, type FollowUpOptions } from './follow-ups.js';
import { followUpChecks, renderFollowUps, FOLLOW_UP_TARGETS, type FollowUpResult } from './follow-ups-report.js';
import { killWorkChildren } from './follow-ups-work.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_OUT = join(ROOT, 'test/artifacts/bench-latest.json');
const PROFILE_DIR = join(ROOT, 'test/artifacts/bench-prof');
/**
 * The whole run must end by itself. The default run takes about 2.5 minutes on a 2-CPU machine
 * (vote path ~1 min, step-card run ~45 s per platform); the margin covers a slow, shared machine.
 * More rounds than the defaults may need more (the watchdog says so when it fires). The follow-up
 * run adds its own budget (followUpBudgetMs: about 8 minutes for 100,000 follow-ups).
 */
const WATCHDOG_MS = 240_000;
const ONLY = ['slack', 'teams', 'steps', 'steps-slack', 'steps-teams', 'follow-ups'];
const COLLABS = 1000;
/** The product's default refreshTiming.minIntervalMs (src/jobs/scheduler.ts); used for settle waits only. */
const PRODUCT_MIN_INTERVAL_MS = 2000;

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '7' },
    'step-rounds': { type: 'string', default: '7' },
    'follow-ups': { type: 'string', default: '100000' },
    nudges: { type: 'string', default: '10000' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    client: { type: 'string', default: 'http' },
    'no-pin': { type: 'boolean', default: false },
  },
});

const mb = (n: number): number => n / 2 ** 20;
const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

async function main(): Promise<void> {
  const followUpCounts = { followUps: Number(values['follow-ups']) || 0, nudges: Number(values.nudges) || 0 };
  const budgetMs = WATCHDOG_MS + (values.only === undefined || values.only === 'follow-ups' ? followUpBudgetMs(followUpCounts) : 0);
  const watchdog = setTimeout(() => {
    log(`watchdog: run exceeded ${budgetMs} ms, stopping`);
    killAllChildren();
    killWorkChildren();
    process.exit(1);
  }, budgetMs);
  const startedAt = Date.now();
  const rssStart = process.memoryUsage().rss;
  let rssPeak = rssStart;
  const rssSampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 250);

  const voters = Number(values.voters);
  const warmup = Number(values.warmup);
  const concurrency = Number(values.concurrency);
  const rounds = Number(values.rounds);
  const stepRounds = Number(values['step-rounds']);
  if (![voters, warmup, concurrency, rounds, stepRounds, followUpCounts.followUps, followUpCounts.nudges].every((n) => Number.isInteger(n) && n > 0 && n <= 100_000)) {
    throw new Error('--voters, --warmup, --concurrency, --rounds, --step-rounds, --follow-ups and --nudges must be positive integers up to 100000');
  }
  const only = values.only;
  if (only !== undefined && !ONLY.includes(only)) throw new Error(`--only must be one of ${ONLY.join(', ')}`);
  const runs = {
    pollSlack: only === undefined || only === 'slack',
    pollTeams: only === undefined || only === 'teams',
    stepsSlack: only === undefined || only === 'steps' || only === 'steps-slack',
    stepsTeams: only === undefined || only === 'steps' || only === 'steps-teams',
    followUps: only === undefined || only === 'follow-ups',
  };
  if (values.client !== 'http' && values.client !== 'fetch') throw new Error('--client must be http or fetch');
  setClient(values.client);
  if (values.profile) mkdirSync(PROFILE_DIR, { recursive: true });

  const pinned = values['no-pin'] ? undefined : pinLoadGenerator();
  log(pinned ? `CPU pinning: ${pinned}` : 'CPU pinning: off');

  let redis: RedisServerHandle | undefined;
  const platforms: PlatformResult[] = [];
  const steps: StepPlatformResult[] = [];
  let followUps: FollowUpResult | undefined;
  const followUpOpts: FollowUpOptions = { ...followUpCounts, collabs: COLLABS, lanes: concurrency, log, profileDir: values.profile ? PROFILE_DIR : undefined };
  try {
    redis = await startRedis();
    const opts: BenchOptions = {
      redisUrl: redis.url,
      voters,
      warmup,
      concurrency,
      rounds,
      minIntervalMs: PRODUCT_MIN_INTERVAL_MS,
      finalTimeoutMs: 15_000,
      profileDir: values.profile ? PROFILE_DIR : undefined,
      log,
    };
    if (runs.pollSlack) platforms.push(await benchPlatform(await slackDriver(opts), opts));
    if (runs.pollTeams) platforms.push(await benchPlatform(await teamsDriver(opts), opts));
    const stepOpts: StepOptions = { redisUrl: redis.url, rounds: stepRounds, minIntervalMs: PRODUCT_MIN_INTERVAL_MS, finalTimeoutMs: 15_000, log };
    if (runs.stepsSlack) steps.push(await benchSteps(await slackStepDriver(stepOpts), stepOpts));
    if (runs.stepsTeams) steps.push(await benchSteps(await teamsStepDriver(stepOpts), stepOpts));
    // Its own two redis-servers: the other runs' keys stay out of its memory figures.
    if (runs.followUps) followUps = await benchFollowUps(followUpOpts);
  } finally {
    clearInterval(rssSampler);
    await redis?.stop();
  }

  const rssEnd = process.memoryUsage().rss;
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}  (= node --import tsx bench/run.ts)`;
  const cpu = cpus();
  const pollHeader = [
    `vote path, per system: ${warmup} warm-up requests (separate poll and ids, not counted), then ${rounds} round(s) of bare batch → ours batch, each ${voters} distinct voters never seen before (round 1: U00001..; ours: a new poll per round), ${concurrency} in flight, keep-alive ${values.client === 'http' ? 'node:http agent' : 'fetch'}; bodies built and signed before timing; headline = median over rounds`,
    `"event loop busy" = event-loop utilization during the batch: a server near 100% is CPU-bound; a load generator near 100% would cap the numbers it measures`,
  ];
  const header = [
    'WerktSamen benchmark: vote path, step cards and follow-up scheduling (loopback only; load generator, fakes and redis in this process/host, each server in its own process)',
    `command: ${command}`,
    `node ${process.version} · ${process.platform}/${process.arch} · ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? '?'}) · load avg ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `ours = buildApp() with default refreshTiming (minIntervalMs ${PRODUCT_MIN_INTERVAL_MS}), silent logger, real Redis + BullMQ worker; bare = framework with a no-op handler`,
    ...(platforms.length > 0 ? pollHeader : []),
    ...(process.env['BENCH_OURS_REDIS_QUERY'] ? [`EXPERIMENT: our Redis URL query '${process.env['BENCH_OURS_REDIS_QUERY']}'`] : []),
  ];
  const footer = [
    `load generator RSS: ${mb(rssStart).toFixed(0)} MB at start → ${mb(rssEnd).toFixed(0)} MB at end (growth ${mb(rssEnd - rssStart).toFixed(0)} MB, peak ${mb(rssPeak).toFixed(0)} MB); server RSS per system is in the tables`,
    `total run time: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    `JSON: ${JSON_OUT}${values.profile ? `; CPU profiles: ${PROFILE_DIR}` : ''}`,
  ];
  // Why each step-card number is what it is; printed at the top of each step section.
  const stepProcedure = [
    `per round: a new collaboration in a new channel of ${STEP_MEMBERS} people (fresh ids); stap 1, 2, 3 and 4 posted in its thread and each answered by all ${STEP_MEMBERS} at once (${STEP_MEMBERS} in flight); ${stepRounds} round(s) after a warm-up collaboration; headline = median over rounds`,
    `stap 2 is measured: the ${STEP_MEMBERS} answers are sent right after the card's first update (posting refreshes it once), so the refresh they need must wait for the next ${PRODUCT_MIN_INTERVAL_MS} ms slot; answers of 150-400 characters per question, built (and signed) before timing; bare = the framework with a no-op handler, same requests, right before ours`,
    `step card: every update of the stap 2 card until one interval after the exact final progress; Redis = MEMORY USAGE (SAMPLES 0) summed over the collaboration's keys + its thread key + its channel list, after stap 4 (KB = 1024 bytes)`,
  ];
  const extra = steps.map((p) => ({
    lines: renderSteps(p, stepProcedure),
    checks: stepChecks(p).map((c) => ({ ...c, name: `${p.platform} steps: ${c.name}` })),
    error: p.error !== undefined,
  }));
  if (followUps) extra.push({ lines: renderFollowUps(followUps, followUpProcedure(followUpOpts)), checks: followUpChecks(followUps), error: followUps.error !== undefined });
  process.stdout.write(`${renderReport(platforms, header, footer, extra)}\n`);

  mkdirSync(dirname(JSON_OUT), { recursive: true });
  writeFileSync(
    JSON_OUT,
    `${JSON.stringify(
      {
        at: new Date(startedAt).toISOString(),
        command,
        node: process.version,
        cpus: cpu.length,
        cpuModel: cpu[0]?.model.trim(),
        settings: { voters, warmup, concurrency, rounds, stepRounds, stepMembers: STEP_MEMBERS, ...followUpCounts, collabs: COLLABS, only: only ?? 'all', productMinIntervalMs: PRODUCT_MIN_INTERVAL_MS },
        targets: TARGETS,
        stepTargets: STEP_TARGETS,
        followUpTargets: FOLLOW_UP_TARGETS,
        loadGeneratorRssMb: { start: mb(rssStart), end: mb(rssEnd), peak: mb(rssPeak) },
        platforms: platforms.map((p) => ({ ...p, checks: targetChecks(p) })),
        steps: steps.map((p) => ({ ...p, checks: stepChecks(p) })),
        followUps: followUps && { ...followUps, checks: followUpChecks(followUps) },
        durationMs: Date.now() - startedAt,
      },
      null,
      2,
    )}\n`,
  );
  clearTimeout(watchdog);
  killAllChildren();
  // Keep-alive sockets of the global fetch agent would keep the loop alive for a few seconds.
  process.exit(0);
}

main().catch((err: unknown) => {
  log(`run failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  killAllChildren();
  process.exit(1);
});
