package io.mderesponse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankPercentilesOfOneToAHundred() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).boxed().toList());

        assertThat(p).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
    }

    @Test
    void noSamplesGiveZeroCount() {
        assertThat(Percentiles.of(List.of()).count()).isZero();
    }
}
