package io.latentbench.workbench.results;

import java.util.List;

/**
 * The rule for a primary metric's samples, whichever reader or converter built them: each is a measured
 * time or rate, so a finite number of at least 0, and there is at least one fork with at least one
 * iteration. A run that breaks this is corrupt, and a comparison built on it would judge nothing.
 * Secondary metrics (profilers, counters) may hold anything JMH gives.
 */
final class ForkSamples {

    private ForkSamples() {}

    /** One sample; {@code where} names it, e.g. {@code file: run #0 (x): primaryMetric.rawData[0][1]}. */
    static void requireMeasurement(double v, String where) {
        if (!Double.isFinite(v) || v < 0) {
            throw new ResultFileException("corrupt sample: " + where + " is " + v
                    + "; a measured time or rate is a finite number >= 0");
        }
    }

    /** At least one fork and no fork without an iteration. */
    static void requireForks(List<List<Double>> forks, String where) {
        if (forks.isEmpty()) {
            throw new ResultFileException("corrupt samples: " + where + " is empty; expected one array of iterations per fork");
        }
        for (int f = 0; f < forks.size(); f++) {
            if (forks.get(f).isEmpty()) {
                throw new ResultFileException("corrupt samples: " + where + "[" + f + "] is empty; a fork has at least one iteration");
            }
        }
    }

    /** Every sample and the forks, with each sample named {@code where[fork][iteration]}. */
    static void requireMeasured(List<List<Double>> forks, String where) {
        for (int f = 0; f < forks.size(); f++) {
            List<Double> fork = forks.get(f);
            for (int i = 0; i < fork.size(); i++) {
                requireMeasurement(fork.get(i), where + "[" + f + "][" + i + "]");
            }
        }
        requireForks(forks, where);
    }

    /**
     * One SampleTime iteration, a histogram of single-call times: its sample is the count-weighted mean,
     * the same statistic JMH's score averages.
     */
    static final class Histogram {
        private final String where;
        private final boolean measurement;
        private double sum;
        private double count;

        /** @param measurement whether bins and counts must be measurements (a primary metric) */
        Histogram(String where, boolean measurement) {
            this.where = where;
            this.measurement = measurement;
        }

        /** One bin: {@code n} calls took {@code value}; {@code at} names the bin. */
        void add(double value, double n, String at) {
            if (measurement) {
                requireMeasurement(value, at + "[0]");
                requireMeasurement(n, at + "[1]");
            }
            sum += value * n;
            count += n;
        }

        /** The iteration's sample: NaN for a secondary metric without calls, an error for a primary one. */
        double mean() {
            if (measurement && count <= 0) {
                throw new ResultFileException("corrupt samples: " + where + " counts no call");
            }
            return count > 0 ? sum / count : Double.NaN;
        }
    }
}
