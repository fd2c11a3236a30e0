package io.latentbench.workbench.kernel.magic;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import io.latentbench.workbench.kernel.eval.CellException;
import io.latentbench.workbench.kernel.eval.Evaluation;
import io.latentbench.workbench.kernel.maven.MavenResolutionException;
import io.latentbench.workbench.kernel.maven.MavenResolver;
import io.latentbench.workbench.kernel.maven.MavenSettingsException;
import io.latentbench.workbench.kernel.maven.PomRequest;

/**
 * IJava's {@code %maven G:A[:ext[:classifier]]:V ...}, {@code %mavenRepo ID URL} and
 * {@code %%loadFromPOM}: artifacts resolved with their runtime dependencies and put on the cell
 * class path at once. {@code %mavenRepo} alone lists the repositories, {@code %mavenRepo -d ID}
 * removes one. The resolver is made on first use, not at kernel start.
 */
final class MavenMagics {

    private final Supplier<MavenResolver> factory;
    private MavenResolver resolver;

    MavenMagics(Supplier<MavenResolver> factory) {
        this.factory = factory;
    }

    private synchronized MavenResolver resolver() {
        if (resolver == null) {
            try {
                resolver = factory.get();
            } catch (MavenSettingsException e) {
                // asked again at the next magic, so that a corrected settings.xml is taken up without a restart
                throw CellException.of("MavenSettingsException", e.getMessage());
            }
        }
        return resolver;
    }

    Evaluation maven(Magics.Host host, String args) {
        List<String> coordinates = MagicArgs.split(args);
        if (coordinates.isEmpty()) {
            throw CellException.of("IllegalArgumentException",
                    "usage: %maven GROUP:ARTIFACT[:EXTENSION[:CLASSIFIER]]:VERSION ...");
        }
        List<Path> files;
        try {
            files = resolver().resolve(coordinates);
        } catch (IllegalArgumentException e) {
            throw CellException.of("IllegalArgumentException", e.getMessage());
        } catch (MavenResolutionException e) {
            throw CellException.of("MavenResolutionException", e.getMessage());
        }
        return addAll(host, files);
    }

    Evaluation mavenRepo(Magics.Host host, String args) {
        List<String> words = MagicArgs.split(args);
        if (words.isEmpty()) {
            resolver().repositories().forEach(r -> System.out.println(r.getId() + " " + r.getUrl()));
            // settings.xml's mirrors replace some of them when artifacts are fetched: say which
            resolver().effectiveRepositories().stream().filter(r -> !r.getMirroredRepositories().isEmpty())
                    .forEach(m -> System.out.println("mirror " + m.getId() + " " + m.getUrl() + " for "
                            + String.join(", ", m.getMirroredRepositories().stream().map(r -> r.getId()).toList())));
            System.out.println("local " + resolver().localRepository() + (resolver().offline() ? " (offline)" : ""));
            return Evaluation.NONE;
        }
        if (words.size() == 2 && words.get(0).equals("-d")) {
            if (!resolver().removeRepository(words.get(1))) {
                throw CellException.of("IllegalArgumentException", "no repository '" + words.get(1) + "'; there are "
                        + resolver().repositories().stream().map(r -> r.getId()).toList());
            }
            return Evaluation.NONE;
        }
        if (words.size() != 2) {
            throw CellException.of("IllegalArgumentException", "usage: %mavenRepo ID URL (or -d ID to remove one, or nothing to list them)");
        }
        resolver().addRepository(words.get(0), repositoryUrl(host, words.get(1)));
        return Evaluation.NONE;
    }

    Evaluation loadFromPom(Magics.Host host, String args, String body) {
        PomRequest pom;
        try {
            pom = PomRequest.parse(body);
        } catch (IllegalArgumentException e) {
            throw CellException.of("IllegalArgumentException", e.getMessage());
        }
        if (pom.dependencies().isEmpty()) {
            throw CellException.of("IllegalArgumentException", "%%loadFromPOM found no <dependency> to load");
        }
        pom.repositories().forEach(r -> resolver().addRepository(r.id(), repositoryUrl(host, r.url())));
        try {
            return addAll(host, resolver().resolveDependencies(pom.dependencies()));
        } catch (MavenResolutionException e) {
            throw CellException.of("MavenResolutionException", e.getMessage());
        }
    }

    /** A URL as given, or a directory (relative to the notebook's) as a file URL. */
    private static String repositoryUrl(Magics.Host host, String url) {
        return url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? url : host.workingDirectory().resolve(url).toUri().toString();
    }

    private static Evaluation addAll(Magics.Host host, List<Path> files) {
        int before = host.classpath().size();
        files.forEach(f -> host.addToClasspath(f.toString()));
        int added = host.classpath().size() - before;
        System.out.println("added " + added + " jar" + (added == 1 ? "" : "s") + " to the class path"
                + (added < files.size() ? " (" + (files.size() - added) + " already there)" : "") + ": "
                + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
        return Evaluation.NONE;
    }
}
