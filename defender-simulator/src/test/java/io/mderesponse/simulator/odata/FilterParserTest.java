package io.mderesponse.simulator.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.odata.FilterExpr.Operator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The $filter grammar: precedence, literals and errors. */
class FilterParserTest {

    @Test
    void andBindsTighterThanOr() {
        FilterExpr expr = FilterParser.parse("status eq 'New' or severity eq 'High' and id eq 'x'");

        assertThat(expr).isInstanceOf(FilterExpr.Or.class);
        assertThat(((FilterExpr.Or) expr).right()).isInstanceOf(FilterExpr.And.class);
    }

    @Test
    void readsUnquotedDateTimesWithAnyFractionalPrecision() {
        FilterExpr.Compare compare = (FilterExpr.Compare) FilterParser.parse(
                "lastUpdateTime ge 2021-01-26T20:33:57.72202391234Z");

        assertThat(compare.operator()).isEqualTo(Operator.GE);
        assertThat(compare.literal().value()).isEqualTo(Instant.parse("2021-01-26T20:33:57.7220239Z"));
    }

    @Test
    void doubledQuoteInAStringIsAQuote() {
        FilterExpr.Compare compare = (FilterExpr.Compare) FilterParser.parse("title eq 'it''s'");

        assertThat(compare.literal().value()).isEqualTo("it's");
    }

    @Test
    void readsFunctionsAndNot() {
        FilterExpr expr = FilterParser.parse("not startswith(computerDnsName,'desk')");

        assertThat(expr).isEqualTo(new FilterExpr.Not(new FilterExpr.Call("startswith", "computerDnsName",
                new FilterExpr.Literal(FilterExpr.Literal.Kind.STRING, "desk", "desk"))));
    }

    @Test
    void unquotedWordIsASyntaxError() {
        assertThatThrownBy(() -> FilterParser.parse("status eq New"))
                .isInstanceOf(ApiException.class).hasMessageContaining("must be quoted");
    }

    @Test
    void unknownOperatorIsASyntaxError() {
        assertThatThrownBy(() -> FilterParser.parse("status is 'New'"))
                .isInstanceOf(ApiException.class).hasMessageContaining("unknown operator 'is'");
    }
}
