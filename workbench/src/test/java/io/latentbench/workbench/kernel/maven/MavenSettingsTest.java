package io.latentbench.workbench.kernel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings.xml as Maven reads it, and the resolver configured by it; every repository is a directory the test makes. */
class MavenSettingsTest {

    @TempDir
    Path dir;

    private Path settings(String body) throws Exception {
        Path file = dir.resolve("settings.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n" + body + "</settings>\n");
        return file;
    }

    private static MavenSettings read(Path file, Map<String, String> env) {
        return MavenSettings.read(file, env::get, Map.of("user.home", "/home/someone")::get);
    }

    @Test
    void aMissingFileMeansDefaults() {
        assertThat(read(dir.resolve("absent.xml"), Map.of())).isEqualTo(MavenSettings.NONE);
    }

    @Test
    void readsTheLocalRepositoryExpandingUserHomeAndEnvironmentVariables() throws Exception {
        Path file = settings("<localRepository>${env.REPO_BASE}/m2-${user.home}</localRepository>\n<offline>true</offline>\n");
        MavenSettings s = read(file, Map.of("REPO_BASE", "/data"));
        assertThat(s.localRepository()).contains(Path.of("/data/m2-/home/someone"));
        assertThat(s.offline()).contains(true);
        assertThatThrownBy(() -> read(file, Map.of()))
                .isInstanceOf(MavenSettingsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("<localRepository> ${env.REPO_BASE}/m2-/home/someone names a variable that is not set");
    }

    @Test
    void theLocalRepositoryOfTheSettingsIsUsedUnlessMavenRepoLocalIsGiven() throws Exception {
        Path local = dir.resolve("from-settings");
        MavenSettings s = read(settings("<localRepository>" + local + "</localRepository>\n"), Map.of());
        try (MavenResolver r = MavenResolver.configured(s, null)) {
            assertThat(r.localRepository()).isEqualTo(local);
            assertThat(r.offline()).isFalse();
        }
        try (MavenResolver r = MavenResolver.configured(s, dir.resolve("from-property").toString())) {
            assertThat(r.localRepository()).isEqualTo(dir.resolve("from-property"));
        }
    }

    @Test
    void aMirrorOfEverythingServesCentralFromAFileRepository() throws Exception {
        Path repo = FileRepository.create(dir);
        MavenSettings s = read(settings("""
                <localRepository>%s</localRepository>
                <mirrors><mirror><id>files</id><url>%s</url><mirrorOf>*</mirrorOf></mirror></mirrors>
                """.formatted(dir.resolve("local"), repo.toUri())), Map.of());
        try (MavenResolver r = MavenResolver.configured(s, null)) {
            // central itself is not reachable here: only the mirror holds demo:greeter
            assertThat(r.effectiveRepositories()).singleElement().satisfies(m -> {
                assertThat(m.getId()).isEqualTo("files");
                assertThat(m.getMirroredRepositories()).extracting(RemoteRepository::getId).containsExactly("central");
            });
            assertThat(r.resolve(List.of("demo:greeter:1.0"))).extracting(p -> p.getFileName().toString())
                    .containsExactly("greeter-1.0.jar", "names-2.0.jar");
        }
        try (MavenResolver unmirrored = new MavenResolver(dir.resolve("local2"), List.of(MavenResolver.CENTRAL), true)) {
            assertThatThrownBy(() -> unmirrored.resolve(List.of("demo:greeter:1.0"))).isInstanceOf(MavenResolutionException.class);
        }
    }

    @Test
    void anExcludedRepositoryIsNotMirroredAndServersAndProxiesApplyByIdAndHost() throws Exception {
        Path repo = FileRepository.create(dir);
        MavenSettings s = read(settings("""
                <mirrors><mirror><id>corp</id><url>https://repo.corp.example/maven</url><mirrorOf>*,!central</mirrorOf></mirror></mirrors>
                <servers><server><id>corp</id><username>me</username><password>${env.CORP_TOKEN}</password></server></servers>
                <proxies>
                  <proxy><id>off</id><active>false</active><protocol>https</protocol><host>unused.example</host><port>1</port></proxy>
                  <proxy><id>p</id><protocol>https</protocol><host>proxy.example</host><port>3128</port>
                    <nonProxyHosts>*.corp.example|localhost</nonProxyHosts></proxy>
                </proxies>
                """), Map.of("CORP_TOKEN", "secret"));
        assertThat(s.servers()).containsExactly(new MavenSettings.Server("corp", "me", "secret"));
        RemoteRepository central = new RemoteRepository.Builder("central", "default", repo.toUri().toString()).build();
        RemoteRepository other = new RemoteRepository.Builder("other", "default", "https://other.example/m2").build();
        try (MavenResolver r = new MavenResolver(dir.resolve("local"), List.of(central, other), false, s)) {
            List<RemoteRepository> asked = r.effectiveRepositories();
            assertThat(asked).extracting(RemoteRepository::getId).containsExactly("central", "corp");
            assertThat(asked.get(0).getUrl()).isEqualTo(repo.toUri().toString());
            RemoteRepository corp = asked.get(1);
            assertThat(corp.getMirroredRepositories()).extracting(RemoteRepository::getId).containsExactly("other");
            assertThat(corp.getAuthentication()).isNotNull();
            assertThat(corp.getProxy()).isNull(); // *.corp.example is a non-proxy host
            // central, not mirrored, is still the file repository: resolution works without the (unreachable) mirror
            assertThat(r.resolve(List.of("demo:names:2.0"))).extracting(p -> p.getFileName().toString()).containsExactly("names-2.0.jar");
        }
        try (MavenResolver r = new MavenResolver(dir.resolve("local"), List.of(MavenResolver.CENTRAL), false,
                read(settings("<proxies><proxy><protocol>https</protocol><host>proxy.example</host><port>3128</port></proxy></proxies>\n"), Map.of()))) {
            assertThat(r.effectiveRepositories()).singleElement().satisfies(c -> {
                assertThat(c.getProxy().getHost()).isEqualTo("proxy.example");
                assertThat(c.getProxy().getPort()).isEqualTo(3128);
            });
        }
    }

    @Test
    void theUsersSettingsWinOverTheInstallationsAndAddToIts() {
        MavenSettings user = new MavenSettings(Optional.empty(), Optional.of(false),
                List.of(new MavenSettings.Mirror("m", "file:///user", "*", "default", "default,legacy", false)),
                List.of(new MavenSettings.Server("s", "user", "pw")), List.of());
        MavenSettings global = new MavenSettings(Optional.of(Path.of("/global/repo")), Optional.of(true),
                List.of(new MavenSettings.Mirror("m", "file:///global", "*", "default", "default,legacy", false),
                        new MavenSettings.Mirror("g", "file:///g", "x", "default", "default,legacy", false)),
                List.of(new MavenSettings.Server("t", "global", "pw")), List.of());
        MavenSettings merged = user.over(global);
        assertThat(merged.localRepository()).contains(Path.of("/global/repo"));
        assertThat(merged.offline()).contains(false);
        assertThat(merged.mirrors()).extracting(MavenSettings.Mirror::url).containsExactly("file:///user", "file:///g");
        assertThat(merged.servers()).extracting(MavenSettings.Server::id).containsExactly("s", "t");
    }

    @Test
    void aMalformedFileIsAnErrorNamingTheFileTheLineAndWhatIsWrong() throws Exception {
        Path broken = settings("<mirrors>\n  <mirror><id>x</id>\n</mirrors>\n");
        assertThatThrownBy(() -> read(broken, Map.of()))
                .isInstanceOf(MavenSettingsException.class)
                .hasMessageStartingWith(broken + " line 5: not well-formed XML: ")
                .hasMessageContaining("mirror");
        assertThatThrownBy(() -> read(settings("<offline>yes</offline>\n"), Map.of()))
                .hasMessageContaining("offline is 'yes', expected true or false");
        assertThatThrownBy(() -> read(settings("<mirrors><mirror><id>m</id><url>file:///x</url></mirror></mirrors>\n"), Map.of()))
                .hasMessageContaining("mirror m has no <mirrorOf>");
        assertThatThrownBy(() -> read(settings("<proxies><proxy><host>h</host><port>80a</port></proxy></proxies>\n"), Map.of()))
                .hasMessageContaining("proxy default <port> is '80a', expected a whole number");
        Path notSettings = dir.resolve("pom.xml");
        Files.writeString(notSettings, "<project/>");
        assertThatThrownBy(() -> read(notSettings, Map.of()))
                .hasMessage(notSettings + ": the root element is <project>, expected <settings>");
    }
}
