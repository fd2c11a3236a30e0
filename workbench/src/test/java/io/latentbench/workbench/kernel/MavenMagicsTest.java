package io.latentbench.workbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.maven.FileRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** %maven, %mavenRepo and %%loadFromPOM in a session, from a file repository the test builds: no network. */
class MavenMagicsTest {

    @TempDir
    Path dir;
    KernelSession session;
    String repoUrl;

    @BeforeEach
    void start() throws Exception {
        repoUrl = FileRepository.create(dir).toUri().toString();
        System.setProperty("maven.repo.local", dir.resolve("local").toString());
        session = new KernelSession(new RecordingFrontend(), KernelSession.userClasspath());
        session.execute("%mavenRepo -d central\n%mavenRepo files " + repoUrl);
    }

    @AfterEach
    void stop() {
        session.close();
        System.clearProperty("maven.repo.local");
    }

    @Test
    void mavenPutsTheArtifactAndItsDependenciesOnTheClassPathAtOnce() {
        session.execute("%maven demo:greeter:1.0");
        assertThat(session.execute("demo.Greeter.hello()").value()).isEqualTo("hello from names 2.0");
        assertThat(session.classpath()).anySatisfy(e -> assertThat(e).endsWith("names-2.0.jar"))
                .allSatisfy(e -> assertThat(e).doesNotContain("absent-test-lib"));
    }

    @Test
    void anUnresolvableArtifactFailsTheCellNamingIt() {
        assertThatThrownBy(() -> session.execute("%maven demo:greeter:1.0 demo:gone:0.1"))
                .isInstanceOfSatisfying(CellException.class, e -> {
                    assertThat(e.ename()).isEqualTo("MavenResolutionException");
                    assertThat(e.evalue()).contains("demo:gone:0.1").contains(repoUrl);
                });
        assertThatThrownBy(() -> session.execute("%maven greeter"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("'greeter' is not a Maven coordinate"));
        assertThatThrownBy(() -> session.execute("%mavenRepo only-an-id"))
                .isInstanceOfSatisfying(CellException.class, e -> assertThat(e.evalue()).contains("usage: %mavenRepo ID URL"));
    }

    @Test
    void loadFromPomTakesAWholePomWithItsRepositories() {
        session.execute("%mavenRepo -d files");
        session.execute("""
                %%loadFromPOM
                <project>
                  <properties><v>1.0</v></properties>
                  <repositories><repository><id>again</id><url>""" + repoUrl + """
                </url></repository></repositories>
                  <dependencies>
                    <dependency><groupId>demo</groupId><artifactId>greeter</artifactId><version>${v}</version></dependency>
                  </dependencies>
                </project>
                """);
        assertThat(session.execute("demo.Greeter.hello()").value()).isEqualTo("hello from names 2.0");
        assertThat(session.classpath()).anySatisfy(e -> assertThat(e).endsWith("greeter-1.0.jar"));
    }
}
