package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a {@link RequestParser} reports, both as objects and as a trace of lines in which
 * consecutive body pieces are merged, so that traces of the same input split differently compare
 * equal.
 */
final class RecordingListener implements RequestListener {

    final List<String> trace = new ArrayList<>();
    final List<RequestHead> heads = new ArrayList<>();
    final List<String> bodies = new ArrayList<>();
    final List<List<HeaderField>> trailers = new ArrayList<>();
    final List<ByteBuffer> bodyPieces = new ArrayList<>();
    int completed;
    HttpException error;
    /** Set to pause the parser at the end of every message. */
    RequestParser pauseAfterEachMessage;
    /** Set to pause the parser after every head. */
    RequestParser pauseAfterHead;

    @Override
    public void onHead(RequestHead head) {
        heads.add(head);
        bodies.add("");
        trace.add("head " + head);
        if (pauseAfterHead != null) {
            pauseAfterHead.pause();
        }
    }

    @Override
    public void onBody(ByteBuffer data) {
        bodyPieces.add(data);
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        String text = new String(bytes, ISO_8859_1);
        bodies.set(bodies.size() - 1, bodies.getLast() + text);
        if (!trace.isEmpty() && trace.getLast().startsWith("body ")) {
            trace.set(trace.size() - 1, trace.getLast() + text);
        } else {
            trace.add("body " + text);
        }
    }

    @Override
    public void onTrailers(List<HeaderField> fields) {
        trailers.add(fields);
        trace.add("trailers " + fields);
    }

    @Override
    public void onMessageComplete() {
        completed++;
        trace.add("complete");
        if (pauseAfterEachMessage != null) {
            pauseAfterEachMessage.pause();
        }
    }

    @Override
    public void onError(HttpException e) {
        if (error != null) {
            throw new AssertionError("second error after " + error.getMessage(), e);
        }
        error = e;
        trace.add("error " + e.status());
    }

    RequestHead head() {
        return heads.getFirst();
    }

    int status() {
        return error == null ? 0 : error.status();
    }
}
