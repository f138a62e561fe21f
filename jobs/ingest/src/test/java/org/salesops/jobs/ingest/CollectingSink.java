package org.salesops.jobs.ingest;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Collects what a job emits into a static queue (the sink is serialised to its tasks, which run in
 * the test's JVM on a MiniCluster, so the queue must not travel with it).
 */
class CollectingSink<T> implements Sink<T> {

    static final Queue<Object> COLLECTED = new ConcurrentLinkedQueue<>();

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                COLLECTED.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
