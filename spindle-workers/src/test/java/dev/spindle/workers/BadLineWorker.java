package dev.spindle.workers;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A forked child that writes a line that is no JSON, then a good message. */
public final class BadLineWorker {

    private BadLineWorker() {}

    public static void main(String[] args) throws IOException {
        try (FileOutputStream raw = new FileOutputStream(FileDescriptor.out)) {
            raw.write("this is not json\n".getBytes(StandardCharsets.UTF_8));
            raw.flush();
            ParentChannel.open().send(new EchoWorker.Pong(1, "after the bad line", true));
        }
    }
}
