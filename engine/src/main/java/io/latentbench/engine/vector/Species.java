package io.latentbench.engine.vector;

import java.util.Locale;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The two float species the kernels use, chosen once at class initialization (as Lucene's
 * vectorization provider does) and read by each kernel class into its own {@code static final}
 * constant: a species the JIT cannot see as constant falls back to boxed vectors, measured 450x
 * slower.
 *
 * <p>{@link #WIDE} serves the kernels that measured faster on 512-bit lanes where the JVM
 * compiles them (MaxVectorSize 64, AVX-512): the pair kernels (a dot product at d = 1024 took
 * 55 ns on 512 bits against 96 on 256) and the tile of batched search, whose multiply-adds run
 * from L2. {@link #NARROW}, 256 bits, serves the one-query scans (a 10k x 256 scan on 512-bit
 * loads from 16-byte aligned heap arrays measured slower than on 256-bit ones: 219 against
 * 192 us) and attention, whose lane sums are 8-lane butterflies. On a host without AVX-512 both
 * are 256 bits: a 512-bit species is not compiled there and runs 30 to 100 times slower.
 *
 * <p>The system property {@value #PROPERTY} forces the wide species: {@code 256} or {@code 512}
 * ({@code auto} by default), for tests and for measuring one against the other.
 */
final class Species {

    static final String PROPERTY = "latentbench.species";

    static final VectorSpecies<Float> NARROW = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256
            ? FloatVector.SPECIES_256
            : FloatVector.SPECIES_PREFERRED;

    static final VectorSpecies<Float> WIDE = wide(System.getProperty(PROPERTY, "auto"));

    private Species() {}

    static VectorSpecies<Float> wide(String wanted) {
        return switch (wanted.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? FloatVector.SPECIES_512 : NARROW;
            case "256" -> FloatVector.SPECIES_256;
            case "512" -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException("system property " + PROPERTY + "=" + wanted
                    + " is not understood; expected auto, 256 or 512");
        };
    }

    /** How the kernels use the species, for {@code kernels()}: {@code panama-512/256} names wide and narrow. */
    static String describe() {
        int wide = WIDE.vectorBitSize();
        int narrow = NARROW.vectorBitSize();
        return wide == narrow ? "panama-" + wide : "panama-" + wide + "/" + narrow;
    }
}
