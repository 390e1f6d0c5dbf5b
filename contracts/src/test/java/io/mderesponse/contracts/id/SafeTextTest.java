package io.mderesponse.contracts.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Untrusted text is shown short, printable and on one line. */
class SafeTextTest {

    @Test
    void aPreviewReplacesEverythingOutsidePrintableAsciiAndQuotes() {
        assertThat(SafeText.preview("a'b\tc\u00e9\u202e")).isEqualTo("'a?b?c??'");
    }

    @Test
    void aPreviewIsCutAfterSixteenCharacters() {
        assertThat(SafeText.preview("0123456789abcdefXYZ")).isEqualTo("'0123456789abcdef'...");
    }

    @Test
    void singleLineTurnsLineBreaksIntoSpacesAndCutsAtTheLimit() {
        assertThat(SafeText.singleLine("one\ntwo\r\nthree", 9)).isEqualTo("one two  ...");
    }
}
