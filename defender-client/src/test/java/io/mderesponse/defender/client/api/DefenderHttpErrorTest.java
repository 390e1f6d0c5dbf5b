package io.mderesponse.defender.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.defender.client.error.ErrorDetails;
import org.junit.jupiter.api.Test;

/** Defender's error body read into code, message and target, whatever shape it comes in. */
class DefenderHttpErrorTest {

    @Test
    void theDocumentedErrorBodyIsReadIntoCodeMessageAndTarget() {
        ErrorDetails details = DefenderHttpError.parse(404, """
                {"error":{"code":"ResourceNotFound","message":"Machine 123123123 was not found",
                "target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}""");

        assertThat(details).isEqualTo(new ErrorDetails(404, "ResourceNotFound", "Machine 123123123 was not found",
                "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"));
    }

    @Test
    void aBodyOfAnotherShapeBecomesACleanedMessage() {
        ErrorDetails details = DefenderHttpError.parse(502, "<html>\nBad gateway\r\nforged: line</html>");

        assertThat(details.code()).isNull();
        assertThat(details.message()).isEqualTo("<html>?Bad gateway??forged: line</html>");
    }

    @Test
    void anEmptyBodyLeavesOnlyTheStatus() {
        assertThat(DefenderHttpError.parse(500, "")).isEqualTo(ErrorDetails.status(500));
        assertThat(DefenderHttpError.parse(500, null)).isEqualTo(ErrorDetails.status(500));
    }

    @Test
    void aVeryLongMessageIsCut() {
        ErrorDetails details = DefenderHttpError.parse(400,
                "{\"error\":{\"code\":\"BadRequest\",\"message\":\"" + "x".repeat(5_000) + "\"}}");

        assertThat(details.message()).hasSize(ErrorDetails.MAX_MESSAGE_LENGTH + 3).endsWith("...");
    }
}
