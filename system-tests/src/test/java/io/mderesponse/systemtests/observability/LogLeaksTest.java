package io.mderesponse.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The leak check of {@code PipelineSystemTest} can fail: it finds what is planted in a synthetic log. */
class LogLeaksTest {

    private static final String SECRET = "s3cret-Observability-0123456789";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJodHRwczovL2FwaS5zZWN1cml0eWNlbnRlci5t"
            + "aWNyb3NvZnQuY29tIn0.c2lnbmF0dXJlLWJ5dGVz";

    @Test
    void aPlantedSecretAndABearerTokenAreFoundWithTheirLines() {
        String log = String.join("\n",
                "{\"level\":\"INFO\",\"message\":\"Started\"}",
                "{\"level\":\"DEBUG\",\"message\":\"form client_secret=" + SECRET + "&grant_type=client_credentials\"}",
                "{\"level\":\"DEBUG\",\"message\":\"Authorization: Bearer " + TOKEN + "\"}",
                "{\"level\":\"INFO\",\"message\":\"Done\"}");

        assertThat(new LogLeaks(Set.of(SECRET)).scan("synthetic", log)).containsExactly(
                new LogLeaks.Leak("synthetic", 2, "a configured secret"),
                new LogLeaks.Leak("synthetic", 3, "a bearer token (JWT)"));
    }

    @Test
    void aCleanLogHasNoLeaks() {
        String log = "{\"message\":\"Emailed 1 recipient(s) about da1234 (event 0d4c...)\",\"mdc\":{\"traceId\":"
                + "\"4bf92f3577b34da6a3ce929d0e0e4736\"}}";
        assertThat(new LogLeaks(Set.of(SECRET)).scan("clean", log)).isEmpty();
    }

    @Test
    void aSecretTooShortToSearchForIsRefused() {
        assertThatThrownBy(() -> new LogLeaks(Set.of("abc"))).isInstanceOf(IllegalArgumentException.class);
    }
}
