package dev.spindle.load;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Where a running load test stands, once a second.
 *
 * @param elapsed time since the run started
 * @param responses responses received so far, any status
 * @param errors requests that failed without a response so far (non-2xx responses are not among them)
 * @param lastSecond responses received in the last second
 * @param done the fraction of the run done, 0 to 1: of the warm-up and duration, or of the request count
 * @param warmingUp whether the run is still in its warm-up (nothing is counted yet)
 */
public record LoadProgress(Duration elapsed, long responses, long errors, long lastSecond, OptionalDouble done,
        boolean warmingUp) {}
