package io.latentbench.workbench.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.maven.MavenResolver;
import io.latentbench.workbench.kernel.maven.MavenSettings;
import io.latentbench.workbench.kernel.maven.MavenSettingsException;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven magics with settings.xml: an unusable one fails them with its message; mirrors show in the listing. */
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

    @Test
    void theRepositoryListingNamesTheMirrorsThatServeThemAndOfflineMode(@TempDir Path dir) {
        MavenSettings settings = new MavenSettings(Optional.empty(), Optional.of(true),
                List.of(new MavenSettings.Mirror("corp", "file:///srv/corp", "*,!files", "default", "default,legacy", false)),
                List.of(), List.of());
        MavenMagics magics = new MavenMagics(() -> new MavenResolver(dir.resolve("local"),
                List.of(MavenResolver.CENTRAL, new RemoteRepository.Builder("files", "default", "file:///srv/files").build()), true, settings));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            magics.mavenRepo(null, "");
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "central https://repo.maven.apache.org/maven2/", "files file:///srv/files",
                "mirror corp file:///srv/corp for central", "local " + dir.resolve("local") + " (offline)");
    }
}
