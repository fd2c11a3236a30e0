package io.latentbench.workbench.bench.suites.peers;

import io.latentbench.workbench.bench.DataSets;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The float species the engine chooses among, side by side on one dot product (see {@link SpeciesPair}). */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class SpeciesBenchmarks {

    /**
     * What the engine's choice of species rests on: one dot product on the 128-, 256- and 512-bit
     * float species, from three alignments. The forks align every object to 64 bytes, so a float
     * array's elements start 16 bytes past a 64-byte boundary, and vectors read from
     * {@code offset} floats in start 16-byte (0), 32-byte (4) or 64-byte (12) aligned.
     */
    @State(Scope.Thread)
    public static class SpeciesPair {
        @Param({"128", "256", "512"})
        public int bits;

        @Param({"0", "4", "12"})
        public int offset;

        @Param({"256", "1024"})
        public int dim;

        SpeciesDot kernel;
        float[] a;
        float[] b;

        @Setup(Level.Trial)
        public void setUp() {
            kernel = SpeciesDot.of(bits);
            float[][] v = DataSets.uniform(2, offset + dim, DataSets.SEED);
            a = v[0];
            b = v[1];
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64"})
    public float speciesDot(SpeciesPair p) {
        return p.kernel.dot(p.a, p.b, p.offset, p.dim);
    }

    /**
     * A dot product on one species. Each implementation writes its loop out with its own static
     * final species: one shared loop taking the species as an argument was compiled on its own
     * first, with the species unknown, and then never inlined (too big once compiled): every
     * vector was boxed, 4 KB allocated and 20 times the time per call.
     */
    sealed interface SpeciesDot {
        float dot(float[] a, float[] b, int offset, int length);

        static SpeciesDot of(int bits) {
            return switch (bits) {
                case 128 -> new Bits128();
                case 256 -> new Bits256();
                case 512 -> new Bits512();
                default -> throw new IllegalArgumentException("bits " + bits + " is not a float species; expected 128, 256 or 512");
            };
        }

        /** The elements past the last whole vector. */
        static float tail(float sum, float[] a, float[] b, int offset, int from, int length) {
            for (int i = from; i < length; i++) {
                sum += a[offset + i] * b[offset + i];
            }
            return sum;
        }
    }

    static final class Bits128 implements SpeciesDot {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_128;

        @Override
        public float dot(float[] a, float[] b, int offset, int length) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int bound = S.loopBound(length); i < bound; i += S.length()) {
                acc = FloatVector.fromArray(S, a, offset + i).fma(FloatVector.fromArray(S, b, offset + i), acc);
            }
            return SpeciesDot.tail(acc.reduceLanes(VectorOperators.ADD), a, b, offset, i, length);
        }
    }

    static final class Bits256 implements SpeciesDot {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

        @Override
        public float dot(float[] a, float[] b, int offset, int length) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int bound = S.loopBound(length); i < bound; i += S.length()) {
                acc = FloatVector.fromArray(S, a, offset + i).fma(FloatVector.fromArray(S, b, offset + i), acc);
            }
            return SpeciesDot.tail(acc.reduceLanes(VectorOperators.ADD), a, b, offset, i, length);
        }
    }

    static final class Bits512 implements SpeciesDot {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

        @Override
        public float dot(float[] a, float[] b, int offset, int length) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int bound = S.loopBound(length); i < bound; i += S.length()) {
                acc = FloatVector.fromArray(S, a, offset + i).fma(FloatVector.fromArray(S, b, offset + i), acc);
            }
            return SpeciesDot.tail(acc.reduceLanes(VectorOperators.ADD), a, b, offset, i, length);
        }
    }
}
