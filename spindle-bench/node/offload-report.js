#!/usr/bin/env node
// Turns run-offload-bench.sh's results into Markdown tables.
//
//   node offload-report.js roundtrip DIR "COMMAND"   Workers.run and loop.offload vs worker_threads, round by
//                                                   round, from DIR/jmh-roundtrip-rN.json and node-roundtrip-rN.json
//   node offload-report.js jobs DIR "COMMAND"        jobs/s by commit mode, round by round, from DIR/jmh-jobs-rN.json
//
// Ratios say how many times better the first figure is: for µs per round trip, peer / Spindle; for
// per-second figures, Spindle / peer (or grouped / ungrouped). Both figures of a ratio come from the
// same round of the same run.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function rounds(dir, prefix) {
  return fs.readdirSync(dir)
    .map((name) => name.match(new RegExp(`^${prefix}-r(\\d+)\\.json$`)))
    .filter(Boolean)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

function fmt(value, unit) {
  if (unit === 'ops/s') {
    if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M/s`;
    if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k/s`;
    return `${value.toFixed(0)} /s`;
  }
  return `${value.toFixed(1)} µs`;
}

const x = (ratio) => `${ratio.toFixed(2)}x`;

// JMH results of one file, by method name (and params, joined with '/').
function jmhScores(file) {
  const scores = {};
  for (const result of readJson(file)) {
    const method = result.benchmark.split('.').pop();
    const params = result.params ? Object.entries(result.params).filter(([k]) => k !== 'fullSync').map(([, v]) => v) : [];
    scores[[method, ...params].join('/')] = { score: result.primaryMetric.score, unit: normalUnit(result.primaryMetric.scoreUnit) };
  }
  return scores;
}

const normalUnit = (unit) => (unit === 'us/op' ? 'us/op' : unit);

function roundtrip(dir, command) {
  const shapes = [
    ['workersOneInFlight', 'one in flight: µs per round trip', 'us/op'],
    ['workersManyInFlight', '1,000 in flight: tasks per second', 'ops/s'],
  ];
  const offloadOf = { workersOneInFlight: 'offloadOneInFlight', workersManyInFlight: 'offloadManyInFlight' };
  const better = (spindle, peer, unit) => (unit === 'us/op' ? peer / spindle : spindle / peer);
  const lines = [];
  lines.push('| shape | round | `Workers.run` | Node `worker_threads` | Workers vs Node | `loop.offload` | offload vs Node |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const summary = [];
  for (const [shape, label, unit] of shapes) {
    const ratios = [];
    const offloadRatios = [];
    for (const r of rounds(dir, 'jmh-roundtrip')) {
      const jmh = jmhScores(path.join(dir, `jmh-roundtrip-r${r}.json`));
      const node = readJson(path.join(dir, `node-roundtrip-r${r}.json`)).results[shape];
      const workers = jmh[shape].score;
      const offload = jmh[offloadOf[shape]].score;
      const ratio = better(workers, node.mean, unit);
      const offloadRatio = better(offload, node.mean, unit);
      ratios.push(ratio);
      offloadRatios.push(offloadRatio);
      lines.push(`| ${label} | ${r} | ${fmt(workers, unit)} | ${fmt(node.mean, unit)} | ${x(ratio)} | ${fmt(offload, unit)} | ${x(offloadRatio)} |`);
    }
    summary.push(`| ${label} | median | | | **${x(median(ratios))}** | | **${x(median(offloadRatios))}** |`);
  }
  lines.push(...summary);
  lines.push('');
  lines.push('Ratios: how many times better than Node (its time over ours for µs, ours over its for tasks/s).');
  lines.push('');
  lines.push('```');
  lines.push(command);
  lines.push('```');
  return lines.join('\n');
}

function jobs(dir, command) {
  const rows = [
    ['add', 'adds/s', ['GROUPED', 'UNGROUPED', 'UNBATCHED']],
    ['processOnLoop', 'completions/s, handler on the loop', ['GROUPED', 'UNGROUPED']],
    ['processOnWorkers', 'completions/s, handler on the worker pool', ['GROUPED', 'UNGROUPED']],
  ];
  const lines = [];
  lines.push('| benchmark | round | group commit | one transaction per write | grouped vs ungrouped | no batching at all | grouped vs none |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const summary = [];
  for (const [method, label, modes] of rows) {
    const vsUngrouped = [];
    const vsNone = [];
    for (const r of rounds(dir, 'jmh-jobs')) {
      const jmh = jmhScores(path.join(dir, `jmh-jobs-r${r}.json`));
      const grouped = jmh[`${method}/GROUPED`].score;
      const ungrouped = jmh[`${method}/UNGROUPED`].score;
      const none = modes.includes('UNBATCHED') ? jmh[`${method}/UNBATCHED`].score : undefined;
      vsUngrouped.push(grouped / ungrouped);
      if (none !== undefined) vsNone.push(grouped / none);
      lines.push(`| ${label} | ${r} | ${fmt(grouped, 'ops/s')} | ${fmt(ungrouped, 'ops/s')} | ${x(grouped / ungrouped)} | `
        + `${none === undefined ? '' : fmt(none, 'ops/s')} | ${none === undefined ? '' : x(grouped / none)} |`);
    }
    summary.push(`| ${label} | median | | | **${x(median(vsUngrouped))}** | | ${vsNone.length ? `**${x(median(vsNone))}**` : ''} |`);
  }
  lines.push(...summary);
  lines.push('');
  lines.push('"One transaction per write" is the store with group commit off (the queue still stores the adds of a turn');
  lines.push('together, up to 256 per transaction); "no batching at all" also sets `maxAddBatch(1)`.');
  lines.push('');
  lines.push('```');
  lines.push(command);
  lines.push('```');
  return lines.join('\n');
}

const [kind, dir, command] = process.argv.slice(2);
if (kind === 'roundtrip') {
  process.stdout.write(roundtrip(dir, command) + '\n');
} else if (kind === 'jobs') {
  process.stdout.write(jobs(dir, command) + '\n');
} else {
  process.stderr.write('usage: offload-report.js roundtrip|jobs DIR "COMMAND"\n');
  process.exit(2);
}
