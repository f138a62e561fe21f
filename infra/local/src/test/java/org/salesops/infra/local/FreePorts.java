package org.salesops.infra.local;

/** Loopback ports nobody listens on right now, so tests never collide with a developer's stack. */
final class FreePorts {

    private FreePorts() {
    }

    static int any() {
        return LoopbackPorts.free();
    }

    /** A port whose successor is free too (Kafka's broker and controller). */
    static int withNextFree() {
        return LoopbackPorts.freeWithNext();
    }

    static boolean isFree(int port) {
        return LoopbackPorts.isFree(port);
    }
}
