package io.mderesponse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetMinimumTest {

    @Test
    void callsThatFitOneWindowNeedNoFurtherWindow() {
        assertThat(BudgetMinimum.windows(100, 100, 1500)).isZero();
        assertThat(BudgetMinimum.windows(0, 100, 1500)).isZero();
    }

    @Test
    void eachFurtherBatchOfTheMinuteLimitWaitsOneWindow() {
        assertThat(BudgetMinimum.windows(101, 100, 1500)).isEqualTo(1);
        assertThat(BudgetMinimum.windows(1000, 100, 1500)).isEqualTo(9);
    }

    @Test
    void beyondTheHourlyLimitTheNextHourIsTheBound() {
        assertThat(BudgetMinimum.windows(1501, 100, 1500)).isEqualTo(60);
    }

    @Test
    void theSlowestFamilySetsTheBound() {
        assertThat(BudgetMinimum.windows(Map.of("alerts", 1001L, "machines", 200L, "isolate", 50L))).isEqualTo(10);
    }
}
