#!/usr/bin/env node
// Turns JMH's JSON results (-rf json) and loop-shapes.js's output into Markdown tables.
//
//   node report.js shapes  DIR "COMMAND" [NOTE]                Spindle vs Node, shape by shape, from
//                                                         DIR/jmh-shape-*.json and DIR/node-shape-*.json
//   node report.js execute JMH_JSON "COMMAND"             Spindle vs each executor peer
//   node report.js gc      JMH_JSON "COMMAND"             gc.alloc.rate.norm per callback
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

// Every shape's JMH and Node results sit in files of their own, measured back to back.
function readShapes(dir) {
  const files = fs.readdirSync(dir).sort();
  const jmh = files.filter((f) => /^jmh-shape-.*\.json$/.test(f)).flatMap((f) => readJson(`${dir}/${f}`));
  const nodeRuns = files.filter((f) => /^node-shape-.*\.json$/.test(f)).map((f) => readJson(`${dir}/${f}`));
  if (jmh.length === 0 || nodeRuns.length === 0) {
    throw new Error(`no jmh-shape-*.json or node-shape-*.json in ${dir}`);
  }
  const node = { runtime: nodeRuns[0].runtime, quick: nodeRuns[0].quick, results: {} };
  for (const run of nodeRuns) Object.assign(node.results, run.results);
  return { jmh, node };
}

function shapes(dir, command, note) {
  const { jmh, node } = readShapes(dir);
  const lines = [
    `Spindle vs ${node.runtime}: the same shapes and counts; each shape's JMH run and Node run back to back${node.quick ? ' (quick mode)' : ''}.`,
    '',
    '| shape | Spindle (JMH) | Node | Spindle vs Node |',
    '| --- | --- | --- | --- |',
  ];
  for (const result of jmh) {
    const name = shortName(result.benchmark);
    const peer = node.results[name];
    const spindle = jmhFigure(result);
    if (!peer) {
      lines.push(`| ${name} | ${spindle.text} | (not run) | |`);
      continue;
    }
    if (peer.unit !== spindle.unit) {
      throw new Error(`${name}: JMH reports ${spindle.unit}, Node ${peer.unit}`);
    }
    const ratio = betterRatio(spindle.score, peer.mean, spindle.unit);
    const peerText = `${fmt(peer.mean, peer.unit)} (sd ${fmt(peer.stdev, peer.unit, peer.mean)})`;
    lines.push(`| ${name} | ${spindle.text} | ${peerText} | ${ratio.toFixed(2)}x ${ratio >= 1 ? 'faster' : 'slower'} |`);
  }
  lines.push('', 'Throughput shapes: callbacks per second (more is better). Timer shapes: ms per million timers,');
  lines.push('scheduling included (less is better). Ratio: how many times faster Spindle was.');
  lines.push('', `Command: \`${command}\``);
  if (note) lines.push(`(${note})`);
  return lines.join('\n');
}

function execute(jmhPath, command) {
  const jmh = readJson(jmhPath);
  const byMethod = new Map();
  for (const result of jmh) {
    const method = shortName(result.benchmark);
    if (!byMethod.has(method)) byMethod.set(method, new Map());
    byMethod.get(method).set(result.params.executor, jmhFigure(result));
  }
  const lines = [
    'Cross-thread execute: no-op tasks completed per second, end to end, summed over producers.',
    '',
    '| producers | executor | tasks/s | Spindle / it |',
    '| --- | --- | --- | --- |',
  ];
  for (const [method, executors] of byMethod) {
    const spindle = executors.get('spindle');
    for (const [name, figure] of executors) {
      const ratio = spindle ? `${(spindle.score / figure.score).toFixed(2)}x` : '';
      lines.push(`| ${method} | ${name} | ${figure.text} | ${name === 'spindle' ? '' : ratio} |`);
    }
  }
  lines.push('', `Command: \`${command}\``);
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

function main(argv) {
  const [kind, ...rest] = argv;
  switch (kind) {
    case 'shapes': return shapes(rest[0], rest[1] || '', rest[2]);
    case 'execute': return execute(rest[0], rest[1] || '');
    case 'gc': return gc(rest[0], rest[1] || '');
    default: throw new Error('usage: report.js shapes|execute|gc ...');
  }
}

if (require.main === module) {
  process.stdout.write(main(process.argv.slice(2)) + '\n');
}

module.exports = { main, betterRatio };
