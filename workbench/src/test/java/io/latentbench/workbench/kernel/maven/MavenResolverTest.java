package io.latentbench.workbench.kernel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenResolverTest {

    @TempDir
    Path dir;

    private MavenResolver fromFileRepository() throws Exception {
        Path repo = FileRepository.create(dir);
        return new MavenResolver(dir.resolve("local"), List.of(new RemoteRepository.Builder("files", "default", repo.toUri().toString()).build()), false);
    }

    @Test
    void resolvesAnArtifactWithItsCompileDependenciesButNotItsTestOnes() throws Exception {
        try (MavenResolver r = fromFileRepository()) {
            List<Path> files = r.resolve(List.of("demo:greeter:1.0"));
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("greeter-1.0.jar", "names-2.0.jar");
            assertThat(files).allSatisfy(p -> assertThat(p).startsWith(dir.resolve("local")).exists());
        }
    }

    @Test
    void anUnresolvableArtifactIsNamedWithWhereItWasLookedFor() throws Exception {
        try (MavenResolver r = fromFileRepository()) {
            assertThatThrownBy(() -> r.resolve(List.of("demo:greeter:1.0", "demo:nothere:3.1")))
                    .isInstanceOf(MavenResolutionException.class)
                    .hasMessageContaining("demo:nothere:3.1")
                    .hasMessageContaining("files file:");
        }
    }

    @Test
    void aBadCoordinateSaysWhatIsExpected() {
        assertThatThrownBy(() -> MavenResolver.dependency("just-a-name", null))
                .hasMessageContaining("'just-a-name' is not a Maven coordinate; expected groupId:artifactId[:extension[:classifier]]:version");
        assertThat(MavenResolver.dependency("g:a:zip:natives:1.2", null).getArtifact())
                .satisfies(a -> {
                    assertThat(a.getExtension()).isEqualTo("zip");
                    assertThat(a.getClassifier()).isEqualTo("natives");
                    assertThat(a.getVersion()).isEqualTo("1.2");
                });
    }

    @Test
    void resolvesOfflineFromTheRealLocalRepository() {
        // the build itself put JMH and its dependencies into Maven's local repository
        Path local = MavenResolver.defaultLocalRepository();
        assertThat(local.resolve("org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar")).exists();
        try (MavenResolver r = new MavenResolver(local, List.of(MavenResolver.CENTRAL), true)) {
            List<Path> files = r.resolve(List.of("org.openjdk.jmh:jmh-core:1.37"));
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("jmh-core-1.37.jar", "jopt-simple-5.0.4.jar", "commons-math3-3.6.1.jar");
            assertThat(files).allSatisfy(p -> assertThat(Files.isRegularFile(p)).isTrue());
        }
    }

    @Test
    void aPomFragmentOrAWholePomGivesItsOwnDependenciesAndRepositories() {
        PomRequest fragment = PomRequest.parse("""
                <dependency><groupId>demo</groupId><artifactId>greeter</artifactId><version>1.0</version></dependency>
                <dependency><groupId>demo</groupId><artifactId>t</artifactId><version>1</version><scope>test</scope></dependency>
                """);
        assertThat(fragment.dependencies()).extracting(d -> d.getArtifact().toString()).containsExactly("demo:greeter:jar:1.0");

        PomRequest whole = PomRequest.parse("""
                <?xml version="1.0"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <properties><names.version>2.0</names.version></properties>
                  <repositories><repository><id>mine</id><url>file:///tmp/repo</url></repository></repositories>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>x</groupId><artifactId>managed</artifactId><version>1</version></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>demo</groupId><artifactId>names</artifactId><version>${names.version}</version>
                      <classifier>sources</classifier>
                      <exclusions><exclusion><groupId>a</groupId><artifactId>b</artifactId></exclusion></exclusions>
                    </dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies>
                    <dependency><groupId>p</groupId><artifactId>q</artifactId><version>1</version></dependency>
                  </dependencies></plugin></plugins></build>
                </project>
                """);
        assertThat(whole.dependencies()).singleElement().satisfies(d -> {
            assertThat(d.getArtifact().toString()).isEqualTo("demo:names:jar:sources:2.0");
            assertThat(d.getExclusions()).extracting(x -> x.getGroupId() + ":" + x.getArtifactId()).containsExactly("a:b");
        });
        assertThat(whole.repositories()).containsExactly(new PomRequest.Repository("mine", "file:///tmp/repo"));
        assertThatThrownBy(() -> PomRequest.parse("<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>"))
                .hasMessageContaining("needs groupId, artifactId and version; got g:a:null");
        assertThatThrownBy(() -> PomRequest.parse("<dependency><version>${nope}</version></dependency>"))
                .hasMessageContaining("${nope}");
        assertThatThrownBy(() -> PomRequest.parse("<dependency>")).hasMessageContaining("not well-formed XML");
    }
}
