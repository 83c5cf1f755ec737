#!/usr/bin/env node
// The Node.js peer of spindle-bench's OffloadRoundTripBenchmark: an empty message from the main
// thread to a worker_threads worker and back (postMessage both ways), under the same names and
// counts (see dev.spindle.bench.jmh.OffloadRoundTripBenchmark).
//
//   node worker-roundtrip.js [--quick] [--pool=N] [--only=name1,name2]
//
//   workersOneInFlight   CHAIN round trips to one worker, one outstanding at a time: µs per round trip
//   workersManyInFlight  MANY messages over a pool of N workers (default: the CPUs), IN_FLIGHT
//                        outstanding, sent round-robin: messages per second
//
// Prints one JSON document on stdout, like loop-shapes.js. The workers are started, and answer
// one message, before anything is measured.
'use strict';

const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const os = require('node:os');

const CHAIN = 10_000;
const MANY = 100_000;
const IN_FLIGHT = 1_000;

if (!isMainThread) {
  // The worker: the empty task is answering.
  parentPort.on('message', (message) => parentPort.postMessage(message));
  return;
}

function startWorker() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename);
    worker.once('error', reject);
    worker.once('message', () => resolve(worker));
    worker.postMessage(null);
  });
}

// total messages, inFlight outstanding, spread round-robin over workers; resolves when all answered.
function roundTrips(workers, total, inFlight) {
  return new Promise((resolve) => {
    let toSend = total;
    let completed = 0;
    let next = 0;
    const send = () => {
      toSend--;
      workers[next].postMessage(null);
      next = (next + 1) % workers.length;
    };
    const answered = () => {
      completed++;
      if (toSend > 0) {
        send();
      } else if (completed === total) {
        resolve();
      }
    };
    for (const worker of workers) {
      worker.on('message', answered);
    }
    for (let i = 0; i < Math.min(total, inFlight); i++) {
      send();
    }
  }).finally(() => workers.forEach((worker) => worker.removeAllListeners('message')));
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, samples.length - 1);
  return { mean, stdev: Math.sqrt(variance), min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
}

// Each iteration runs whole operations for about `seconds`, as a JMH iteration does.
async function measure(name, shape, warmups, iterations, seconds) {
  const samples = [];
  for (let i = 0; i < warmups + iterations; i++) {
    let ops = 0;
    const start = process.hrtime.bigint();
    let nanos = 0;
    do {
      await shape.run();
      ops += shape.ops;
      nanos = Number(process.hrtime.bigint() - start);
    } while (nanos < seconds * 1e9);
    if (i >= warmups) {
      samples.push(shape.unit === 'ops/s' ? ops / (nanos / 1e9) : (nanos / 1e3) / ops);
    }
  }
  process.stderr.write(`node ${name}: ${stats(samples).mean.toFixed(2)} ${shape.unit}\n`);
  return { unit: shape.unit, iterations, warmups, ...stats(samples), samples };
}

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const poolArg = args.find((a) => a.startsWith('--pool='));
  const pool = poolArg ? Number(poolArg.slice('--pool='.length)) : (os.availableParallelism?.() ?? os.cpus().length);
  const only = args.find((a) => a.startsWith('--only='));

  const workers = [];
  for (let i = 0; i < pool; i++) {
    workers.push(await startWorker());
  }
  const shapes = {
    workersOneInFlight: { unit: 'us/op', ops: CHAIN, run: () => roundTrips(workers.slice(0, 1), CHAIN, 1) },
    workersManyInFlight: { unit: 'ops/s', ops: MANY, run: () => roundTrips(workers, MANY, IN_FLIGHT) },
  };
  const names = only ? only.slice('--only='.length).split(',') : Object.keys(shapes);
  for (const name of names) {
    if (!shapes[name]) {
      throw new Error(`unknown shape ${name}; known: ${Object.keys(shapes).join(', ')}`);
    }
  }
  const results = {};
  for (const name of names) {
    // As JMH's: 5 warm-up and 5 measured iterations of 1 s; --quick: 3 and 3.
    results[name] = await measure(name, shapes[name], quick ? 3 : 5, quick ? 3 : 5, 1);
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
  process.stdout.write(JSON.stringify({ runtime: `node ${process.version}`, quick, pool, results }, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
