package org.salesops.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports nobody listens on right now, so tests never collide with a developer's stack. */
final class FreePorts {

    private FreePorts() {
    }

    static int any() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port whose successor is free too (Kafka's broker and controller). */
    static int withNextFree() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = any();
            if (port < 65_535 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("No two consecutive free ports found");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
