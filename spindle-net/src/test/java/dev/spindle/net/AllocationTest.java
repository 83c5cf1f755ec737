package dev.spindle.net;

import static dev.spindle.net.NetFixture.LOCAL;
import static dev.spindle.net.NetFixture.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The steady state of an echo (read into the loop's buffer, write a buffer that the kernel takes at
 * once) allocates nothing per message. The loop runs on the test thread, so the JVM's
 * per-thread allocation counter measures exactly the loop's work. The bound leaves room for the
 * JDK's own selector bookkeeping; a per-read or per-write buffer would blow through it.
 */
@Timeout(20)
class AllocationTest {

    private static final int WARM_UP = 5_000;
    private static final int MEASURED = 10_000;
    private static final int MESSAGE = 128;

    private final NetFixture net = new NetFixture();

    @AfterEach
    void closeLoop() {
        net.close();
    }

    @Test
    void anEchoRoundTripAllocatesNothingInSteadyState() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> socket.onData(socket::write));
        // A heap buffer on the client (it passes through the loop's direct write buffer) and the
        // direct read buffer echoed back by the server (it goes to the kernel as it is).
        ByteBuffer message = ByteBuffer.allocate(MESSAGE);
        long[] allocated = {0};
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            int[] received = {0};
            int[] roundTrips = {0};
            client.onData(data -> {
                received[0] += data.remaining();
                if (received[0] < MESSAGE) {
                    return;
                }
                received[0] = 0;
                int done = ++roundTrips[0];
                if (done == WARM_UP) {
                    allocated[0] = threads.getCurrentThreadAllocatedBytes();
                } else if (done == WARM_UP + MEASURED) {
                    allocated[0] = threads.getCurrentThreadAllocatedBytes() - allocated[0];
                    client.end();
                    return;
                }
                message.clear();
                client.write(message);
            });
            client.onClose(hadError -> server.close());
            client.write(message);
        });
        net.run();

        double perRoundTrip = (double) allocated[0] / MEASURED;
        assertThat(perRoundTrip).as("bytes allocated per echo round trip").isLessThan(64);
        System.out.printf("AllocationTest: %.2f bytes allocated per echo round trip%n", perRoundTrip);
    }
}
