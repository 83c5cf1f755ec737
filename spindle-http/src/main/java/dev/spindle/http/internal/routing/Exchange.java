package dev.spindle.http.internal.routing;

import dev.spindle.http.Request;
import dev.spindle.http.Response;
import java.util.Map;

/** One request and its response as the pipeline drives them; the server's connection implements it. */
public interface Exchange {

    Request request();

    Response response();

    /** The pipeline reached a route: its label and path parameters become the request's. */
    void routeMatched(String label, Map<String, String> params);

    /** An error arrived after the headers went out: no status can be sent, so the connection is cut. */
    void abort(Throwable error);
}
