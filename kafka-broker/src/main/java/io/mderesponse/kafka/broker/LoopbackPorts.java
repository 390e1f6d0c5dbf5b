package io.mderesponse.kafka.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/** Free TCP ports on the loopback interface, for brokers and services started by tests and the local run. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free a moment ago; the caller binds it soon after. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /**
     * A free port other than {@code taken}: a port freed a moment ago may be handed out again at once, and a second
     * listener of the same process on it fails to bind (the broker refuses two listeners on one port).
     */
    public static int freeExcept(int... taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = free();
            if (Arrays.stream(taken).noneMatch(used -> used == port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port other than " + Arrays.toString(taken));
    }
}
