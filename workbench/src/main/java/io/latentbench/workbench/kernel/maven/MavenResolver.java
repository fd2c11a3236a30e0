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
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates, with their runtime dependencies, to jar files: Apache Maven
 * Resolver 2 as Maven 3 configures it, against a local repository (by default Maven's own,
 * {@code ~/.m2/repository} or {@code -Dmaven.repo.local}) and the remote repositories added, Maven
 * Central first.
 */
public final class MavenResolver implements AutoCloseable {

    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final Path localRepository;
    private final Map<String, RemoteRepository> remotes = new LinkedHashMap<>();
    private final boolean offline;
    private RepositorySystem system;

    /**
     * @param localRepository where artifacts are looked up first and downloaded to
     * @param remotes         the remote repositories, in the order they are asked
     * @param offline         whether to use the local repository only
     */
    public MavenResolver(Path localRepository, List<RemoteRepository> remotes, boolean offline) {
        this.localRepository = Objects.requireNonNull(localRepository, "localRepository");
        remotes.forEach(r -> this.remotes.put(r.getId(), r));
        this.offline = offline;
    }

    /** Maven's local repository and Maven Central, online. */
    public static MavenResolver standard() {
        return new MavenResolver(defaultLocalRepository(), List.of(CENTRAL), false);
    }

    /** {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}, as Maven has it. */
    public static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
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
        CollectRequest collect = new CollectRequest(dependencies, List.of(), repositories());
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try (RepositorySystemSession.CloseableSession session = session()) {
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
        String where = "local " + localRepository + (offline ? " (offline)" : "") + (remotes.isEmpty() ? "" : ", "
                + remotes.values().stream().map(r -> r.getId() + " " + r.getUrl()).collect(Collectors.joining(", ")));
        return "cannot resolve " + what + (missing.isEmpty() ? "" : ": missing " + String.join("; ", missing))
                + " (looked in " + where + ")" + (missing.isEmpty() ? ": " + firstLine(e.getMessage()) : "");
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
                .build();
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.shutdown();
            system = null;
        }
    }
}
