package dev.spindle.net;

import static dev.spindle.net.NetFixture.LOCAL;
import static dev.spindle.net.NetFixture.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.loop.LoopOptions;
import dev.spindle.loop.ManualClock;
import dev.spindle.loop.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle timeouts on a virtual clock: the loop jumps straight to the next timer whenever no I/O is
 * ready, so a five-second timeout fires at once and at an exact loop time.
 */
@Timeout(20)
class IdleTimeoutTest {

    private final ManualClock clock = new ManualClock();
    private final NetFixture net = new NetFixture(LoopOptions.builder().clock(clock).build());

    @AfterEach
    void closeLoop() {
        net.close();
    }

    @Test
    void anIdleSocketTimesOutAfterExactlyItsTimeout() {
        long[] acceptedAt = {-1};
        long[] firedAt = {-1};
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            acceptedAt[0] = net.loop.now();
            socket.onData(data -> {});
            socket.setTimeout(5_000, () -> {
                firedAt[0] = net.loop.now();
                socket.destroy(); // the timeout only tells; closing is the callback's choice
            });
        });
        boolean[] clientClosed = {false};
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> {});
            client.onClose(hadError -> {
                clientClosed[0] = true;
                server.close();
            });
        });
        net.run();

        assertThat(firedAt[0] - acceptedAt[0]).isEqualTo(5_000);
        assertThat(clientClosed[0]).isTrue();
    }

    @Test
    void activityPushesTheTimeoutBack() {
        int writes = 5;
        long[] lastDataAt = {-1};
        int[] reads = {0};
        long[] firedAt = {-1};
        int[] readsWhenFired = {-1};
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            socket.onData(data -> {
                reads[0] += data.remaining();
                lastDataAt[0] = net.loop.now();
            });
            socket.setTimeout(100, () -> {
                firedAt[0] = net.loop.now();
                readsWhenFired[0] = reads[0];
                socket.destroy();
            });
        });
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            int[] sent = {0};
            Timer[] ticker = {null};
            // One byte every 40 ms: each arrives well inside the 100 ms timeout and re-arms it.
            ticker[0] = net.loop.setInterval(() -> {
                client.write(new byte[] {1});
                if (++sent[0] == writes) {
                    ticker[0].close();
                }
            }, 40);
            client.onData(data -> {});
            client.onClose(hadError -> server.close());
        });
        net.run();

        assertThat(readsWhenFired[0]).as("every byte arrived before the timeout").isEqualTo(writes);
        assertThat(firedAt[0] - lastDataAt[0]).isEqualTo(100);
    }

    @Test
    void zeroTurnsTheTimeoutOff() {
        boolean[] fired = {false};
        TcpServer server = TcpServer.listen(net.loop, LOCAL, socket -> {
            socket.onData(data -> {});
            socket.setTimeout(50, () -> fired[0] = true);
            socket.setTimeout(0, null);
            net.loop.setTimeout(socket::destroy, 1_000);
        });
        TcpSocket.connect(net.loop, "127.0.0.1", port(server)).then(client -> {
            client.onData(data -> {});
            client.onClose(hadError -> server.close());
        });
        net.run();

        assertThat(fired[0]).isFalse();
    }
}
