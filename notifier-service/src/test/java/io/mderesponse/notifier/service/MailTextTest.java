package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void lineBreaksAndOtherControlCharactersBecomeSpacesSoNothingCanStartANewHeader() {
        String line = MailText.oneLine("a\r\nBcc: eve@evil.test\rb\nc\u0085d\u2028e\u2029f\tg\u0000h", 200);

        assertThat(line).isEqualTo("a Bcc: eve@evil.test b c d e f g h");
        assertThat(line).doesNotContain("\r", "\n");
    }

    @Test
    void runsOfWhitespaceShrinkToOneSpaceAndTheEndsAreTrimmed() {
        assertThat(MailText.oneLine("  \r\n  Suspicious \t\t  rundll32 \n", 200)).isEqualTo("Suspicious rundll32");
    }

    @Test
    void bidirectionalOverridesAreDropped() {
        assertThat(MailText.oneLine("invoice\u202Efdp.exe", 200)).isEqualTo("invoicefdp.exe");
    }

    @Test
    void aLongSubjectIsCutToItsMaximumEndingWithAnEllipsis() {
        String subject = MailText.oneLine("x".repeat(1_000), MailText.SUBJECT_MAX);

        assertThat(subject).hasSize(MailText.SUBJECT_MAX).endsWith(MailText.ELLIPSIS);
    }

    @Test
    void textWithinTheMaximumIsLeftAlone() {
        assertThat(MailText.oneLine("x".repeat(200), 200)).isEqualTo("x".repeat(200));
    }

    @Test
    void cuttingNeverSplitsASurrogatePair() {
        String cut = MailText.truncate("😀".repeat(10), 5);

        assertThat(cut).isEqualTo("😀😀😀😀" + MailText.ELLIPSIS);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(5);
    }

    @Test
    void aHugeValueIsCutWithoutCopyingAllOfIt() {
        String field = MailText.field("word ".repeat(1_000_000), MailText.FIELD_MAX);

        assertThat(field).hasSize(MailText.FIELD_MAX).endsWith(MailText.ELLIPSIS);
    }

    @Test
    void aMissingOrBlankFieldShowsADash() {
        assertThat(MailText.field(null, 10)).isEqualTo(MailText.NONE);
        assertThat(MailText.field(" \r\n ", 10)).isEqualTo(MailText.NONE);
    }
}
