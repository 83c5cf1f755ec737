#!/usr/bin/env node
// The Node.js peer of spindle-bench's LoopShapesBenchmark and MillionTimersBenchmark: the same
// shapes, under the same names, with the same counts (see dev.spindle.bench.LoopShapes).
//
//   node loop-shapes.js [--quick] [--only=name1,name2]
//
// Prints one JSON document on stdout. Throughput shapes report callbacks per second ("ops/s");
// timer shapes report milliseconds per million timers ("ms/op"), scheduling included, like JMH's
// AverageTime. Every shape is warmed up first, then measured over several iterations; each
// iteration is one whole operation (a million callbacks or timers).
'use strict';

const CALLBACKS = 1_000_000;
const IMMEDIATE_BATCH = 1_000;
const TIMERS = 1_000_000;
const MAX_VARIED_DELAY_MILLIS = 50;
const SAME_DELAY_MILLIS = 1;

// LoopShapes.variedDelayMillis: 1..50 ms, scattered so timers are not created in deadline order.
function variedDelayMillis(i) {
  return 1 + ((i * 7919) % MAX_VARIED_DELAY_MILLIS);
}

function expect(ran, wanted, what) {
  if (ran !== wanted) {
    throw new Error(`${what}: ran ${ran}, expected ${wanted}`);
  }
}

// Each shape starts inside a setImmediate callback (Spindle's start inside a loop callback too)
// and resolves when its last callback has run.
const shapes = {
  // Each immediate queues the next: one callback per loop turn.
  immediateChain: {
    unit: 'ops/s', ops: CALLBACKS,
    run: () => new Promise((resolve) => {
      let remaining = CALLBACKS;
      let ran = 0;
      function step() {
        ran++;
        if (--remaining > 0) {
          setImmediate(step);
        } else {
          expect(ran, CALLBACKS, 'immediateChain');
          resolve();
        }
      }
      setImmediate(step);
    }),
  },

  // IMMEDIATE_BATCH immediates per turn; the last of a batch queues the next batch.
  immediateBatch: {
    unit: 'ops/s', ops: CALLBACKS,
    run: () => new Promise((resolve) => {
      let queued = 0;
      let ran = 0;
      function queueBatch() {
        const count = Math.min(IMMEDIATE_BATCH, CALLBACKS - queued);
        for (let i = 0; i < count; i++) {
          setImmediate(step);
        }
        queued += count;
      }
      function step() {
        ran++;
        if (ran === queued) {
          if (queued < CALLBACKS) {
            queueBatch();
          } else {
            resolve();
          }
        }
      }
      setImmediate(queueBatch);
    }),
  },

  // Each nextTick queues the next; all drain after the one callback that queued the first.
  nextTickChain: {
    unit: 'ops/s', ops: CALLBACKS,
    run: () => new Promise((resolve) => {
      let remaining = CALLBACKS;
      let ran = 0;
      function step() {
        ran++;
        if (--remaining > 0) {
          process.nextTick(step);
        } else {
          expect(ran, CALLBACKS, 'nextTickChain');
          resolve();
        }
      }
      setImmediate(() => process.nextTick(step));
    }),
  },

  // A million then(x => x) links on a resolved promise, built at once, then drained.
  // (JavaScript's then is Spindle's then and map at once: both shapes are this code.)
  promiseThenChain: {
    unit: 'ops/s', ops: CALLBACKS,
    run: () => promiseChain('promiseThenChain'),
  },
  promiseMapChain: {
    unit: 'ops/s', ops: CALLBACKS,
    run: () => promiseChain('promiseMapChain'),
  },

  // libuv's million_timers: a million setTimeout, run until all have fired.
  timersSameDelay: {
    unit: 'ms/op', ops: TIMERS,
    run: () => timerStorm(() => SAME_DELAY_MILLIS, 'timersSameDelay'),
  },
  timersVariedDelays: {
    unit: 'ms/op', ops: TIMERS,
    run: () => timerStorm(variedDelayMillis, 'timersVariedDelays'),
  },
};

function promiseChain(name) {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      let ran = 0;
      const countingIdentity = (value) => {
        ran++;
        return value;
      };
      let promise = Promise.resolve(true);
      for (let i = 0; i < CALLBACKS; i++) {
        promise = promise.then(countingIdentity);
      }
      promise.then(() => {
        expect(ran, CALLBACKS, name);
        resolve();
      }, reject);
    });
  });
}

function timerStorm(delayOf, name) {
  return new Promise((resolve) => {
    setImmediate(() => {
      let fired = 0;
      const fire = () => {
        if (++fired === TIMERS) {
          resolve();
        }
      };
      for (let i = 0; i < TIMERS; i++) {
        setTimeout(fire, delayOf(i));
      }
    });
  }).then(() => undefined, (e) => { throw new Error(`${name}: ${e}`); });
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, samples.length - 1);
  return {
    mean,
    stdev: Math.sqrt(variance),
    min: sorted[0],
    median: sorted[Math.floor(sorted.length / 2)],
    max: sorted[sorted.length - 1],
  };
}

async function measure(name, shape, warmups, iterations) {
  for (let i = 0; i < warmups; i++) {
    await shape.run();
  }
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await shape.run();
    const nanos = Number(process.hrtime.bigint() - start);
    samples.push(shape.unit === 'ops/s' ? shape.ops / (nanos / 1e9) : nanos / 1e6);
  }
  process.stderr.write(`node ${name}: ${stats(samples).mean.toFixed(1)} ${shape.unit}\n`);
  return { unit: shape.unit, iterations, warmups, ...stats(samples), samples };
}

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='));
  const names = only ? only.slice('--only='.length).split(',') : Object.keys(shapes);
  for (const name of names) {
    if (!shapes[name]) {
      throw new Error(`unknown shape ${name}; known: ${Object.keys(shapes).join(', ')}`);
    }
  }
  const results = {};
  for (const name of names) {
    const timers = shapes[name].unit === 'ms/op';
    // About as long as JMH's warm-up and measurement for the same shape.
    const warmups = quick ? 2 : (timers ? 4 : 10);
    const iterations = quick ? 3 : (timers ? 10 : 20);
    results[name] = await measure(name, shapes[name], warmups, iterations);
  }
  process.stdout.write(JSON.stringify({ runtime: `node ${process.version}`, quick, results }, null, 2) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
