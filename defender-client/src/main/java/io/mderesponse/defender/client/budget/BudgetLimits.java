package io.mderesponse.defender.client.budget;

import io.mderesponse.defender.client.ApiFamily;
import io.mderesponse.defender.client.config.DefenderConfig;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/** The shares in force: explicit {@code defender.budget.<family>.*} values, else the service's default share. */
public final class BudgetLimits {

    private BudgetLimits() {
    }

    /**
     * @param service whose default shares apply ({@code defender.budget.service}, else the application name)
     */
    public static Map<ApiFamily, FamilyLimit> resolve(DefenderConfig.Budget config, String service) {
        if (config.replicas() < 1) {
            throw new IllegalArgumentException("defender.budget.replicas must be at least 1, got " + config.replicas());
        }
        Map<ApiFamily, FamilyLimit> defaults = BudgetShares.of(service);
        Map<ApiFamily, FamilyLimit> limits = new EnumMap<>(ApiFamily.class);
        for (ApiFamily family : ApiFamily.values()) {
            DefenderConfig.Budget.Family configured = family(config, family);
            FamilyLimit share = defaults.get(family).dividedBy(config.replicas());
            limits.put(family, new FamilyLimit(
                    value(configured.perMinute(), share.perMinute(), family, "per-minute"),
                    value(configured.perHour(), share.perHour(), family, "per-hour")));
        }
        return limits;
    }

    private static int value(OptionalInt configured, int share, ApiFamily family, String name) {
        if (configured.isEmpty()) {
            return share;
        }
        if (configured.getAsInt() < 0) {
            throw new IllegalArgumentException("defender.budget." + family.configName() + "." + name
                    + " must not be negative, got " + configured.getAsInt());
        }
        return configured.getAsInt();
    }

    private static DefenderConfig.Budget.Family family(DefenderConfig.Budget config, ApiFamily family) {
        switch (family) {
            case ALERTS:
                return config.alerts();
            case MACHINES:
                return config.machines();
            case MACHINEACTIONS:
                return config.machineactions();
            case ISOLATE:
                return config.isolate();
            case ANTIVIRUSSCAN:
                return config.antivirusscan();
            case INVESTIGATIONPACKAGE:
                return config.investigationpackage();
            case RESTRICTEXECUTION:
                return config.restrictexecution();
            case QUARANTINE:
                return config.quarantine();
            case ADVANCEDQUERIES:
                return config.advancedqueries();
            case GRAPHHUNTING:
                return config.graphhunting();
            default:
                throw new IllegalArgumentException("Unknown family " + family);
        }
    }
}
