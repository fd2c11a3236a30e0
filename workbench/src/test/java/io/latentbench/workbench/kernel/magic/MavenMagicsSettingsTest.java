package io.latentbench.workbench.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.maven.MavenSettingsException;
import org.junit.jupiter.api.Test;

/** A settings.xml that cannot be used fails the Maven magics with its message, and is read again at the next one. */
class MavenMagicsSettingsTest {

    @Test
    void aMalformedSettingsFileFailsTheMagicNamingItAndIsAskedForAgainNextTime() {
        AtomicInteger asked = new AtomicInteger();
        MavenMagics magics = new MavenMagics(() -> {
            asked.incrementAndGet();
            throw new MavenSettingsException("/home/x/.m2/settings.xml line 3: not well-formed XML: broken");
        });
        assertThatThrownBy(() -> magics.maven(null, "demo:greeter:1.0"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.ename()).isEqualTo("MavenSettingsException");
                    assertThat(e.evalue()).isEqualTo("/home/x/.m2/settings.xml line 3: not well-formed XML: broken");
                });
        assertThatThrownBy(() -> magics.mavenRepo(null, "")).isInstanceOfSatisfying(CellException.class,
                e -> assertThat(e.evalue()).contains("settings.xml line 3"));
        assertThat(asked).hasValue(2);
    }
}
