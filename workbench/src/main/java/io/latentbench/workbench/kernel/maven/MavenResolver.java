package io.latentbench.workbench.kernel.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.MirrorSelector;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * Resolves Maven coordinates, with their runtime dependencies, to jar files: Apache Maven
 * Resolver 2 as Maven 3 configures it, against a local repository (by default Maven's own:
 * {@code -Dmaven.repo.local}, else settings.xml's {@code localRepository}, else
 * {@code ~/.m2/repository}) and the remote repositories added, Maven Central first. The
 * {@link MavenSettings}' mirrors, server credentials and proxies apply to every remote, as in Maven.
 */
public final class MavenResolver implements AutoCloseable {

    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final Path localRepository;
    private final Map<String, RemoteRepository> remotes = new LinkedHashMap<>();
    private final boolean offline;
    private final MavenSettings settings;
    private RepositorySystem system;

    /**
     * @param localRepository where artifacts are looked up first and downloaded to
     * @param remotes         the remote repositories, in the order they are asked
     * @param offline         whether to use the local repository only
     */
    public MavenResolver(Path localRepository, List<RemoteRepository> remotes, boolean offline) {
        this(localRepository, remotes, offline, MavenSettings.NONE);
    }

    /**
     * @param settings whose mirrors, servers and proxies apply to the remotes (its local repository
     *                 and offline flag are not read here: see {@link #configured})
     */
    public MavenResolver(Path localRepository, List<RemoteRepository> remotes, boolean offline, MavenSettings settings) {
        this.localRepository = Objects.requireNonNull(localRepository, "localRepository");
        remotes.forEach(r -> this.remotes.put(r.getId(), r));
        this.offline = offline;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Maven's local repository and Maven Central, configured by the user's and the installation's settings.xml.
     *
     * @throws MavenSettingsException when a settings file is malformed
     */
    public static MavenResolver standard() {
        return configured(MavenSettings.load(), System.getProperty("maven.repo.local"));
    }

    /**
     * Maven Central, through the settings: their local repository unless {@code repoLocalProperty}
     * (Maven's {@code -Dmaven.repo.local}) is given, which wins as in Maven; their offline flag.
     */
    public static MavenResolver configured(MavenSettings settings, String repoLocalProperty) {
        return new MavenResolver(localRepository(settings, repoLocalProperty), List.of(CENTRAL),
                settings.offline().orElse(false), settings);
    }

    /** {@code -Dmaven.repo.local}, else settings.xml's {@code localRepository}, else {@code ~/.m2/repository}, as Maven has it. */
    public static Path defaultLocalRepository() {
        return localRepository(MavenSettings.load(), System.getProperty("maven.repo.local"));
    }

    private static Path localRepository(MavenSettings settings, String repoLocalProperty) {
        return repoLocalProperty != null && !repoLocalProperty.isBlank() ? Path.of(repoLocalProperty)
                : settings.localRepository().orElseGet(() -> Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    public boolean offline() {
        return offline;
    }

    public Path localRepository() {
        return localRepository;
    }

    /** Adds a remote repository, or replaces the one with the same id. */
    public void addRepository(String id, String url) {
        if (id == null || id.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("a repository needs an id and a URL, got '" + id + "' '" + url + "'");
        }
        remotes.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    /** Removes the remote repository of this id; false when there is none. */
    public boolean removeRepository(String id) {
        return remotes.remove(id) != null;
    }

    public List<RemoteRepository> repositories() {
        return List.copyOf(remotes.values());
    }

    /**
     * The repositories as they are asked: each replaced by its mirror when one matches, with the
     * credentials of its (or its mirror's) server id and the proxy for its host; mirrored ones merge.
     */
    public List<RemoteRepository> effectiveRepositories() {
        try (RepositorySystemSession.CloseableSession session = session()) {
            return system().newResolutionRepositories(session, repositories());
        }
    }

    /**
     * A dependency from {@code groupId:artifactId[:extension[:classifier]]:version}.
     *
     * @throws IllegalArgumentException naming the text when it is not such a coordinate
     */
    public static Dependency dependency(String coordinates, String scope) {
        try {
            return new Dependency(new DefaultArtifact(coordinates.strip()), scope == null || scope.isBlank() ? JavaScopes.COMPILE : scope);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinates + "' is not a Maven coordinate; expected"
                    + " groupId:artifactId[:extension[:classifier]]:version, e.g. org.apache.commons:commons-lang3:3.17.0");
        }
    }

    /** The files of the given coordinates and of their compile and runtime dependencies, in class path order. */
    public List<Path> resolve(List<String> coordinates) {
        return resolveDependencies(coordinates.stream().map(c -> dependency(c, JavaScopes.COMPILE)).toList());
    }

    /**
     * @throws MavenResolutionException naming the artifacts that could not be resolved and where they were looked for
     */
    public List<Path> resolveDependencies(List<Dependency> dependencies) {
        if (dependencies.isEmpty()) {
            return List.of();
        }
        try (RepositorySystemSession.CloseableSession session = session()) {
            // the resolver applies the session's mirrors, proxies and credentials only to repositories found in POMs
            CollectRequest collect = new CollectRequest(dependencies, List.of(),
                    system().newResolutionRepositories(session, repositories()));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            DependencyResult result = system().resolveDependencies(session, request);
            List<Path> files = new ArrayList<>();
            for (ArtifactResult a : result.getArtifactResults()) {
                Path file = a.getArtifact().getPath();
                if (file != null && !files.contains(file)) {
                    files.add(file);
                }
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new MavenResolutionException(describe(dependencies, e), e);
        }
    }

    private String describe(List<Dependency> wanted, DependencyResolutionException e) {
        List<String> missing = new ArrayList<>();
        DependencyResult result = e.getResult();
        if (result != null) {
            for (ArtifactResult a : result.getArtifactResults()) {
                if (!a.isResolved()) {
                    missing.add(coordinates(a.getRequest().getArtifact()));
                }
            }
            if (missing.isEmpty() && result.getCollectExceptions() != null) {
                result.getCollectExceptions().forEach(c -> missing.add(firstLine(c.getMessage())));
            }
        }
        String what = wanted.stream().map(d -> coordinates(d.getArtifact())).collect(Collectors.joining(", "));
        List<RemoteRepository> asked = effectiveRepositories();
        String where = "local " + localRepository + (offline ? " (offline)" : "") + (asked.isEmpty() ? "" : ", "
                + asked.stream().map(MavenResolver::named).collect(Collectors.joining(", ")));
        return "cannot resolve " + what + (missing.isEmpty() ? "" : ": missing " + String.join("; ", missing))
                + " (looked in " + where + ")" + (missing.isEmpty() ? ": " + firstLine(e.getMessage()) : "");
    }

    private static String named(RemoteRepository r) {
        return r.getId() + " " + r.getUrl() + (r.getMirroredRepositories().isEmpty() ? ""
                : " (mirror of " + r.getMirroredRepositories().stream().map(RemoteRepository::getId).collect(Collectors.joining(", ")) + ")");
    }

    private static String coordinates(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId()
                + (a.getExtension().equals("jar") && a.getClassifier().isEmpty() ? "" : ":" + a.getExtension())
                + (a.getClassifier().isEmpty() ? "" : ":" + a.getClassifier()) + ":" + a.getVersion();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private RepositorySystemSession.CloseableSession session() {
        return new SessionBuilderSupplier(system()).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .setOffline(offline)
                .setMirrorSelector(mirrorSelector(settings))
                .setAuthenticationSelector(authenticationSelector(settings))
                .setProxySelector(proxySelector(settings))
                .build();
    }

    private static MirrorSelector mirrorSelector(MavenSettings settings) {
        DefaultMirrorSelector selector = new DefaultMirrorSelector();
        for (MavenSettings.Mirror m : settings.mirrors()) {
            selector.add(m.id(), m.url(), m.layout(), false, m.blocked(), m.mirrorOf(), m.mirrorOfLayouts());
        }
        return selector;
    }

    private static AuthenticationSelector authenticationSelector(MavenSettings settings) {
        DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
        for (MavenSettings.Server s : settings.servers()) {
            selector.add(s.id(), new AuthenticationBuilder().addUsername(s.username()).addPassword(s.password()).build());
        }
        return selector;
    }

    /** The active proxies; Maven uses the first active one per protocol. */
    private static ProxySelector proxySelector(MavenSettings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (MavenSettings.Proxy p : settings.proxies()) {
            if (p.active()) {
                Authentication auth = new AuthenticationBuilder().addUsername(p.username()).addPassword(p.password()).build();
                selector.add(new Proxy(p.protocol(), p.host(), p.port(), auth), p.nonProxyHosts());
            }
        }
        return selector;
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.shutdown();
            system = null;
        }
    }
}
