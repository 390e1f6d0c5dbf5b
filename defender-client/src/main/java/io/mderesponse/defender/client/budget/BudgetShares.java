package io.mderesponse.defender.client.budget;

import io.mderesponse.defender.client.ApiFamily;
import java.util.EnumMap;
import java.util.Map;

/**
 * Each service's default share of Defender's limits. With one replica of every service, the shares of each
 * family add up exactly to Defender's limit for the tenant (100 a minute and 1,500 an hour; advanced hunting 45
 * and 1,500, through Defender's API or Graph), so the services together never earn a 429 from their own calls.
 *
 * <table>
 *   <caption>Default shares (per minute / per hour)</caption>
 *   <tr><th>family</th><th>alert-poller</th><th>enrichment-service</th><th>response-service</th>
 *       <th>hunting-scheduler</th></tr>
 *   <tr><td>alerts</td><td>20 / 300</td><td>80 / 1,200</td><td>–</td><td>–</td></tr>
 *   <tr><td>machines</td><td>–</td><td>100 / 1,500</td><td>–</td><td>–</td></tr>
 *   <tr><td>machineactions</td><td>–</td><td>–</td><td>100 / 1,500</td><td>–</td></tr>
 *   <tr><td>isolate</td><td>–</td><td>–</td><td>100 / 1,500</td><td>–</td></tr>
 *   <tr><td>antivirusscan, investigationpackage, restrictexecution, quarantine</td><td>–</td><td>–</td>
 *       <td>100 / 1,500 each</td><td>–</td></tr>
 *   <tr><td>advancedqueries</td><td>–</td><td>–</td><td>–</td><td>45 / 1,500</td></tr>
 *   <tr><td>graphhunting</td><td>–</td><td>–</td><td>–</td><td>45 / 1,500</td></tr>
 * </table>
 *
 * A service not in this table (a test, a tool, a renamed service) gets Defender's whole limit: it is assumed to
 * be the only caller of the tenant.
 */
public final class BudgetShares {

    private static final Map<String, Map<ApiFamily, FamilyLimit>> SHARES = Map.of(
            "alert-poller", Map.of(ApiFamily.ALERTS, new FamilyLimit(20, 300)),
            "enrichment-service", Map.of(
                    ApiFamily.ALERTS, new FamilyLimit(80, 1200),
                    ApiFamily.MACHINES, new FamilyLimit(100, 1500)),
            "response-service", Map.of(
                    ApiFamily.MACHINEACTIONS, new FamilyLimit(100, 1500),
                    ApiFamily.ISOLATE, new FamilyLimit(100, 1500),
                    ApiFamily.ANTIVIRUSSCAN, new FamilyLimit(100, 1500),
                    ApiFamily.INVESTIGATIONPACKAGE, new FamilyLimit(100, 1500),
                    ApiFamily.RESTRICTEXECUTION, new FamilyLimit(100, 1500),
                    ApiFamily.QUARANTINE, new FamilyLimit(100, 1500)),
            "hunting-scheduler", Map.of(
                    ApiFamily.ADVANCEDQUERIES, new FamilyLimit(45, 1500),
                    ApiFamily.GRAPHHUNTING, new FamilyLimit(45, 1500)),
            "decision-service", Map.of(),
            "notifier-service", Map.of());

    private BudgetShares() {
    }

    /** Whether the table has shares for this service name. */
    public static boolean knows(String service) {
        return service != null && SHARES.containsKey(service);
    }

    /** The default share of {@code service} for every family (zero for families it has no share of). */
    public static Map<ApiFamily, FamilyLimit> of(String service) {
        Map<ApiFamily, FamilyLimit> shares = new EnumMap<>(ApiFamily.class);
        Map<ApiFamily, FamilyLimit> own = service == null ? null : SHARES.get(service);
        for (ApiFamily family : ApiFamily.values()) {
            if (own == null) {
                shares.put(family, new FamilyLimit(family.tenantPerMinute(), family.tenantPerHour()));
            } else {
                shares.put(family, own.getOrDefault(family, new FamilyLimit(0, 0)));
            }
        }
        return shares;
    }

    /** The services the table knows. */
    public static java.util.Set<String> services() {
        return SHARES.keySet();
    }
}
