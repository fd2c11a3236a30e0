package io.latentbench.workbench.notebook.params;

import java.math.BigDecimal;

/** Python's {@code repr(float)}: the shortest digits that round-trip, in Python's notation. */
final class PythonFloat {

    private PythonFloat() {}

    /**
     * Fixed notation for decimal exponents -4 to 15 ({@code 0.0001}, {@code 123.5}, {@code 1e+16} beyond), else
     * scientific with a signed exponent of at least two digits ({@code 1e-10}, {@code 1.5e+300}). Finite values only.
     */
    static String repr(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("not finite: " + d);
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        // Java's Double.toString also gives the shortest round-trip digits (JDK 19+); only the layout differs.
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String fixed = exact.toPlainString();
            return sign + (fixed.contains(".") ? fixed : fixed + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
