#!/usr/bin/env node
// Turns JMH's JSON results (-rf json) and loop-shapes.js's output into Markdown tables.
//
//   node report.js shapes  DIR "COMMAND" [NOTE]   Spindle vs Node, shape by shape and round by round,
//                                                from DIR/jmh-shape-SHAPE-rN.json and node-shape-SHAPE-rN.json
//   node report.js execute DIR "COMMAND" [NOTE]   Spindle vs each executor peer, round by round,
//                                                from DIR/jmh-execute-rN.json
//   node report.js gc      JMH_JSON "COMMAND"     gc.alloc.rate.norm per callback
//   node report.js http-gc JMH_JSON "COMMAND"     gc.alloc.rate.norm per request / response
//
// Ratios are always "how many times better Spindle did": Spindle/peer for throughput (ops/s),
// peer/Spindle for time (ms/op). Both figures of a ratio come from the same run of the script.
'use strict';

const fs = require('node:fs');

function readJson(path) {
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

function shortName(benchmark) {
  return benchmark.split('.').pop();
}

// Scales a figure for reading; `scaleOf` picks the scale, so a score and its error share one.
function fmt(value, unit, scaleOf = value) {
  if (unit === 'ops/s') {
    if (scaleOf >= 1e6) return `${(value / 1e6).toFixed(2)} M/s`;
    if (scaleOf >= 1e3) return `${(value / 1e3).toFixed(1)} k/s`;
    return `${value.toFixed(1)} /s`;
  }
  if (unit === 'ms/op') return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ${unit}`;
}

function jmhFigure(result) {
  const m = result.primaryMetric;
  const error = Number(m.scoreError);
  const text = Number.isFinite(error)
    ? `${fmt(m.score, m.scoreUnit)} ± ${fmt(error, m.scoreUnit, m.score)}`
    : fmt(m.score, m.scoreUnit);
  return { score: m.score, unit: m.scoreUnit, text };
}

function betterRatio(spindle, peer, unit) {
  return unit === 'ms/op' ? peer / spindle : spindle / peer;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Each round of each shape is a JMH run and a Node run back to back, in files of their own:
// jmh-shape-SHAPE-rN.json and node-shape-SHAPE-rN.json. Returns, per shape in the order first
// seen, its rounds in order: { spindle, node, ratio }.
function readShapes(dir) {
  const files = fs.readdirSync(dir);
  const pattern = /^jmh-shape-(\w+)-r(\d+)\.json$/;
  const byShape = new Map();
  let runtime;
  let quick;
  const jmhFiles = files.filter((f) => pattern.test(f))
    .map((f) => ({ f, m: f.match(pattern) }))
    .sort((a, b) => Number(a.m[2]) - Number(b.m[2]));
  for (const { f, m } of jmhFiles) {
    const [, shape, round] = m;
    const nodeFile = `${dir}/node-shape-${shape}-r${round}.json`;
    if (!fs.existsSync(nodeFile)) throw new Error(`${f} has no Node run beside it (${nodeFile})`);
    const [result] = readJson(`${dir}/${f}`);
    const nodeRun = readJson(nodeFile);
    runtime = nodeRun.runtime;
    quick = nodeRun.quick;
    const spindle = jmhFigure(result);
    const node = nodeRun.results[shape];
    if (!result || shortName(result.benchmark) !== shape || !node) {
      throw new Error(`round ${round} of ${shape}: missing or mismatched results`);
    }
    if (node.unit !== spindle.unit) throw new Error(`${shape}: JMH reports ${spindle.unit}, Node ${node.unit}`);
    if (!byShape.has(shape)) byShape.set(shape, []);
    byShape.get(shape).push({ spindle, node, ratio: betterRatio(spindle.score, node.mean, spindle.unit) });
  }
  if (byShape.size === 0) throw new Error(`no jmh-shape-*-r*.json in ${dir}`);
  return { byShape, runtime, quick };
}

function shapes(dir, command, note) {
  const { byShape, runtime, quick } = readShapes(dir);
  const rounds = Math.max(...[...byShape.values()].map((r) => r.length));
  const lines = [
    `Spindle vs ${runtime}: the same shapes and counts. Each round of a shape is its JMH run and its`,
    `Node run back to back; ${rounds} round(s)${quick ? ', quick mode' : ''}. Figures per round, separated by "/".`,
    '',
    '| shape | Spindle (JMH) | Node | Spindle vs Node, per round | median ratio |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [shape, results] of byShape) {
    const unit = results[0].spindle.unit;
    const spindle = results.map((r) => fmt(r.spindle.score, unit)).join(' / ');
    const node = results.map((r) => fmt(r.node.mean, unit)).join(' / ');
    const ratios = results.map((r) => `${r.ratio.toFixed(2)}x`).join(' / ');
    const mid = median(results.map((r) => r.ratio));
    lines.push(`| ${shape} | ${spindle} | ${node} | ${ratios} | **${mid.toFixed(2)}x ${mid >= 1 ? 'faster' : 'slower'}** |`);
  }
  lines.push('', 'Throughput shapes: callbacks per second (more is better). Timer shapes: ms per million timers,');
  lines.push('scheduling included (less is better). Ratio: how many times faster Spindle was than Node.');
  lines.push('Raw JSON (JMH error bars, Node samples and standard deviations) sits beside this report.');
  lines.push('', `Command: \`${command}\``);
  if (note) lines.push(`(${note})`);
  return lines.join('\n');
}

// Rounds of the cross-thread benchmark, DIR/jmh-execute-rN.json: each round one JMH run of every
// executor, so each round's Spindle/peer ratio compares figures measured a minute apart at most.
function execute(dir, command, note) {
  const pattern = /^jmh-execute-r(\d+)\.json$/;
  const files = fs.readdirSync(dir).filter((f) => pattern.test(f))
    .sort((a, b) => Number(a.match(pattern)[1]) - Number(b.match(pattern)[1]));
  if (files.length === 0) throw new Error(`no jmh-execute-r*.json in ${dir}`);
  const rows = new Map(); // "method executor" -> { method, executor, scores: [], ratios: [] }
  for (const f of files) {
    const jmh = readJson(`${dir}/${f}`);
    const spindle = new Map();
    for (const result of jmh) {
      if (result.params.executor === 'spindle') spindle.set(shortName(result.benchmark), result.primaryMetric.score);
    }
    for (const result of jmh) {
      const method = shortName(result.benchmark);
      const executor = result.params.executor;
      const key = `${method} ${executor}`;
      if (!rows.has(key)) rows.set(key, { method, executor, scores: [], ratios: [] });
      const row = rows.get(key);
      row.scores.push(result.primaryMetric.score);
      if (spindle.has(method)) row.ratios.push(spindle.get(method) / result.primaryMetric.score);
    }
  }
  const lines = [
    'Cross-thread execute: no-op tasks completed per second, end to end, summed over producers.',
    `${files.length} round(s); figures per round, separated by "/".`,
    '',
    '| producers | executor | tasks/s | Spindle / it, per round | median |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const { method, executor, scores, ratios } of rows.values()) {
    const figures = scores.map((v) => fmt(v, 'ops/s')).join(' / ');
    if (executor === 'spindle') {
      lines.push(`| ${method} | ${executor} | ${figures} | | |`);
    } else {
      const perRound = ratios.map((r) => `${r.toFixed(2)}x`).join(' / ');
      lines.push(`| ${method} | ${executor} | ${figures} | ${perRound} | **${median(ratios).toFixed(2)}x** |`);
    }
  }
  lines.push('', `Command: \`${command}\``);
  if (note) lines.push(`(${note})`);
  return lines.join('\n');
}

function gc(jmhPath, command) {
  const jmh = readJson(jmhPath);
  const lines = [
    'Allocation per callback (-prof gc, gc.alloc.rate.norm divided over the 1,000,000 callbacks of an operation).',
    '',
    '| shape | callbacks/s | bytes per callback |',
    '| --- | --- | --- |',
  ];
  for (const result of jmh) {
    const norm = result.secondaryMetrics['gc.alloc.rate.norm'];
    if (!norm) throw new Error(`${result.benchmark}: no gc.alloc.rate.norm; was it run with -prof gc?`);
    // With @OperationsPerInvocation JMH already reports the norm per callback.
    lines.push(`| ${shortName(result.benchmark)} | ${jmhFigure(result).text} | ${norm.score.toFixed(4)} B |`);
  }
  lines.push('', `Command: \`${command}\``);
  return lines.join('\n');
}

function httpGc(jmhPath, command) {
  const jmh = readJson(jmhPath);
  const lines = [
    'Allocation per request parsed and per response written (-prof gc, gc.alloc.rate.norm), and the time per operation.',
    '',
    '| benchmark | ns per operation | bytes per operation |',
    '| --- | ---: | ---: |',
  ];
  for (const result of jmh) {
    const norm = result.secondaryMetrics['gc.alloc.rate.norm'];
    if (!norm) throw new Error(`${result.benchmark}: no gc.alloc.rate.norm; was it run with -prof gc?`);
    lines.push(`| ${result.benchmark.split(".").slice(-2).join(".")} | ${result.primaryMetric.score.toFixed(0)} | ${norm.score.toFixed(0)} B |`);
  }
  lines.push('', `Command: \`${command}\``);
  return lines.join('\n');
}

function main(argv) {
  const [kind, ...rest] = argv;
  switch (kind) {
    case 'shapes': return shapes(rest[0], rest[1] || '', rest[2]);
    case 'execute': return execute(rest[0], rest[1] || '', rest[2]);
    case 'gc': return gc(rest[0], rest[1] || '');
    case 'http-gc': return httpGc(rest[0], rest[1] || '');
    default: throw new Error('usage: report.js shapes|execute|gc|http-gc ...');
  }
}

if (require.main === module) {
  process.stdout.write(main(process.argv.slice(2)) + '\n');
}

module.exports = { main, betterRatio, median };
