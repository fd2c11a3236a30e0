package io.latentbench.workbench.kernel.maven;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What {@code %%loadFromPOM} takes from a POM or a fragment of one ({@code <dependency>} elements,
 * a {@code <dependencies>} block, with {@code <repositories>} and {@code <properties>} beside
 * them): the project's own dependencies (not those of {@code dependencyManagement}, plugins or
 * profiles; test-scoped ones left out) with their exclusions, and its repositories, with
 * {@code ${property}} references replaced.
 */
public record PomRequest(List<Dependency> dependencies, List<Repository> repositories) {

    public record Repository(String id, String url) {
    }

    /** Elements under which a {@code <dependency>} is not one of the project's own. */
    private static final Set<String> NOT_OWN = Set.of("dependencyManagement", "plugin", "plugins", "profile", "profiles",
            "pluginManagement", "extensions", "reporting");

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    public PomRequest {
        dependencies = List.copyOf(dependencies);
        repositories = List.copyOf(repositories);
    }

    /**
     * @throws IllegalArgumentException when the text is not XML, or a dependency lacks its groupId,
     *                                  artifactId or version, naming it
     */
    public static PomRequest parse(String xml) {
        String body = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "").strip();
        String document = body.startsWith("<project") ? body : "<fragment>" + body + "</fragment>";
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(document))).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("the POM is not well-formed XML: " + e.getMessage());
        }
        Map<String, String> properties = new HashMap<>();
        for (Element props : descendants(root, "properties")) {
            for (Element p : children(props)) {
                properties.put(name(p), p.getTextContent().strip());
            }
        }
        if (name(root).equals("project")) {
            for (String field : List.of("groupId", "artifactId", "version")) {
                String value = childText(root, field);
                if (value != null) {
                    properties.put("project." + field, value);
                }
            }
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (Element d : descendants(root, "dependency")) {
            if (!isOwn(d, root)) {
                continue;
            }
            String scope = text(d, "scope", properties);
            if ("test".equals(scope)) {
                continue;
            }
            String groupId = text(d, "groupId", properties);
            String artifactId = text(d, "artifactId", properties);
            String version = text(d, "version", properties);
            if (groupId == null || artifactId == null || version == null) {
                throw new IllegalArgumentException("a <dependency> needs groupId, artifactId and version; got " + groupId + ":"
                        + artifactId + ":" + version + " (versions managed elsewhere are not known here)");
            }
            String type = text(d, "type", properties);
            String classifier = text(d, "classifier", properties);
            List<Exclusion> exclusions = new ArrayList<>();
            for (Element x : descendants(d, "exclusion")) {
                exclusions.add(new Exclusion(text(x, "groupId", properties), text(x, "artifactId", properties), "*", "*"));
            }
            DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, classifier == null ? "" : classifier,
                    type == null || type.equals("jar") || type.equals("bundle") ? "jar" : type, version);
            dependencies.add(new Dependency(artifact, scope == null ? "compile" : scope, false, exclusions));
        }
        List<Repository> repositories = new ArrayList<>();
        for (Element r : descendants(root, "repository")) {
            Node parent = r.getParentNode();
            if (parent instanceof Element p && name(p).equals("repositories") && isOwn(r, root)) {
                String id = text(r, "id", properties);
                String url = text(r, "url", properties);
                if (id == null || url == null) {
                    throw new IllegalArgumentException("a <repository> needs an id and a url; got id " + id + ", url " + url);
                }
                repositories.add(new Repository(id, url));
            }
        }
        return new PomRequest(dependencies, repositories);
    }

    private static boolean isOwn(Element e, Element root) {
        for (Node n = e.getParentNode(); n != null && n != root; n = n.getParentNode()) {
            if (n instanceof Element p && NOT_OWN.contains(name(p))) {
                return false;
            }
        }
        return true;
    }

    private static String text(Element parent, String child, Map<String, String> properties) {
        String raw = childText(parent, child);
        if (raw == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = properties.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("${" + m.group(1) + "} in <" + child + ">" + raw + "</" + child
                        + "> is not a property of this POM");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String childText(Element parent, String child) {
        for (Element c : children(parent)) {
            if (name(c).equals(child)) {
                String t = c.getTextContent().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> descendants(Element root, String name) {
        List<Element> out = new ArrayList<>();
        var nodes = root.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name(e).equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String name(Element e) {
        String n = e.getTagName();
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(colon + 1);
    }
}
