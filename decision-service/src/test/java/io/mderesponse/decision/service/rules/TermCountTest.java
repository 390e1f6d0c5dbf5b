package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first look at a condition's size counts each name and literal once, never more, and says where it stops. */
class TermCountTest {

    @Test
    void namesAndLiteralsCountOnceWhateverTheyContain() {
        String seven = """
                alert.title == "two words, (and) 3 numbers 1 2" && // a comment of many words
                  1.5e-3 < 0x1F && r'raw \\\\' != '''triple "quoted" text'''""";

        assertThat(TermCount.beyond(seven, 7)).isEmpty();
        assertThat(TermCount.beyond(seven, 6)).hasValueSatisfying(issue -> {
            assertThat(issue.line()).isEqualTo(2);
            assertThat(issue.column()).isEqualTo(32);
            assertThat(issue.message()).contains("more than 6 terms");
        });
    }

    @Test
    void theTermPastTheLimitIsWhereTheConditionIsRefused() {
        // x, in, 0, then the second 0 at column 9.
        assertThat(TermCount.beyond("x in [0, 0, 0]", 3)).hasValueSatisfying(issue -> {
            assertThat(issue.line()).isEqualTo(1);
            assertThat(issue.column()).isEqualTo(9);
        });
    }
}
