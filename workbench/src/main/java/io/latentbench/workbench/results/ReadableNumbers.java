package io.latentbench.workbench.results;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * {@link Units#number}'s four significant digits as a {@link NumberFormat}, which is what Tablesaw
 * takes to print a column: a benchmark's 208.28666552823898 µs is 208.3 in a table. Formatting
 * only; tables are never parsed back from their printed form.
 */
final class ReadableNumbers extends NumberFormat {

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(Units.number(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("ReadableNumbers only formats");
    }
}
