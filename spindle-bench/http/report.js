#!/usr/bin/env node
// Turns the HTTP bench's raw results (run-http-bench.sh's output directory) into Markdown.
//
//   node spindle-bench/http/report.js DIR
//
// Reads DIR/env.tsv, results.tsv (one line per wrk run: round, server, scenario, wrk output file,
// the server's CPU ticks over the run, ticks per second, RSS after), memory.tsv and commands.tsv.
// Every ratio is Spindle / peer of two figures of the same round (so > 1 means Spindle did
// better for req/s, and the opposite ratio is given for costs); a table's ratio is the median of
// the rounds' ratios, its other figures the median of the rounds' figures. "CPU vs Netty" and "CPU
// vs Node" are peer / Spindle of the CPU time per request.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const SCENARIOS = ['plaintext-64', 'plaintext-256', 'json-64', 'json-256', 'pipelined-256', 'wait-1000'];
const SERVERS = ['spindle', 'spindle-monitor', 'netty', 'vertx', 'node', 'jdk', 'floor'];

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function readTsv(file) {
  if (!fs.existsSync(file)) return [];
  const [head, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const names = head.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [names[i], v])));
}

function readPairs(file) {
  if (!fs.existsSync(file)) return new Map();
  return new Map(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('\t'))
    .map((l) => [l.slice(0, l.indexOf('\t')), l.slice(l.indexOf('\t') + 1)]));
}

function millis(value, unit) {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60000 : n;
}

// The figures of one wrk --latency output.
function parseWrk(text) {
  const num = (re) => { const m = text.match(re); return m ? Number(m[1]) : NaN; };
  const pct = (p) => { const m = text.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm')); return m ? millis(m[1], m[2]) : NaN; };
  const errors = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    rps: num(/^Requests\/sec:\s+([\d.]+)/m),
    requests: num(/^\s+(\d+) requests in/m),
    p50: pct(50),
    // wrk prints 0.00us for a percentile it has too few samples for (short pipelined runs): unknown.
    p99: pct(99) || NaN,
    errors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    timeouts: errors ? Number(errors[4]) : 0,
    non2xx: num(/^\s+Non-2xx or 3xx responses: (\d+)/m) || 0,
  };
}

function loadRuns(dir) {
  return readTsv(path.join(dir, 'results.tsv')).map((r) => {
    const wrk = parseWrk(fs.readFileSync(path.join(dir, r.wrk_output), 'utf8'));
    const cpuMicros = Number(r.cpu_ticks) * 1e6 / Number(r.clk_tck);
    return { round: Number(r.round), server: r.server, scenario: r.scenario, file: r.wrk_output,
      ...wrk, cpuPerRequest: wrk.requests > 0 ? cpuMicros / wrk.requests : NaN, rssKib: Number(r.rss_kib),
      // The share of each CPU that neither the server nor wrk used: other people's work, i.e. noise.
      other0: r.other0 === undefined ? NaN : Number(r.other0) / Number(r.core_ticks),
      other1: r.other1 === undefined ? NaN : Number(r.other1) / Number(r.core_ticks),
      // How busy wrk's CPU was with wrk itself: near 100%, wrk, not the server, set the pace.
      wrkBusy: r.wrk_ticks === undefined ? NaN : Number(r.wrk_ticks) / Number(r.core_ticks),
      serverBusy: Number(r.cpu_ticks) / Number(r.core_ticks) };
  });
}

const fmtRps = (v) => (Number.isFinite(v) ? (v >= 1000 ? `${(v / 1000).toFixed(1)}k` : v.toFixed(0)) : '–');
const fmtMs = (v) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '–');
const fmtX = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '–');
const fmtPct = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '–');
const fmtUs = (v) => (Number.isFinite(v) ? v.toFixed(1) : '–');

function main(dir) {
  const env = readPairs(path.join(dir, 'env.tsv'));
  const commands = readPairs(path.join(dir, 'commands.tsv'));
  const runs = loadRuns(dir);
  const rounds = [...new Set(runs.map((r) => r.round))].sort((a, b) => a - b);
  const servers = SERVERS.filter((s) => runs.some((r) => r.server === s));
  const get = (server, scenario, round) => runs.find((r) => r.server === server && r.scenario === scenario && r.round === round);
  const over = (server, scenario, f) => rounds.map((round) => get(server, scenario, round)).filter(Boolean).map(f);
  // The median over the rounds of a per-round ratio between two servers' figures.
  const ratio = (a, b, scenario, f) => median(rounds.map((round) => {
    const x = get(a, scenario, round); const y = get(b, scenario, round);
    return x && y ? f(x) / f(y) : NaN;
  }));
  const out = [];
  const p = (line = '') => out.push(line);

  p(`# HTTP bench, ${env.get('when') || ''}`);
  p();
  p(`${env.get('cpus')} CPUs (server on CPU 0, wrk on CPU 1); load average at start ${env.get('load')}; ${env.get('java')}; `
    + `Java servers: \`${env.get('java_opts')}\`; node ${env.get('node')}; ${env.get('wrk')}; commit ${env.get('git')}; `
    + `${rounds.length} round(s) of ${env.get('duration')} s runs after a ${env.get('warmup')} s warm-up; quick=${env.get('quick')}.`);
  p();
  p('Ratios are Spindle / peer for req/s and peer / Spindle for CPU per request (above 1: Spindle better), '
    + 'each the median of the rounds\' ratios; the other figures are medians over the rounds. '
    + 'Latency is wrk\'s (per request; per batch when pipelined). CPU µs/req is the server process\'s utime + stime '
    + 'over the run (all its threads: GC and JIT included) divided by the requests wrk counted: it is the figure '
    + 'that the machine\'s other users disturb least, and the one that shows a server\'s cost when wrk, not the '
    + 'server, is the bottleneck.');
  const other0 = median(runs.map((r) => r.other0));
  const other1 = median(runs.map((r) => r.other1));
  if (Number.isFinite(other0)) {
    p();
    p(`Noise: during the median run, ${fmtPct(other0)} of CPU 0 and ${fmtPct(other1)} of CPU 1 went to neither the server `
      + 'nor wrk (see the last table, run by run).');
  }

  for (const scenario of SCENARIOS) {
    if (!runs.some((r) => r.scenario === scenario)) continue;
    p();
    p(`## ${scenario}`);
    p();
    p('| server | req/s | vs Netty | vs Node | p50 ms | p99 ms | CPU µs/req | CPU vs Netty | CPU vs Node | errors | RSS MiB |');
    p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const server of servers) {
      if (!get(server, scenario, rounds[0]) && over(server, scenario, (r) => r).length === 0) continue;
      const errors = over(server, scenario, (r) => r.errors + r.non2xx).reduce((a, b) => a + b, 0);
      p(`| ${server} | ${fmtRps(median(over(server, scenario, (r) => r.rps)))}`
        + ` | ${server === 'netty' ? '1' : fmtX(ratio(server, 'netty', scenario, (r) => r.rps))}`
        + ` | ${server === 'node' ? '1' : fmtX(ratio(server, 'node', scenario, (r) => r.rps))}`
        + ` | ${fmtMs(median(over(server, scenario, (r) => r.p50)))}`
        + ` | ${fmtMs(median(over(server, scenario, (r) => r.p99)))}`
        + ` | ${fmtUs(median(over(server, scenario, (r) => r.cpuPerRequest)))}`
        + ` | ${server === 'netty' ? '1' : fmtX(ratio('netty', server, scenario, (r) => r.cpuPerRequest))}`
        + ` | ${server === 'node' ? '1' : fmtX(ratio('node', server, scenario, (r) => r.cpuPerRequest))}`
        + ` | ${errors}`
        + ` | ${(median(over(server, scenario, (r) => r.rssKib)) / 1024).toFixed(0)} |`);
    }
  }

  goals(p, runs, rounds, get, over, ratio, servers, dir);

  p();
  p('## Every run');
  p();
  p('"server / wrk busy" is the share of its own CPU that the server (pinned to CPU 0) and wrk (CPU 1) used: '
    + 'near 100% means that side set the pace. '
    + '"other CPU 0/1" is the share of each CPU that neither the server nor wrk used during the run: other '
    + 'people\'s builds and the kernel\'s own work (loopback softirqs among them). A run with much of it is noise.');
  p();
  p('| round | server | scenario | req/s | p50 ms | p99 ms | CPU µs/req | errors | non-2xx | server / wrk busy | other CPU 0/1 | wrk output |');
  p('| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of runs) {
    p(`| ${r.round} | ${r.server} | ${r.scenario} | ${r.rps.toFixed(0)} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${fmtUs(r.cpuPerRequest)}`
      + ` | ${r.errors} | ${r.non2xx} | ${fmtPct(r.serverBusy)} / ${fmtPct(r.wrkBusy)} | ${fmtPct(r.other0)} / ${fmtPct(r.other1)} | ${r.file} |`);
  }

  p();
  p('## Commands');
  p();
  for (const [name, command] of commands) p(`- ${name}: \`${command}\``);
  return out.join('\n');
}

function goals(p, runs, rounds, get, over, ratio, servers, dir) {
  const has = (s) => servers.includes(s);
  const rows = [];
  const check = (goal, value, ok) => rows.push(`| ${goal} | ${value} | ${ok === undefined ? '–' : ok ? 'met' : 'missed'} |`);
  const known = (v) => Number.isFinite(v);
  for (const scenario of ['plaintext-64', 'plaintext-256', 'json-64', 'json-256']) {
    if (has('netty')) {
      const x = ratio('spindle', 'netty', scenario, (r) => r.rps);
      check(`${scenario}: req/s >= 1.1x Netty`, fmtX(x), known(x) ? x >= 1.1 : undefined);
    }
    if (has('netty')) {
      // Unpipelined, wrk on one core is near its limit: CPU per request is what tells the servers apart.
      const c = ratio('netty', 'spindle', scenario, (r) => r.cpuPerRequest);
      check(`${scenario}: CPU per request, Netty / Spindle >= 1.1`, fmtX(c), known(c) ? c >= 1.1 : undefined);
    }
    if (has('node')) {
      const x = ratio('spindle', 'node', scenario, (r) => r.rps);
      check(`${scenario}: req/s >= 4x Node`, fmtX(x), known(x) ? x >= 4 : undefined);
      const c = ratio('node', 'spindle', scenario, (r) => r.cpuPerRequest);
      check(`${scenario}: CPU per request, Node / Spindle >= 4`, fmtX(c), known(c) ? c >= 4 : undefined);
    }
    if (has('floor')) {
      // The floor server answers canned bytes: no server can use less CPU per request than it.
      const f = ratio('spindle', 'floor', scenario, (r) => r.cpuPerRequest);
      check(`${scenario}: (context) CPU per request, Spindle / the floor`, fmtX(f), undefined);
      if (has('node')) {
        const n = ratio('node', 'floor', scenario, (r) => r.cpuPerRequest);
        check(`${scenario}: (context) CPU per request, Node / the floor: the most any server can beat Node by`, fmtX(n), undefined);
      }
    }
  }
  if (has('netty')) {
    const x = ratio('spindle', 'netty', 'pipelined-256', (r) => r.rps);
    check('pipelined-256: req/s >= 1.5x Netty', fmtX(x), known(x) ? x >= 1.5 : undefined);
    for (const scenario of ['plaintext-64', 'plaintext-256', 'json-64', 'json-256', 'pipelined-256']) {
      const s = median(over('spindle', scenario, (r) => r.p99));
      const n = median(over('netty', scenario, (r) => r.p99));
      check(`${scenario}: p99 no worse than Netty's`, `${fmtMs(s)} vs ${fmtMs(n)} ms`, known(s) && known(n) ? s <= n : undefined);
    }
  }
  const waitRps = median(over('spindle', 'wait-1000', (r) => r.rps));
  const waitP99 = median(over('spindle', 'wait-1000', (r) => r.p99));
  check('wait-1000: >= 95% of 20,000 req/s', `${(waitRps / 200).toFixed(1)}%`, known(waitRps) ? waitRps >= 19000 : undefined);
  check('wait-1000: p99 <= 60 ms', `${fmtMs(waitP99)} ms`, known(waitP99) ? waitP99 <= 60 : undefined);
  if (has('spindle-monitor')) {
    for (const scenario of SCENARIOS) {
      const x = ratio('spindle-monitor', 'spindle', scenario, (r) => r.rps);
      const c = ratio('spindle-monitor', 'spindle', scenario, (r) => r.cpuPerRequest);
      check(`monitor overhead, ${scenario}: req/s within 2%`, `${((x - 1) * 100).toFixed(1)}% req/s, ${((c - 1) * 100).toFixed(1)}% CPU/req`,
        known(x) ? Math.abs(x - 1) <= 0.02 : undefined);
    }
  }
  const memory = readTsv(path.join(dir, 'memory.tsv'));
  for (const m of memory) {
    const n = Number(m.connections);
    const heap = (Number(m.heap_after) - Number(m.heap_before)) / n / 1024;
    const rss = (Number(m.rss_kib_after) - Number(m.rss_kib_before)) / n;
    if (m.server === 'spindle') {
      check(`memory: live heap per idle connection <= 1.5 KiB (${n} held)`, `${heap.toFixed(2)} KiB`, heap <= 1.5);
      check(`memory: RSS growth per connection <= 5 KiB (${n} held)`, `${rss.toFixed(2)} KiB`, rss <= 5);
    }
  }
  p();
  p('## Spindle against the goals (issue 3)');
  p();
  p('| goal | measured | |');
  p('| --- | --- | --- |');
  rows.forEach((r) => p(r));
  if (memory.length > 0) {
    p();
    p('## Memory per idle keep-alive connection');
    p();
    p('Live heap from `jcmd PID GC.class_histogram` (a full GC first), RSS from /proc/PID/status, with no connection and '
      + 'with the connections held open by `HoldConnections` (each served one `GET /` first).');
    p();
    p('| server | connections | live heap before | live heap held | heap per connection | RSS before | RSS held | RSS per connection |');
    p('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const m of memory) {
      const n = Number(m.connections);
      p(`| ${m.server} | ${n} | ${(Number(m.heap_before) / 1048576).toFixed(1)} MiB | ${(Number(m.heap_after) / 1048576).toFixed(1)} MiB`
        + ` | ${((Number(m.heap_after) - Number(m.heap_before)) / n / 1024).toFixed(2)} KiB`
        + ` | ${(Number(m.rss_kib_before) / 1024).toFixed(0)} MiB | ${(Number(m.rss_kib_after) / 1024).toFixed(0)} MiB`
        + ` | ${((Number(m.rss_kib_after) - Number(m.rss_kib_before)) / n).toFixed(2)} KiB |`);
    }
  }
}

process.stdout.write(`${main(process.argv[2])}\n`);
