package org.salesops.pipelines.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Inputs of a keyed function held until the watermark passes their event time, so the function applies
 * them in event-time order whatever order they arrived in (parallel inputs, one running ahead of another, a
 * restart). Each waits in keyed map state under its timestamp, with an event-time timer at that timestamp;
 * the function's {@code onTimer} releases them.
 *
 * <p>An input at or below the watermark already (late) is held too and released at the next watermark, when
 * its timer fires. The inputs of one instant come out in arrival order, or sorted by the order the function
 * gives (ties keep arrival order). Releasing the last waiting instant leaves no state behind: Flink's map
 * state drops a key whose map becomes empty.
 *
 * <p>The state's name and type ({@link #state}) are part of the savepoint contract of the operator that
 * holds the buffer: keep both when the operator changes, or its checkpoints no longer restore.
 */
public final class EventTimeBuffer<T> {

    private final MapState<Long, List<T>> waiting;
    private final Comparator<? super T> sameInstantOrder;

    /** Releases the inputs of one instant in arrival order. */
    public EventTimeBuffer(MapState<Long, List<T>> waiting) {
        this(waiting, (a, b) -> 0);
    }

    /** Releases the inputs of one instant in {@code sameInstantOrder}, arrival order among equals. */
    public EventTimeBuffer(MapState<Long, List<T>> waiting, Comparator<? super T> sameInstantOrder) {
        this.waiting = waiting;
        this.sameInstantOrder = sameInstantOrder;
    }

    /** The buffer's keyed state: event time -> the inputs of that instant, in arrival order. */
    public static <T> MapStateDescriptor<Long, List<T>> state(String name, Class<T> type) {
        return new MapStateDescriptor<>(name, Types.LONG, Types.LIST(TypeInformation.of(type)));
    }

    /** Holds {@code input} until the watermark passes {@code at}. */
    public void hold(T input, long at, TimerService timers) throws Exception {
        List<T> held = waiting.get(at);
        List<T> inputs = held == null ? new ArrayList<>() : new ArrayList<>(held);
        inputs.add(input);
        waiting.put(at, inputs);
        timers.registerEventTimeTimer(at);
    }

    /**
     * Takes out the inputs held for {@code time}, in order; none when the timer is one of the function's own
     * that no input waits for.
     */
    public List<T> release(long time) throws Exception {
        List<T> held = waiting.get(time);
        if (held == null) {
            return List.of();
        }
        waiting.remove(time);
        List<T> ordered = new ArrayList<>(held);
        ordered.sort(sameInstantOrder);
        return ordered;
    }

    /** Whether inputs wait for {@code time}: the timer at that instant is then still needed. */
    public boolean holdsInputsFor(long time) throws Exception {
        return waiting.contains(time);
    }
}
