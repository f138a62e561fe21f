package org.salesops.pipelines.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.common.EventTimeBuffer;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Says who is told of an alert, from the org chart in the CRM's users table (manager_id): level 1
 * the owner and the owner's manager, level 2 also the manager's manager.
 *
 * <p>The org chart as of the alert's own time: an alert waits, keyed by owner, until the watermark of
 * both inputs passes its timestamp, so every manager link committed up to then is in. Taking the chart as
 * far as it happened to have arrived made recipients depend on which input ran ahead, which changed
 * with a restart.
 */
public class AlertRecipients extends KeyedBroadcastProcessFunction<Long, Alert, AlertRecipients.ManagerLink, Alert> {

    /** users.id -> users.manager_id (null when the user has none). */
    public static class ManagerLink {
        public long userId;
        public Long managerId;

        public ManagerLink() {
        }

        public ManagerLink(long userId, Long managerId) {
            this.userId = userId;
            this.managerId = managerId;
        }
    }

    public static final MapStateDescriptor<Long, ManagerLink> MANAGERS =
            new MapStateDescriptor<>("managers", Long.class, ManagerLink.class);

    public static Optional<ManagerLink> managerLink(CrmChange change) {
        if (!"users".equals(change.table()) || change.after() == null) {
            return Optional.empty();
        }
        return Optional.of(new ManagerLink((Long) change.after().get("id"), (Long) change.after().get("manager_id")));
    }

    /** Alerts waiting for the watermark, by timestamp, in arrival order. */
    private transient EventTimeBuffer<Alert> waiting;

    @Override
    public void open(OpenContext context) {
        waiting = new EventTimeBuffer<>(getRuntimeContext().getMapState(EventTimeBuffer.state("waiting", Alert.class)));
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        // At or below the watermark already: sent at the next watermark, with the chart as it is then.
        waiting.hold(alert, ctx.timestamp() != null ? ctx.timestamp() : alert.dueAt, ctx.timerService());
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        for (Alert alert : waiting.release(time)) {
            out.collect(alert.withRecipients(recipients(alert, ctx.getBroadcastState(MANAGERS))));
        }
    }

    @Override
    public void processBroadcastElement(ManagerLink link, Context ctx, Collector<Alert> out) throws Exception {
        ctx.getBroadcastState(MANAGERS).put(link.userId, link);
    }

    static List<Long> recipients(Alert alert, ReadOnlyBroadcastState<Long, ManagerLink> managers) throws Exception {
        List<Long> people = new ArrayList<>();
        people.add(alert.ownerId);
        Long up = managerOf(alert.ownerId, managers);
        for (int level = 1; level <= alert.level && up != null && !people.contains(up); level++) {
            people.add(up);
            up = managerOf(up, managers);
        }
        return people;
    }

    private static Long managerOf(long userId, ReadOnlyBroadcastState<Long, ManagerLink> managers) throws Exception {
        ManagerLink link = managers.get(userId);
        return link == null ? null : link.managerId;
    }
}
