#!/usr/bin/env node
// Node's peer in the HTTP bench: the plain `http` module, one process, one loop. The same routes
// as the Java bench servers (dev.spindle.bench.http): GET / plaintext, GET /json serialized per
// request, GET /wait answered after a 50 ms setTimeout.
//
//   node spindle-bench/http/node-server.js PORT
'use strict';
const http = require('node:http');

const port = Number(process.argv[2] || 0);
const HELLO = 'Hello, World!';
const WAIT_MILLIS = 50;
const BACKLOG = 4096;

function send(res, type, body) {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  switch (req.url) {
    case '/':
      send(res, 'text/plain; charset=utf-8', HELLO);
      break;
    case '/json':
      send(res, 'application/json; charset=utf-8', JSON.stringify({ message: HELLO }));
      break;
    case '/wait':
      setTimeout(() => send(res, 'text/plain; charset=utf-8', HELLO), WAIT_MILLIS);
      break;
    default:
      res.writeHead(404, { 'Content-Length': 0 });
      res.end();
  }
});
// As the Java servers: idle keep-alive connections are not cut after Node's default 5 s.
server.keepAliveTimeout = 10 * 60 * 1000;

server.listen(port, '127.0.0.1', BACKLOG, () => {
  console.log(`node listening on ${server.address().port} pid ${process.pid}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
  });
}
