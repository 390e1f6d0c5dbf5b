package io.mderesponse.poller.defender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.poller.service.PageEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefenderAlertPagesTest {

    private final ObjectMapper mapper = EventJson.newObjectMapper();

    @Test
    void aMalformedAlertIsKeptRawWithItsReasonAndTheReadableOnesAreRead() {
        String body = """
                {"@odata.context":"x","value":[
                  {"id":"da1","severity":"High","title":"t","lastUpdateTime":"2026-11-27T12:00:00.1234567Z"},
                  {"id":"da2","severity":"Critical","title":"t","lastUpdateTime":"2026-11-27T12:00:01Z"},
                  {"severity":"Low","title":"no id"},
                  42]}""";

        List<PageEntry> entries = DefenderAlertPages.read(mapper, body, "typed reason");

        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).readable()).isTrue();
        assertThat(entries.get(0).lastUpdateTime()).isEqualTo(Instant.parse("2026-11-27T12:00:00.1234567Z"));
        assertThat(entries.get(1).readable()).isFalse();
        assertThat(entries.get(1).id()).isEqualTo("da2");
        assertThat(entries.get(1).lastUpdateTime()).isEqualTo(Instant.parse("2026-11-27T12:00:01Z"));
        assertThat(entries.get(1).rawJson()).contains("\"Critical\"");
        assertThat(entries.get(1).rejectReason()).contains("Critical");
        assertThat(entries.get(2).readable()).isFalse();
        assertThat(entries.get(2).id()).isNull();
        assertThat(entries.get(3).rawJson()).isEqualTo("42");
    }

    @Test
    void anAnswerThatIsNoListKeepsItsRawBody() {
        assertThatThrownBy(() -> DefenderAlertPages.read(mapper, "<html>Sign in</html>", "text/html"))
                .isInstanceOfSatisfying(MalformedAlertListException.class, e -> {
                    assertThat(e.body()).isEqualTo("<html>Sign in</html>");
                    assertThat(e.reason()).startsWith("not JSON");
                });
        assertThatThrownBy(() -> DefenderAlertPages.read(mapper, "{\"value\":42}", "no array"))
                .isInstanceOfSatisfying(MalformedAlertListException.class,
                        e -> assertThat(e.body()).isEqualTo("{\"value\":42}"));
    }
}
