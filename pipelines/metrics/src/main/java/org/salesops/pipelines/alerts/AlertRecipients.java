package org.salesops.pipelines.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Says who is told of an alert, from the org chart in the CRM's users table (manager_id): level 1
 * the owner and the owner's manager, level 2 also the manager's manager.
 *
 * <p>Keyed by the alert's owner. An alert waits until the event time of both inputs has reached its
 * own time, so every users change up to then is in the org chart whatever order the two inputs
 * arrive in (after a restart, the alerts may well come first): the recipients do not depend on timing.
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

    /** Alerts of this owner by the time they carry, which the org chart's input has not reached yet. */
    private transient MapState<Long, List<Alert>> waiting;

    @Override
    public void open(OpenContext openContext) {
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("waiting-alerts", Types.LONG,
                Types.LIST(TypeInformation.of(Alert.class))));
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        Long at = ctx.timestamp();
        if (at == null || at <= ctx.currentWatermark()) {
            out.collect(alert.withRecipients(recipients(alert, ctx.getBroadcastState(MANAGERS))));
            return;
        }
        List<Alert> sameTime = waiting.get(at);
        List<Alert> updated = sameTime == null ? new ArrayList<>() : new ArrayList<>(sameTime);
        updated.add(alert);
        waiting.put(at, updated);
        ctx.timerService().registerEventTimeTimer(at);
    }

    /** Event time reached {@code time}: the alerts carrying it go out, in the order they came. */
    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<Alert> due = waiting.get(time);
        if (due == null) {
            return;
        }
        ReadOnlyBroadcastState<Long, ManagerLink> managers = ctx.getBroadcastState(MANAGERS);
        for (Alert alert : due) {
            out.collect(alert.withRecipients(recipients(alert, managers)));
        }
        waiting.remove(time);
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
