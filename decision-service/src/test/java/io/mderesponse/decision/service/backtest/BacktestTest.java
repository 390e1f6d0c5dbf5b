package io.mderesponse.decision.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.service.rules.BundledRules;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A back-test's answer stays small: at most max-machines machines listed, every event still counted. */
class BacktestTest {

    private final List<String> machines = IntStream.range(0, 3).mapToObj(i -> Samples.uniqueMachineId()).toList();

    @Test
    void pastMaxMachinesTheListIsCutAndSaysSoWhileTheCountsTakeEveryEvent() {
        Backtest backtest = new Backtest(BundledRules.ruleSet(), 2);
        machines.forEach(machine -> backtest.add(highAlertOn(machine)));
        backtest.add(highAlertOn(machines.get(0)));

        BacktestReport report = backtest.report("topic", 4, true, null);

        assertThat(report.rules()).singleElement().satisfies(rule -> assertThat(rule.matched()).isEqualTo(4));
        assertThat(report.wouldIsolate()).extracting(BacktestReport.IsolatedMachine::machineId)
                .containsExactlyInAnyOrder(machines.get(0), machines.get(1));
        assertThat(report.wouldIsolate()).filteredOn(machine -> machine.machineId().equals(machines.get(0)))
                .singleElement().satisfies(machine -> assertThat(machine.events()).isEqualTo(2));
        assertThat(report.wouldIsolateTruncated()).isTrue();
    }

    @Test
    void withinMaxMachinesEveryMachineIsListed() {
        Backtest backtest = new Backtest(BundledRules.ruleSet(), 3);
        machines.forEach(machine -> backtest.add(highAlertOn(machine)));

        BacktestReport report = backtest.report("topic", 3, true, null);

        assertThat(report.wouldIsolate()).hasSize(3);
        assertThat(report.wouldIsolateTruncated()).isFalse();
    }

    private static AlertEnriched highAlertOn(String machineId) {
        return AlertEnriched.of(Samples.alert(Samples.uniqueAlertId(), "High", machineId), Samples.machine(machineId));
    }
}
