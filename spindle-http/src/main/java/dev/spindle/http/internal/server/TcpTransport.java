package dev.spindle.http.internal.server;

import dev.spindle.net.TcpSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** A {@link Transport} over a {@link TcpSocket}. */
final class TcpTransport implements Transport {

    private final TcpSocket socket;

    TcpTransport(TcpSocket socket) {
        this.socket = socket;
    }

    @Override
    public void attach(HttpConnection connection) {
        socket.onData(connection::onData)
                .onEnd(connection::onEnd)
                .onDrain(connection::onDrain)
                .onError(connection::onTransportError)
                .onClose(hadError -> connection.onClose());
    }

    @Override
    public boolean write(ByteBuffer data) {
        return socket.write(data);
    }

    @Override
    public void pauseReading() {
        socket.pause();
    }

    @Override
    public void resumeReading() {
        socket.resume();
    }

    @Override
    public void end() {
        socket.end();
    }

    @Override
    public void destroy() {
        socket.destroy();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return socket.remoteAddress();
    }

    @Override
    public long bufferedBytes() {
        return socket.bufferedBytes();
    }

    @Override
    public boolean isReadingPaused() {
        return socket.isPaused();
    }
}
