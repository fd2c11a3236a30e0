package io.latentbench.workbench.kernel.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The parts of Maven's {@code settings.xml} that decide where artifacts come from: the local
 * repository, offline mode, mirrors, server credentials and proxies. Values may use
 * {@code ${env.NAME}} and {@code ${property}} (e.g. {@code ${user.home}}), as Maven interpolates
 * them; an expression that names nothing stays as written, as in Maven, except in
 * {@code localRepository}, where it would make a directory of that name.
 *
 * @param localRepository the configured local repository, if any
 * @param offline         whether the file says {@code <offline>}, if it does
 * @param mirrors         in file order: the first whose {@code mirrorOf} matches wins
 */
public record MavenSettings(Optional<Path> localRepository, Optional<Boolean> offline, List<Mirror> mirrors,
                            List<Server> servers, List<Proxy> proxies) {

    public static final MavenSettings NONE = new MavenSettings(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());

    /** A mirror: {@code mirrorOf} is Maven's pattern ({@code *}, {@code external:*}, ids, {@code !id}). */
    public record Mirror(String id, String url, String mirrorOf, String layout, String mirrorOfLayouts, boolean blocked) {
    }

    /** Credentials for the repository or mirror of this id. */
    public record Server(String id, String username, String password) {
    }

    /** A proxy for one protocol; {@code nonProxyHosts} is Maven's {@code |}-separated host patterns. */
    public record Proxy(String id, boolean active, String protocol, String host, int port,
                        String username, String password, String nonProxyHosts) {
    }

    public MavenSettings {
        mirrors = List.copyOf(mirrors);
        servers = List.copyOf(servers);
        proxies = List.copyOf(proxies);
    }

    /** {@code ~/.m2/settings.xml}, where Maven reads the user's settings. */
    public static Path userSettingsFile() {
        return Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    }

    /** {@code ${maven.home}/conf/settings.xml} (or under {@code $MAVEN_HOME}), the installation's; empty when neither is known. */
    public static Optional<Path> globalSettingsFile() {
        String home = System.getProperty("maven.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("MAVEN_HOME");
        }
        return home == null || home.isBlank() ? Optional.empty() : Optional.of(Path.of(home, "conf", "settings.xml"));
    }

    /** The user's settings over the installation's, read with this process's environment and properties. */
    public static MavenSettings load() {
        MavenSettings user = read(userSettingsFile(), System::getenv, System::getProperty);
        return globalSettingsFile().map(g -> user.over(read(g, System::getenv, System::getProperty))).orElse(user);
    }

    /**
     * These settings, the dominant ones, over {@code recessive}: a value set here wins, and mirrors,
     * servers and proxies of ids not given here are added after these, as Maven merges user over global.
     */
    public MavenSettings over(MavenSettings recessive) {
        return new MavenSettings(localRepository.or(recessive::localRepository), offline.or(recessive::offline),
                byId(mirrors, recessive.mirrors, Mirror::id), byId(servers, recessive.servers, Server::id),
                byId(proxies, recessive.proxies, Proxy::id));
    }

    private static <T> List<T> byId(List<T> dominant, List<T> recessive, Function<T, String> id) {
        Map<String, T> merged = new LinkedHashMap<>();
        dominant.forEach(t -> merged.putIfAbsent(id.apply(t), t));
        recessive.forEach(t -> merged.putIfAbsent(id.apply(t), t));
        return List.copyOf(merged.values());
    }

    /**
     * Reads a settings file; a missing one is {@link #NONE}.
     *
     * @param env        environment variables, for {@code ${env.NAME}}
     * @param properties system properties, for {@code ${name}}
     * @throws MavenSettingsException naming the file, and the line when known, when it cannot be read or is not valid settings
     */
    public static MavenSettings read(Path file, Function<String, String> env, Function<String, String> properties) {
        if (!Files.exists(file)) {
            return NONE;
        }
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ThrowingErrorHandler()); // the default one also prints each error to stderr
            document = builder.parse(file.toFile());
        } catch (SAXParseException e) {
            throw new MavenSettingsException(file + " line " + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new MavenSettingsException(file + ": cannot be read: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("settings")) {
            throw new MavenSettingsException(file + ": the root element is <" + root.getTagName() + ">, expected <settings>");
        }
        Reader reader = new Reader(file, env, properties);
        Optional<Path> local = reader.text(root, "localRepository").map(value -> {
            if (value.contains("${")) {
                throw new MavenSettingsException(file + ": <localRepository> " + value + " names a variable that is not set");
            }
            return Path.of(value);
        });
        Optional<Boolean> offline = reader.text(root, "offline").map(value -> reader.bool("offline", value));
        List<Mirror> mirrors = new ArrayList<>();
        for (Element m : reader.children(root, "mirrors", "mirror")) {
            String id = reader.text(m, "id").orElse("default"); // Maven's default id for a mirror without one
            mirrors.add(new Mirror(id, reader.required(m, "mirror " + id, "url"), reader.required(m, "mirror " + id, "mirrorOf"),
                    reader.text(m, "layout").orElse("default"), reader.text(m, "mirrorOfLayouts").orElse("default,legacy"),
                    reader.text(m, "blocked").map(v -> reader.bool("mirror " + id + " <blocked>", v)).orElse(false)));
        }
        List<Server> servers = new ArrayList<>();
        for (Element s : reader.children(root, "servers", "server")) {
            String id = reader.required(s, "a server", "id");
            servers.add(new Server(id, reader.text(s, "username").orElse(null), reader.text(s, "password").orElse(null)));
        }
        List<Proxy> proxies = new ArrayList<>();
        for (Element p : reader.children(root, "proxies", "proxy")) {
            String id = reader.text(p, "id").orElse("default");
            String port = reader.text(p, "port").orElse("8080");
            int portNumber;
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new MavenSettingsException(file + ": proxy " + id + " <port> is '" + port + "', expected a whole number");
            }
            proxies.add(new Proxy(id, reader.text(p, "active").map(v -> reader.bool("proxy " + id + " <active>", v)).orElse(true),
                    reader.text(p, "protocol").orElse("http"), reader.required(p, "proxy " + id, "host"), portNumber,
                    reader.text(p, "username").orElse(null), reader.text(p, "password").orElse(null),
                    reader.text(p, "nonProxyHosts").orElse(null)));
        }
        return new MavenSettings(local, offline, mirrors, servers, proxies);
    }

    /** Errors end the parse as exceptions, and nothing is printed. */
    private static final class ThrowingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }

    /** Reads one file's elements, expanding the expressions in their text. */
    private record Reader(Path file, Function<String, String> env, Function<String, String> properties) {

        private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

        Optional<String> text(Element parent, String name) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    String value = expand(e.getTextContent().strip());
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
            return Optional.empty();
        }

        String required(Element parent, String what, String name) {
            return text(parent, name).orElseThrow(() -> new MavenSettingsException(file + ": " + what + " has no <" + name + ">"));
        }

        boolean bool(String what, String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new MavenSettingsException(file + ": " + what + " is '" + value + "', expected true or false");
            };
        }

        List<Element> children(Element root, String list, String item) {
            List<Element> found = new ArrayList<>();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element l && l.getTagName().equals(list)) {
                    for (Node c = l.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element e && e.getTagName().equals(item)) {
                            found.add(e);
                        }
                    }
                }
            }
            return found;
        }

        String expand(String value) {
            Matcher m = EXPRESSION.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String replacement = name.startsWith("env.") ? env.apply(name.substring(4)) : properties.apply(name);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
            }
            return m.appendTail(out).toString();
        }
    }
}
