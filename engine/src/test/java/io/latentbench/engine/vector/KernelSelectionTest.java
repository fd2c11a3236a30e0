package io.latentbench.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelSelectionTest {

    @Test
    void theVectorApiIsChosenWhenTheModuleIsPresent() {
        // Tests run with --add-modules jdk.incubator.vector, so auto picks Panama.
        assertThat(VectorKernels.instance().name()).startsWith("panama-");
        assertThat(VectorKernels.panama()).isSameAs(VectorKernels.instance());
    }

    @Test
    void theWideSpeciesIsForcedByThePropertyOr512WhereTheJvmCompilesIt() {
        // The surefire runs force 256 and 512; the default run lets the host choose.
        String wanted = System.getProperty(Species.PROPERTY, "auto");
        int preferred = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
        int expected = switch (wanted) {
            case "256" -> 256;
            case "512" -> 512;
            default -> preferred >= 512 ? 512 : Math.min(256, preferred);
        };
        assertThat(Species.WIDE.vectorBitSize()).isEqualTo(expected);
        assertThat(Species.NARROW.vectorBitSize()).isEqualTo(Math.min(256, preferred));
        String name = VectorKernels.instance().name();
        assertThat(name).isEqualTo(expected == Species.NARROW.vectorBitSize()
                ? "panama-" + expected : "panama-" + expected + "/" + Species.NARROW.vectorBitSize());
    }

    @Test
    void anUnknownSpeciesIsRejectedByName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Species.wide("1024"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latentbench.species=1024").hasMessageContaining("auto, 256 or 512");
        assertThat(Species.wide(" 512 ").vectorBitSize()).isEqualTo(512);
    }

    @Test
    void scalarIsAlwaysAvailable() {
        assertThat(VectorKernels.scalar().name()).isEqualTo("scalar");
        assertThat(VectorKernels.scalar().dotProduct(new float[] {1, 2, 3}, new float[] {4, 5, 6})).isEqualTo(32f);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> VectorKernels.scalar().dotProduct(new float[3], new float[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 and 4");
    }

    @Test
    void arcoshIsExactNearOne() {
        assertThat(Similarities.arcosh(1.0)).isZero();
        double z = 1.0 + 1e-12;
        double t = z - 1.0; // what the double really holds
        // arcosh(1 + t) = sqrt(2t) (1 - t/12 + ...): the naive log(z + sqrt(z^2 - 1)) loses half the digits here.
        assertThat(Similarities.arcosh(z)).isCloseTo(Math.sqrt(2 * t), org.assertj.core.data.Offset.offset(1e-9 * Math.sqrt(2 * t)));
        assertThat(Similarities.arcosh(Math.cosh(3.0))).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void arcoshAgreesWithItsInverseOnBothSidesOfTheLogSwitch() {
        // cosh is well conditioned here: arcosh(cosh(x)) must give x back to about 1e-15 relative,
        // whether arcosh takes log1p (small z - 1) or log (the rest).
        for (double x = 0.05; x < 30.0; x *= 1.07) {
            assertThat(Similarities.arcosh(Math.cosh(x)))
                    .as("arcosh(cosh(%s))", x)
                    .isCloseTo(x, org.assertj.core.data.Offset.offset(4e-15 * x + 3e-16 / x));
        }
    }
}
