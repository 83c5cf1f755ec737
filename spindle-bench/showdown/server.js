#!/usr/bin/env node
// The showdown's JS model (issue 6): the seed's example server, a plain http.createServer with a
// route switch, grown to the showdown's routes. One file for Node, Bun and Deno: only node:http,
// node:perf_hooks and node:worker_threads, and a route whose feature a runtime lacks answers 404.
// The routes, bodies and work match dev.spindle.bench.showdown.servers.ShowdownRoutes.
//
//   node spindle-bench/showdown/server.js PORT [--backlog N]
//   bun spindle-bench/showdown/server.js PORT [--backlog N]
//   deno run -A spindle-bench/showdown/server.js PORT [--backlog N]
//
// Prints `<runtime> listening on <PORT> pid <PID>` once it accepts connections; ends on SIGTERM.
// It is an ES module (import, not require) because that is the form all three run as a .js file.
import http from 'node:http';
import os from 'node:os';
import * as perfHooks from 'node:perf_hooks';
import * as workerThreads from 'node:worker_threads';

const TEXT_PLAIN = 'text/plain; charset=utf-8';
const APPLICATION_JSON = 'application/json; charset=utf-8';
const HELLO = 'Hello, World!';
const TIMELINE_BODY = JSON.stringify({ user: 42, name: 'Ada', stages: ['parse', 'auth', 'db', 'format'] });
const STAGE_MILLIS = [1, 2, 50, 1]; // parse, auth, database, format
const DEFAULT_N = 1e9;
const DEFAULT_BACKLOG = 511;
const LAG_RESOLUTION_MS = 10;

// The seed's loop, `for (i = 0; i < n; i++) sum += i`, run in chunks short enough that each
// chunk's float64 sum stays exact (below 2^53); the chunks add up in a BigInt. So the body is the
// exact sum, as the Java models' long, while the work is the seed's: n float additions.
function sum(n) {
  const chunk = Math.max(1, Math.floor(Number.MAX_SAFE_INTEGER / Math.max(n, 1)));
  let total = 0n;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    let partial = 0;
    for (let i = start; i < end; i++) {
      partial += i;
    }
    total += BigInt(partial);
  }
  return total;
}

const compute = (n) => `Result: ${sum(n)}`;

if (!workerThreads.isMainThread) {
  // A worker of the pool below: sums what it is sent.
  workerThreads.parentPort.on('message', (n) => workerThreads.parentPort.postMessage(compute(n)));
} else {
  main();
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const runtime = process.versions.bun ? 'bun' : globalThis.Deno ? 'deno' : 'node';
  const lag = startLagMonitor(runtime);
  const pool = startWorkerPool();

  const server = http.createServer((req, res) => {
    const question = req.url.indexOf('?');
    const path = question < 0 ? req.url : req.url.slice(0, question);
    const query = new URLSearchParams(question < 0 ? '' : req.url.slice(question + 1));
    try {
      switch (path) {
        case '/':
          send(res, 200, TEXT_PLAIN, HELLO);
          break;
        case '/timeline':
          timeline(0, () => send(res, 200, APPLICATION_JSON, TIMELINE_BODY));
          break;
        case '/compute':
          send(res, 200, TEXT_PLAIN, compute(number(query.get('n'), DEFAULT_N)));
          break;
        case '/compute/worker':
          if (!pool) {
            send(res, 404, TEXT_PLAIN, 'Not Found');
            break;
          }
          pool.run(number(query.get('n'), DEFAULT_N)).then(
            (body) => send(res, 200, TEXT_PLAIN, body),
            (error) => send(res, 500, TEXT_PLAIN, String(error)));
          break;
        case '/block':
          send(res, 200, TEXT_PLAIN, block(number(query.get('ms'), 0)));
          break;
        case '/lag':
          if (lag) {
            send(res, 200, APPLICATION_JSON, lag.readAndReset());
          } else {
            send(res, 404, TEXT_PLAIN, 'Not Found');
          }
          break;
        default:
          send(res, 404, TEXT_PLAIN, 'Not Found');
      }
    } catch (error) {
      send(res, error instanceof RangeError ? 400 : 500, TEXT_PLAIN, error.message);
    }
  });
  // As the Java models: idle keep-alive connections are not cut after Node's default 5 s.
  server.keepAliveTimeout = 10 * 60 * 1000;

  server.listen({ port: args.port, host: '127.0.0.1', backlog: args.backlog }, () => {
    console.log(`${runtime} listening on ${server.address().port} pid ${process.pid}`);
  });
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections?.();
    pool?.close();
    process.exit(0);
  });
}

function parseArgs(argv) {
  const args = { port: 0, backlog: DEFAULT_BACKLOG };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--backlog' && i + 1 < argv.length) {
      args.backlog = Number(argv[++i]);
    } else if (i === 0) {
      args.port = Number(argv[i]);
    } else {
      throw new Error(`usage: server.js PORT [--backlog N]; unexpected ${argv[i]}`);
    }
  }
  if (!Number.isInteger(args.port) || !Number.isInteger(args.backlog) || args.backlog < 1) {
    throw new Error(`usage: server.js PORT [--backlog N]; got ${argv.join(' ')}`);
  }
  return args;
}

function send(res, status, type, body) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

// A query parameter as a non-negative whole number; fallback when absent; RangeError (400) else.
function number(value, fallback) {
  if (value === null) {
    return fallback;
  }
  if (!/^\d+$/.test(value)) {
    throw new RangeError(`not a non-negative whole number: ${value}`);
  }
  return Number(value);
}

// The timeline's waits, each a timer: the loop serves others meanwhile.
function timeline(stage, done) {
  if (stage === STAGE_MILLIS.length) {
    done();
  } else {
    setTimeout(() => timeline(stage + 1, done), STAGE_MILLIS[stage]);
  }
}

// Spins the loop for `millis` ms of CPU, never sleeping.
function block(millis) {
  const deadline = performance.now() + millis;
  while (performance.now() < deadline) {
    // burning CPU is the point: the loop can do nothing else meanwhile
  }
  return `blocked ${millis} ms`;
}

// perf_hooks.monitorEventLoopDelay, read as lag past the probe's period, as Spindle's LoopMonitor
// reports it. Node's histogram records the whole interval between probe runs (10 ms when idle), so
// the resolution is taken off its values; Bun's records the delay past it already. Null where the
// runtime has no such monitor, and on Deno (2.9), whose histogram fills but does not see the loop
// blocked (a 300 ms busy-spin leaves its max under 1 ms): then /lag is a 404.
function startLagMonitor(runtime) {
  if (runtime === 'deno') {
    return null;
  }
  let histogram;
  try {
    histogram = perfHooks.monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    histogram.enable();
  } catch {
    return null;
  }
  const offsetNanos = runtime === 'node' ? LAG_RESOLUTION_MS * 1e6 : 0;
  const millis = (nanos) => Math.max(0, nanos - offsetNanos) / 1e6;
  return {
    readAndReset() {
      const count = histogram.count ?? 0;
      const body = count === 0
        ? { p50_ms: 0, p99_ms: 0, max_ms: 0, mean_ms: 0, count: 0 }
        : {
          p50_ms: millis(histogram.percentile(50)),
          p99_ms: millis(histogram.percentile(99)),
          max_ms: millis(histogram.max),
          mean_ms: millis(histogram.mean),
          count,
        };
      histogram.reset();
      return JSON.stringify(body);
    },
  };
}

// A worker_threads pool of cores-1 workers (at least one), one started at once and kept warm, the
// rest started on demand; tasks wait in a queue when all are busy. Null where the runtime cannot
// start a worker (then /compute/worker is a 404).
function startWorkerPool() {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const size = Math.max(1, cores - 1);
  const idle = [];
  const queue = [];
  const workers = new Set();

  function spawn() {
    const worker = new workerThreads.Worker(new URL(import.meta.url));
    workers.add(worker);
    worker.on('message', (body) => {
      const task = worker.task;
      worker.task = null;
      task.resolve(body);
      next(worker);
    });
    worker.on('error', (error) => {
      workers.delete(worker);
      idle.splice(idle.indexOf(worker) >>> 0, 1);
      worker.task?.reject(error);
    });
    return worker;
  }

  function assign(worker, task) {
    worker.task = task;
    worker.postMessage(task.n);
  }

  function next(worker) {
    const task = queue.shift();
    if (task) {
      assign(worker, task);
    } else {
      idle.push(worker);
    }
  }

  try {
    idle.push(spawn());
  } catch {
    return null;
  }
  return {
    run(n) {
      return new Promise((resolve, reject) => {
        const task = { n, resolve, reject };
        const worker = idle.pop() ?? (workers.size < size ? spawn() : null);
        if (worker) {
          assign(worker, task);
        } else {
          queue.push(task);
        }
      });
    },
    close() {
      for (const worker of workers) {
        worker.terminate();
      }
    },
  };
}
