/**
 * The HTTP bench: the same three routes served by Spindle (with and without the loop monitor),
 * Netty 4.2, Vert.x 5 and a thread-per-request JDK server, each a main class taking a port, plus
 * the client that holds idle keep-alive connections open for the memory figures. Node's server and
 * the script that drives wrk against all of them live in {@code spindle-bench/http/}.
 *
 * <p>Every server answers, on 127.0.0.1:
 * <ul>
 *   <li>{@code GET /}: {@code Hello, World!} as {@code text/plain};</li>
 *   <li>{@code GET /json}: {@code {"message":"Hello, World!"}}, serialized per request;</li>
 *   <li>{@code GET /wait}: {@code Hello, World!} after 50 ms, waited without blocking (the
 *       thread-per-request server sleeps: that is its model).</li>
 * </ul>
 */
package dev.spindle.bench.http;
