package dev.spindle.net;

import static dev.spindle.net.NetFixture.LOCAL;
import static dev.spindle.net.NetFixture.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client pushes 8 MiB into a server socket that starts paused. Small kernel buffers make the
 * backpressure show at once: {@code write} must return false, the queue must stay near the
 * high-water mark, {@code drain} must wait for the reader, and every byte must arrive in order.
 */
@Timeout(20)
class BackpressureTest {

    private static final int TOTAL = 8 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final int HIGH_WATER_MARK = TcpSocketOptions.DEFAULT_HIGH_WATER_MARK;

    private final NetFixture net = new NetFixture();

    @AfterEach
    void closeLoop() {
        net.close();
    }

    /** The client's side of the test. */
    private final class Pump {
        final TcpSocket socket;
        final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        final Random random = new Random(42);
        final CRC32 crc = new CRC32();
        long sent;
        long maxBuffered;
        int refusals;
        int drains;
        Runnable onFirstRefusal = () -> {};

        Pump(TcpSocket socket) {
            this.socket = socket;
        }

        /** Writes until {@code write} says stop or everything is sent, as a Node producer would. */
        void pump() {
            while (sent < TOTAL) {
                random.nextBytes(chunk.array());
                crc.update(chunk.array());
                chunk.clear();
                boolean more = socket.write(chunk);
                assertThat(chunk.hasRemaining()).isFalse(); // consumed: written or copied to the queue
                sent += CHUNK;
                maxBuffered = Math.max(maxBuffered, socket.bufferedBytes());
                if (!more) {
                    if (refusals++ == 0) {
                        onFirstRefusal.run();
                    }
                    return;
                }
            }
            socket.end();
        }
    }

    @Test
    void aPausedReaderHoldsBackTheWriterUntilItResumes() {
        TcpSocketOptions smallBuffers = TcpSocketOptions.builder()
                .sendBufferSize(32 * 1024)
                .receiveBufferSize(32 * 1024)
                .build();
        TcpServerOptions serverOptions = TcpServerOptions.builder().socketOptions(smallBuffers).build();

        CRC32 receivedCrc = new CRC32();
        long[] received = {0};
        boolean[] resumed = {false};
        TcpSocket[] serverSide = {null};
        TcpServer server = TcpServer.listen(net.loop, LOCAL, serverOptions, socket -> {
            serverSide[0] = socket;
            socket.pause();
            socket.onData(data -> {
                received[0] += data.remaining();
                receivedCrc.update(data);
            });
            socket.onClose(hadError -> net.loop.setImmediate(() -> {})); // keeps nothing alive; just a marker turn
        });

        Pump[] pumpRef = {null};
        TcpSocket.connect(net.loop, "127.0.0.1", port(server), smallBuffers).then(client -> {
            Pump pump = new Pump(client);
            pumpRef[0] = pump;
            pump.onFirstRefusal = () -> net.loop.setTimeout(() -> {
                assertThat(serverSide[0].isPaused()).isTrue();
                assertThat(pump.drains).as("no drain while the reader is paused").isZero();
                resumed[0] = true;
                serverSide[0].resume();
            }, 20);
            client.onDrain(() -> {
                assertThat(resumed[0]).as("drain only after the reader resumed").isTrue();
                assertThat(client.bufferedBytes()).isZero();
                pump.drains++;
                pump.pump();
            });
            client.onData(data -> {});
            client.onClose(hadError -> server.close());
            pump.pump();
        });
        net.run();

        Pump pump = pumpRef[0];
        assertThat(pump.sent).isEqualTo(TOTAL);
        assertThat(pump.refusals).as("write() returned false").isPositive();
        assertThat(pump.drains).isEqualTo(pump.refusals);
        assertThat(pump.maxBuffered).as("queued bytes stay bounded").isLessThanOrEqualTo(HIGH_WATER_MARK + CHUNK);
        assertThat(received[0]).isEqualTo(TOTAL);
        assertThat(receivedCrc.getValue()).isEqualTo(pump.crc.getValue());
        assertThat(pump.socket.bytesWritten()).isEqualTo(TOTAL);
    }
}
