package io.mderesponse.bench;

import java.util.Map;

/**
 * The least time Defender's limits allow for a given number of calls per family, in rate-limit windows ("minutes"),
 * ignoring every latency: a sliding limit of L calls a window lets L calls go at once, the next L one window later,
 * so n calls need ceil(n / L) - 1 windows; likewise the hourly limit H (60 windows) needs (ceil(n / H) - 1) * 60.
 * Families run side by side, so the slowest family sets the bound.
 */
final class BudgetMinimum {

    private BudgetMinimum() {
    }

    static double windows(Map<String, Long> callsPerFamily) {
        double worst = 0;
        for (Map.Entry<String, Long> family : callsPerFamily.entrySet()) {
            worst = Math.max(worst, windows(family.getValue(), ApiCalls.PER_MINUTE.get(family.getKey()),
                    ApiCalls.PER_HOUR));
        }
        return worst;
    }

    static double windows(long calls, int perWindow, int perHour) {
        if (calls <= 0) {
            return 0;
        }
        long byWindow = ceilDiv(calls, perWindow) - 1;
        long byHour = (ceilDiv(calls, perHour) - 1) * 60;
        return Math.max(byWindow, byHour);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
