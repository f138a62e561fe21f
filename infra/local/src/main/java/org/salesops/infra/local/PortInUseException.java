package org.salesops.infra.local;

/** A service of the local stack cannot start because its loopback port is taken. */
public final class PortInUseException extends IllegalStateException {

    private final String service;
    private final int port;

    PortInUseException(String service, int port, String howToChooseAnother) {
        super("Port " + port + " on 127.0.0.1, needed by the " + service + ", is already in use. "
                + "Stop whatever listens there (for example: ss -ltnp 'sport = :" + port + "'), "
                + "or " + howToChooseAnother + ".");
        this.service = service;
        this.port = port;
    }

    /** What needed the port, e.g. "Kafka broker". */
    public String service() {
        return service;
    }

    public int port() {
        return port;
    }
}
