package org.salesops.infra.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Checks on 127.0.0.1 ports, the only interface the local stack listens on. */
final class LoopbackPorts {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private LoopbackPorts() {
    }

    /** Fails with {@link PortInUseException} unless {@code port} can be bound right now. */
    static void requireFree(int port, String service, String howToChooseAnother) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " for the " + service + " is out of range 1-65535");
        }
        try (ServerSocket probe = new ServerSocket()) {
            // As the services bind: connections of a stopped run in TIME_WAIT must not count as
            // "in use", while a listener on this port (on any address) still fails the bind.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(service, port, howToChooseAnother);
        }
    }

    /** A port nobody listens on right now (the system's choice). */
    static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose successor is free too (a Kafka node's broker and controller). */
    static int freeWithNext() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = free();
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

    /** Whether something accepts TCP connections on {@code port}. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
