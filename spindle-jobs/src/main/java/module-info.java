/**
 * A durable job queue for Spindle: {@link dev.spindle.jobs.JobQueue#add} answers with a job id at
 * once, processors run the jobs on the loop or on the worker pool, with retries, backoff, leases and
 * stalled-job recovery. Public API in {@code dev.spindle.jobs}; the store SPI, which the embedded
 * SQLite store implements and a Redis store can implement, in {@code dev.spindle.jobs.spi};
 * everything else is internal.
 */
module dev.spindle.jobs {
    requires transitive dev.spindle.loop;
    requires transitive dev.spindle.workers;
    requires transitive dev.spindle.http;
    requires transitive com.fasterxml.jackson.databind;
    requires java.sql;
    requires org.xerial.sqlitejdbc;

    exports dev.spindle.jobs;
    exports dev.spindle.jobs.spi;
}
