package io.mderesponse.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

    @Test
    void aNamedBrokerIsReusedWithoutAskingDocker() {
        AtomicBoolean asked = new AtomicBoolean();
        BrokerChoice choice = BrokerChoice.choose("127.0.0.1:9092", () -> {
            asked.set(true);
            return true;
        });
        assertThat(choice).isEqualTo(BrokerChoice.EXTERNAL);
        assertThat(asked).isFalse();
    }

    @Test
    void testcontainersIsChosenWhereADockerEngineAnswers() {
        assertThat(BrokerChoice.choose(null, () -> true)).isEqualTo(BrokerChoice.TESTCONTAINERS);
    }

    @Test
    void theEmbeddedBrokerIsChosenWithoutDocker() {
        assertThat(BrokerChoice.choose(null, () -> false)).isEqualTo(BrokerChoice.EMBEDDED);
    }

    @Test
    void aBlankVariableDoesNotCountAsANamedBroker() {
        assertThat(BrokerChoice.choose("  ", () -> false)).isEqualTo(BrokerChoice.EMBEDDED);
    }
}
